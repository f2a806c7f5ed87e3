import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

let sb: TestSwitchboard;
let a: TestProject;
let b: TestProject;

beforeAll(async () => {
  sb = await startTestSwitchboard();
  a = await seedProject(sb);
  b = await seedProject(sb);
});
afterAll(() => sb?.stop());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function createKey(role: string, name = `${role} integration`) {
  const res = await sb.app.inject({
    method: 'POST',
    url: `/api/projects/${a.projectId}/api-keys`,
    headers: { cookie: a.admin.cookie },
    payload: { name, role },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; key: string; prefix: string; role: string };
}

describe('API keys', () => {
  it('shows a new key once; the list and the database never hold it', async () => {
    const created = await createKey('supervisor', 'CRM sync');
    expect(created.key).toMatch(/^sk_/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const list = await sb.app.inject({ method: 'GET', url: `/api/projects/${a.projectId}/api-keys`, headers: { cookie: a.admin.cookie } });
    expect(list.body).not.toContain(created.key);
    expect(list.json()).toContainEqual(expect.objectContaining({ id: created.id, name: 'CRM sync', role: 'supervisor', revokedAt: null }));
    const { rows } = await sql<{ hits: number }>`
      SELECT count(*)::int AS hits FROM api_keys WHERE row_to_json(api_keys)::text LIKE ${`%${created.key}%`}`.execute(sb.db.db);
    expect(rows[0].hits).toBe(0);
  });

  it('works as a Bearer token in its own project with its own role', async () => {
    const { key } = await createKey('supervisor');
    const me = await sb.app.inject({ method: 'GET', url: '/api/me', headers: bearer(key) });
    expect(me.json()).toMatchObject({ apiKey: { projectId: a.projectId, role: 'supervisor' } });
    const members = await sb.app.inject({ method: 'GET', url: `/api/projects/${a.projectId}/members`, headers: bearer(key) });
    expect(members.statusCode).toBe(200);
    const audit = await sb.app.inject({ method: 'GET', url: `/api/projects/${a.projectId}/audit`, headers: bearer(key) });
    expect(audit.statusCode).toBe(403);
    expect(audit.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for another project', async () => {
    const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${b.projectId}/members`, headers: bearer(a.apiKey) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PROJECT_NOT_FOUND');
  });

  it('stops working at once when revoked, even though it was just cached', async () => {
    const { id, key } = await createKey('admin');
    const url = `/api/projects/${a.projectId}/members`;
    expect((await sb.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode).toBe(200);
    const revoke = await sb.app.inject({ method: 'DELETE', url: `/api/projects/${a.projectId}/api-keys/${id}`, headers: { cookie: a.admin.cookie } });
    expect(revoke.statusCode).toBe(200);
    const after = await sb.app.inject({ method: 'GET', url, headers: bearer(key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    const again = await sb.app.inject({ method: 'DELETE', url: `/api/projects/${a.projectId}/api-keys/${id}`, headers: { cookie: a.admin.cookie } });
    expect(again.json().error.code).toBe('API_KEY_NOT_FOUND');
  });

  it('stops working in every Switchboard process on the same database once revoked', async () => {
    const other = await startTestSwitchboard({ databaseUrl: sb.db.url });
    try {
      const { id, key } = await createKey('admin');
      const url = `/api/projects/${a.projectId}/members`;
      expect((await other.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode).toBe(200);
      const heard = other.bus.next((e) => e.type === 'api_key.revoked' && (e.payload as { apiKeyId: string }).apiKeyId === id);
      await sb.app.inject({ method: 'DELETE', url: `/api/projects/${a.projectId}/api-keys/${id}`, headers: { cookie: a.admin.cookie } });
      await heard;
      expect((await other.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('records when a key was last used', async () => {
    const { id, key } = await createKey('agent');
    await sb.app.inject({ method: 'GET', url: '/api/me', headers: bearer(key) });
    for (let i = 0; i < 50; i++) {
      const row = await sb.db.db.selectFrom('api_keys').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
      if (row.last_used_at) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('last_used_at was never set');
  });
});

describe('rate limits', () => {
  let limited: TestSwitchboard;
  let p: TestProject;

  beforeAll(async () => {
    limited = await startTestSwitchboard({ env: { LOGIN_RATE_LIMIT: '3', API_RATE_LIMIT: '5' } });
    p = await seedProject(limited);
  });
  afterAll(() => limited?.stop());

  it('answers 429 RATE_LIMITED after LOGIN_RATE_LIMIT sign-in attempts a minute, whatever X-Forwarded-For claims', async () => {
    let n = 0;
    const attempt = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `198.51.100.${++n}` },
        payload: { email: p.agent.email, password: 'guess' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    const right = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: p.agent.email, password: p.agent.password } });
    expect(right.statusCode).toBe(429);
  });

  it('answers 429 RATE_LIMITED after API_RATE_LIMIT calls a minute per key, without slowing other keys', async () => {
    const call = (key: string) => limited.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/members`, headers: bearer(key) });
    for (let i = 0; i < 5; i++) expect((await call(p.apiKey)).statusCode).toBe(200);
    const blocked = await call(p.apiKey);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/retry in \d+ s/) } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await limited.services.directory.apiKeys.create(p.projectId, 'other', 'agent', { kind: 'system', id: null });
    expect((await call(other.key)).statusCode).toBe(200);
  });
});

describe('behind a reverse proxy (TRUST_PROXY=loopback)', () => {
  it('limits sign-in per client address that the proxy reports', async () => {
    const proxied = await startTestSwitchboard({ env: { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' } });
    try {
      const attempt = (client: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': client },
          payload: { email: 'nobody@example.test', password: 'guess' },
        });
      await attempt('203.0.113.7');
      await attempt('203.0.113.7');
      expect((await attempt('203.0.113.7')).statusCode).toBe(429);
      expect((await attempt('203.0.113.8')).statusCode).toBe(401);
    } finally {
      await proxied.stop();
    }
  });
});
