import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard } from '../support/app.ts';
import { seedProject } from '../support/fixtures.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

/** The invitation token from a message body, undoing quoted-printable soft line breaks. */
function tokenFrom(text: string): string {
  const decoded = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const match = decoded.match(/\/invite\/(inv_[A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation link in:\n${text}`);
  return match[1];
}

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
const ctx = useSwitchboard(() => ({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, PUBLIC_URL: 'https://switchboard.example.test/' } }));

async function invite(email: string, role = 'agent', cookie = ctx.p.admin.cookie) {
  return ctx.sb.app.inject({ method: 'POST', url: `/api/projects/${ctx.p.projectId}/invitations`, headers: { cookie }, payload: { email, role } });
}

async function inviteAndReceive(email: string, role = 'agent'): Promise<{ id: string; token: string }> {
  const before = smtp.inbox.length;
  const res = await invite(email, role);
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, token: tokenFrom((await smtp.mailTo(email, before)).raw) };
}

const accept = (token: string, payload: object) =>
  ctx.sb.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload });

describe('inviting an agent by e-mail', () => {
  it('delivers a link; the agent sets a password, is signed in, and can sign in again', async () => {
    const { token } = await inviteAndReceive('new.agent@example.test');
    const mail = smtp.inbox.find((m) => m.to.includes('new.agent@example.test'))!;
    expect(mail.raw).toMatch(/Subject: You are invited to/);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`https://switchboard.example.test/invite/${token}`);

    const view = await ctx.sb.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ email: 'new.agent@example.test', role: 'agent', hasAccount: false });

    const accepted = await accept(token, { name: 'Nova Agentová', password: 'a long passphrase' });
    expect(accepted.statusCode).toBe(200);
    const cookie = String(accepted.headers['set-cookie']).match(/sb_session=[^;]+/)![0];
    const me = await ctx.sb.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ name: 'Nova Agentová', projects: [{ projectId: ctx.p.projectId, role: 'agent' }] });

    const login = await ctx.sb.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'New.Agent@example.test', password: 'a long passphrase' } });
    expect(login.statusCode).toBe(200);
    expect(login.json().projects).toEqual([expect.objectContaining({ projectId: ctx.p.projectId, role: 'agent' })]);
  });

  it('refuses a used link with 410', async () => {
    const { token } = await inviteAndReceive('twice@example.test');
    expect((await accept(token, { name: 'Twice', password: 'a long passphrase' })).statusCode).toBe(200);
    const again = await accept(token, { name: 'Someone else', password: 'another passphrase' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('INVITATION_INVALID');
    expect((await ctx.sb.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(410);
  });

  it('refuses an expired link with 410', async () => {
    const { id, token } = await inviteAndReceive('late@example.test');
    await ctx.sb.db.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    const view = await ctx.sb.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(view.statusCode).toBe(410);
    expect(view.json().error.code).toBe('INVITATION_INVALID');
    expect((await accept(token, { name: 'Late', password: 'a long passphrase' })).statusCode).toBe(410);
  });

  it('refuses a revoked invitation, and a second revoke is 404', async () => {
    const { id, token } = await inviteAndReceive('revoked@example.test');
    const del = () => ctx.sb.app.inject({ method: 'DELETE', url: `/api/projects/${ctx.p.projectId}/invitations/${id}`, headers: { cookie: ctx.p.admin.cookie } });
    expect((await del()).statusCode).toBe(200);
    expect((await del()).json().error.code).toBe('INVITATION_NOT_FOUND');
    expect((await accept(token, { name: 'Revoked', password: 'a long passphrase' })).statusCode).toBe(410);
  });

  it('answers 409 ALREADY_MEMBER for a member, whatever the case of the address', async () => {
    const res = await invite(ctx.p.agent.email.toUpperCase());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_MEMBER');
  });

  it('rejects a weak password with 400 and keeps the link usable', async () => {
    const { token } = await inviteAndReceive('weak@example.test');
    const weak = await accept(token, { name: 'Weak', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('VALIDATION_FAILED');
    expect((await ctx.sb.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(200);
  });

  it('answers 502 MAIL_FAILED and keeps no invitation when the e-mail cannot be sent', async () => {
    const res = await invite('bounce@example.test');
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatchObject({ code: 'MAIL_FAILED', message: expect.stringContaining('bounce@example.test') });
    const list = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}/invitations`, headers: { cookie: ctx.p.admin.cookie } });
    expect(list.json().map((i: { email: string }) => i.email)).not.toContain('bounce@example.test');
  });

  it('lets only admins invite', async () => {
    const res = await invite('someone@example.test', 'agent', ctx.p.supervisor.cookie);
    expect(res.statusCode).toBe(403);
  });
});

describe('inviting someone who already has an account', () => {
  it('joins the existing account (one user per e-mail) only with its current password, which the link cannot reset', async () => {
    const other = await seedProject(ctx.sb);
    const email = other.agent.email.toUpperCase();
    const { token } = await inviteAndReceive(email, 'supervisor');
    expect((await ctx.sb.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json().hasAccount).toBe(true);

    const wrong = await accept(token, { name: 'Hijacker', password: 'not their password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');

    const ok = await accept(token, { name: 'Ignored', password: other.agent.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().projects.map((m: { role: string }) => m.role).sort()).toEqual(['agent', 'supervisor']);
    const users = await ctx.sb.db.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .execute();
    expect(users).toEqual([{ id: other.agent.id }]);
  });

  it('does not let a stale invitation change the role of someone who is already a member', async () => {
    const first = await inviteAndReceive('promoted@example.test', 'agent');
    const second = await inviteAndReceive('promoted@example.test', 'admin');
    expect(second.token).not.toBe(first.token);
    expect((await accept(second.token, { name: 'Promoted', password: 'a long passphrase' })).statusCode).toBe(200);
    const stale = await accept(first.token, { name: 'Promoted', password: 'a long passphrase' });
    expect(stale.json().projects).toEqual([expect.objectContaining({ projectId: ctx.p.projectId, role: 'admin' })]);
  });
});

describe('without SMTP_URL', () => {
  it('writes the invitation link to the log, and the link works', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const quiet = await startTestSwitchboard({ log: pino({ level: 'info' }, sink) });
    try {
      const q = await seedProject(quiet);
      const res = await quiet.app.inject({
        method: 'POST',
        url: `/api/projects/${q.projectId}/invitations`,
        headers: { authorization: `Bearer ${q.apiKey}` },
        payload: { email: 'logged@example.test' },
      });
      expect(res.statusCode).toBe(201);
      const logged = lines.map((l) => JSON.parse(l) as { msg: string; to?: string }).find((l) => l.to === 'logged@example.test');
      expect(logged?.msg).toContain('e-mail not sent (no SMTP_URL)');
      const token = tokenFrom(logged!.msg);
      const ok = await quiet.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Logged', password: 'a long passphrase' } });
      expect(ok.json().projects).toEqual([expect.objectContaining({ projectId: q.projectId, role: 'agent' })]);
    } finally {
      await quiet.stop();
    }
  });
});
