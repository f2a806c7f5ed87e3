import { describe, expect, it } from 'vitest';
import { useSwitchboard } from '../../../test/support/use-switchboard.ts';

const ctx = useSwitchboard();

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly session cookie', async () => {
    const res = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ctx.p.agent.email, password: ctx.p.agent.password } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/sb_session=.*HttpOnly/i);
    expect(res.json().projects).toEqual([expect.objectContaining({ projectId: ctx.p.projectId, role: 'agent' })]);
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const wrong = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ctx.p.agent.email, password: 'nope' } });
    const unknown = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@example.test', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects malformed JSON and unknown fields with stable codes', async () => {
    const bad = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(bad.json().error.code).toBe('MALFORMED_JSON');
    const extra = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a', password: 'b', admin: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('expired sessions', () => {
  it('are purged by the daily housekeeping, while live sessions keep working', async () => {
    const live = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ctx.p.agent.email, password: ctx.p.agent.password } });
    const cookie = String(live.headers['set-cookie']).split(';')[0]!;
    await ctx.sb.db.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', ctx.p.supervisor.id).execute();
    const expired = await ctx.sb.db.db.selectFrom('sessions').select('token_hash').where('user_id', '=', ctx.p.supervisor.id).execute();
    expect(expired.length).toBeGreaterThan(0);

    expect(await ctx.sb.services.directory.sessions.purgeExpired()).toBeGreaterThanOrEqual(expired.length);

    expect(await ctx.sb.db.db.selectFrom('sessions').select('token_hash').where('user_id', '=', ctx.p.supervisor.id).execute()).toEqual([]);
    expect((await ctx.sb.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });
});
