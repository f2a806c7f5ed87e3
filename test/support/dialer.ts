import type { Capabilities, DialRequest, OriginateRequest, RouteTarget, TelephonyAdapter } from '../../src/telephony/port.ts';
import type { TestSwitchboard } from './app.ts';
import type { TestProject } from './fixtures.ts';
import { setPresence } from '../../src/domains/agents/presence-actions.ts';
import type { DomainEvent } from '../../src/platform/events/bus.ts';

const ALL: Capabilities = { routeQuestions: false, callEvents: true, originate: true, dial: true, bridge: true, abandon: true, answer: true, hangup: true, transfer: false, hold: false, recording: false };

/** A PBX that records every command and places nothing: the test decides what each call does. */
export class RecordingAdapter implements TelephonyAdapter {
  readonly dials: Array<DialRequest & { callId: string }> = [];
  readonly bridges: Array<{ callId: string; extension: string }> = [];
  readonly abandons: string[] = [];
  readonly hangups: string[] = [];
  readonly originates: Array<OriginateRequest & { callId: string }> = [];
  private n = 0;

  constructor(readonly name = 'dialtest', readonly capabilities: Readonly<Capabilities> = ALL) {}

  async dial(r: DialRequest) {
    const callId = `${this.name}-${++this.n}`;
    this.dials.push({ ...r, callId });
    return { callId };
  }
  async originate(r: OriginateRequest) {
    const callId = `${this.name}-o${++this.n}`;
    this.originates.push({ ...r, callId });
    return { callId };
  }
  async bridge(_p: string, callId: string, extension: string) {
    this.bridges.push({ callId, extension });
  }
  async abandon(_p: string, callId: string) {
    this.abandons.push(callId);
  }
  async hangup(_p: string, callId: string) {
    this.hangups.push(callId);
  }
  async answer() {}
  async transfer(_p: string, _c: string, _t: RouteTarget) {}
  async hold() {}
  async close() {}
}

/** Monday 23 Nov 2026, 09:00 UTC = 10:00 in Prague: inside the default calling hours. */
export const MONDAY_10_PRAGUE = Date.UTC(2026, 10, 23, 9, 0, 0);

/** A hand-moved clock for the campaigns domain; the runner timer is off (DIALER_TICK_MS=0). */
export function dialerClock(sb: TestSwitchboard, start = MONDAY_10_PRAGUE) {
  const clock = { t: start, now: () => clock.t, advance: (ms: number) => (clock.t += ms) };
  sb.services.campaigns.setClock(() => clock.t);
  return clock;
}

/** Adds `n` agents to the project with extensions 1001.., available now; returns their agent ids. */
export async function availableAgents(sb: TestSwitchboard, p: TestProject, n: number): Promise<Array<{ agentId: string; userId: string; extension: string }>> {
  const db = sb.db.db;
  const out: Array<{ agentId: string; userId: string; extension: string }> = [];
  for (let i = 0; i < n; i++) {
    const u = await db.insertInto('users').values({ email: `dial-${i}-${p.projectId.slice(0, 8)}@example.test`, name: `Dialer agent ${i}`, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ project_id: p.projectId, user_id: u.id, role: 'agent' }).execute();
    await db.insertInto('agent_extensions').values({ project_id: p.projectId, user_id: u.id, extension: `${1001 + i}` }).execute();
    out.push({ agentId: '', userId: u.id, extension: `${1001 + i}` });
  }
  const eng = sb.services.routing.engine;
  await eng.run(p.projectId, async (ps) => {
    await eng.refreshAgents(ps);
    for (const o of out) {
      const a = ps.agents.get(ps.byUser.get(o.userId)!)!;
      o.agentId = a.id;
      await setPresence(eng, ps, a, { state: 'available' });
    }
  });
  return out;
}

/** A call event as the bus carries it, handed straight to the runner (awaited, so no waiting in tests). */
export function callEvent(projectId: string, type: 'call.answered' | 'call.ended', payload: Record<string, unknown>): DomainEvent {
  return { id: `${Math.random()}`, type, projectId, at: new Date().toISOString(), payload: payload as never };
}

export const answered = (projectId: string, callId: string, answeredBy: 'human' | 'machine' | null = 'human') =>
  callEvent(projectId, 'call.answered', { callId, extension: null, agentId: null, answeredBy });
export const ended = (projectId: string, callId: string, cause = 'normal') => callEvent(projectId, 'call.ended', { callId, cause, sipCode: null });
