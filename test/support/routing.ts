import type { DomainEvent } from '../../src/platform/events/bus.ts';
import { hashPassword } from '../../src/platform/security/secrets.ts';
import type { Switchboard } from '../../src/main.ts';
import type { TestProject, TestUser } from './fixtures.ts';

/** Helpers for routing tests: extra agents, JSON calls, and awaiting routing events. */
export async function addAgent(sb: Switchboard, p: TestProject, name: string): Promise<TestUser> {
  const { db } = sb.db;
  const email = `${name}-${p.projectId.slice(0, 8)}@example.test`;
  const user = await db.insertInto('users').values({ email, name, password_hash: await hashPassword('x') }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ project_id: p.projectId, user_id: user.id, role: 'agent' }).execute();
  const session = await sb.services.directory.sessions.open(user.id);
  return { id: user.id, email, password: 'x', cookie: `sb_session=${session.token}` };
}

export type Who = TestUser | { apiKey: string };

export async function call(sb: Switchboard, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, who: Who, body?: object) {
  const headers = 'apiKey' in who ? { authorization: `Bearer ${who.apiKey}` } : { cookie: who.cookie };
  const res = await sb.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: res.json() as any };
}

/** Starts waiting for an event before the action that causes it. */
export function waitFor(sb: Switchboard, projectId: string, type: string, match: (p: any) => boolean = () => true, timeoutMs = 10_000): Promise<DomainEvent & { payload: any }> {
  return sb.bus.next((e) => e.projectId === projectId && e.type === type && match(e.payload), timeoutMs) as Promise<DomainEvent & { payload: any }>;
}

/** The agent row id of a user. */
export async function agentId(sb: Switchboard, p: TestProject, user: TestUser): Promise<string> {
  const me = await call(sb, 'GET', `/api/projects/${p.projectId}/agents/me`, user);
  return me.body.agent.id;
}

export async function makeQueue(sb: Switchboard, p: TestProject, settings: object = {}, name = `Q ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const res = await call(sb, 'POST', `/api/projects/${p.projectId}/queues`, p.supervisor, { name, settings: { wrapUpSeconds: 0, ...settings } });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id;
}

export async function makeTask(sb: Switchboard, p: TestProject, body: object): Promise<any> {
  const res = await call(sb, 'POST', `/api/projects/${p.projectId}/tasks`, { apiKey: p.apiKey }, body);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}
