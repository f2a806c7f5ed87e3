import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startTestSwitchboard } from '../support/app.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ projects: 2 });

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function createKey(role: string, name = `${role} integration`) {
  const res = await ctx.sb.app.inject({
    method: 'POST',
    url: `/api/projects/${ctx.p.projectId}/api-keys`,
    headers: { cookie: ctx.p.admin.cookie },
    payload: { name, role },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; key: string; prefix: string; role: string };
}

describe('API keys', () => {
  it('shows ctx.p new key once; the list and the database never hold it', async () => {
    const created = await createKey('supervisor', 'CRM sync');
    expect(created.key).toMatch(/^sk_/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const list = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}/api-keys`, headers: { cookie: ctx.p.admin.cookie } });
    expect(list.body).not.toContain(created.key);
    expect(list.json()).toContainEqual(expect.objectContaining({ id: created.id, name: 'CRM sync', role: 'supervisor', revokedAt: null }));
    const { rows } = await sql<{ hits: number }>`
      SELECT count(*)::int AS hits FROM api_keys WHERE row_to_json(api_keys)::text LIKE ${`%${created.key}%`}`.execute(ctx.sb.db.db);
    expect(rows[0].hits).toBe(0);
  });

  it('works as ctx.p Bearer token in its own project with its own role', async () => {
    const { key } = await createKey('supervisor');
    const me = await ctx.sb.app.inject({ method: 'GET', url: '/api/me', headers: bearer(key) });
    expect(me.json()).toMatchObject({ apiKey: { projectId: ctx.p.projectId, role: 'supervisor' } });
    const members = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}/members`, headers: bearer(key) });
    expect(members.statusCode).toBe(200);
    const audit = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}/audit`, headers: bearer(key) });
    expect(audit.statusCode).toBe(403);
    expect(audit.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for another project', async () => {
    const res = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.projects[1].projectId}/members`, headers: bearer(ctx.p.apiKey) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PROJECT_NOT_FOUND');
  });

  it('stops working at once when revoked, even though it was just cached', async () => {
    const { id, key } = await createKey('admin');
    const url = `/api/projects/${ctx.p.projectId}/members`;
    expect((await ctx.sb.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode).toBe(200);
    const revoke = await ctx.sb.app.inject({ method: 'DELETE', url: `/api/projects/${ctx.p.projectId}/api-keys/${id}`, headers: { cookie: ctx.p.admin.cookie } });
    expect(revoke.statusCode).toBe(200);
    const after = await ctx.sb.app.inject({ method: 'GET', url, headers: bearer(key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    const again = await ctx.sb.app.inject({ method: 'DELETE', url: `/api/projects/${ctx.p.projectId}/api-keys/${id}`, headers: { cookie: ctx.p.admin.cookie } });
    expect(again.json().error.code).toBe('API_KEY_NOT_FOUND');
  });

  it('stops working in every Switchboard process on the same database once revoked', async () => {
    const other = await startTestSwitchboard({ databaseUrl: ctx.sb.db.url });
    try {
      const { id, key } = await createKey('admin');
      const url = `/api/projects/${ctx.p.projectId}/members`;
      expect((await other.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode).toBe(200);
      const heard = other.bus.next((e) => e.type === 'api_key.revoked' && (e.payload as { apiKeyId: string }).apiKeyId === id);
      await ctx.sb.app.inject({ method: 'DELETE', url: `/api/projects/${ctx.p.projectId}/api-keys/${id}`, headers: { cookie: ctx.p.admin.cookie } });
      await heard;
      expect((await other.app.inject({ method: 'GET', url, headers: bearer(key) })).statusCode).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('records when ctx.p key was last used', async () => {
    const { id, key } = await createKey('agent');
    await ctx.sb.app.inject({ method: 'GET', url: '/api/me', headers: bearer(key) });
    for (let i = 0; i < 50; i++) {
      const row = await ctx.sb.db.db.selectFrom('api_keys').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
      if (row.last_used_at) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('last_used_at was never set');
  });
});

describe('rate limits', () => {
  const limited = useSwitchboard({ env: { LOGIN_RATE_LIMIT: '3', API_RATE_LIMIT: '5' } });

  it('answers 429 RATE_LIMITED after LOGIN_RATE_LIMIT sign-in attempts a minute, whatever X-Forwarded-For claims', async () => {
    let n = 0;
    const attempt = () =>
      limited.sb.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `198.51.100.${++n}` },
        payload: { email: limited.p.agent.email, password: 'guess' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    const right = await limited.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: limited.p.agent.email, password: limited.p.agent.password } });
    expect(right.statusCode).toBe(429);
  });

  it('answers 429 RATE_LIMITED after API_RATE_LIMIT calls a minute per key, without slowing other keys', async () => {
    const call = (key: string) => limited.sb.app.inject({ method: 'GET', url: `/api/projects/${limited.p.projectId}/members`, headers: bearer(key) });
    for (let i = 0; i < 5; i++) expect((await call(limited.p.apiKey)).statusCode).toBe(200);
    const blocked = await call(limited.p.apiKey);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/retry in \d+ s/) } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await limited.sb.services.directory.apiKeys.create(limited.p.projectId, 'other', 'agent', { kind: 'system', id: null });
    expect((await call(other.key)).statusCode).toBe(200);
  });
});

describe('behind ctx.p reverse proxy (TRUST_PROXY=loopback)', () => {
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
