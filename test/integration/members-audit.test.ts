import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedProject } from '../support/fixtures.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard();

const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
  ctx.sb.app.inject({ method, url: `/api/projects/${ctx.p.projectId}${path}`, headers: { cookie: ctx.p.admin.cookie }, ...(payload ? { payload } : {}) });

interface AuditEntry {
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

describe('member management', () => {
  it('changes a role and lists members by role', async () => {
    expect((await asAdmin('PATCH', `/members/${ctx.p.agent.id}`, { role: 'supervisor' })).statusCode).toBe(200);
    const supervisors = (await asAdmin('GET', '/members?role=supervisor')).json() as Array<{ id: string }>;
    expect(supervisors.map((m) => m.id).sort()).toEqual([ctx.p.agent.id, ctx.p.supervisor.id].sort());
    expect((await asAdmin('PATCH', `/members/${ctx.p.agent.id}`, { role: 'agent' })).statusCode).toBe(200);
  });

  it('never demotes or removes the last admin (409 LAST_ADMIN), but does once there is another', async () => {
    const demote = await asAdmin('PATCH', `/members/${ctx.p.admin.id}`, { role: 'agent' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    expect((await asAdmin('DELETE', `/members/${ctx.p.admin.id}`)).json().error.code).toBe('LAST_ADMIN');

    expect((await asAdmin('PATCH', `/members/${ctx.p.supervisor.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await asAdmin('PATCH', `/members/${ctx.p.supervisor.id}`, { role: 'supervisor' })).statusCode).toBe(200);
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const q = await seedProject(ctx.sb);
    await ctx.sb.db.db.updateTable('memberships').set({ role: 'admin' }).where('user_id', '=', q.supervisor.id).execute();
    // Open idle connections first, so both transactions really run side by side.
    await Promise.all(Array.from({ length: 4 }, () => sql`SELECT pg_sleep(0.05)`.execute(ctx.sb.db.db)));
    const members = ctx.sb.services.directory.members;
    const results = await Promise.allSettled([
      members.changeRole(q.projectId, q.admin.id, 'agent', { kind: 'user', id: q.supervisor.id }),
      members.changeRole(q.projectId, q.supervisor.id, 'agent', { kind: 'user', id: q.admin.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'LAST_ADMIN' } });
    const admins = await ctx.sb.db.db.selectFrom('memberships').select('user_id').where('project_id', '=', q.projectId).where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });

  it('removes a member, who then no longer sees the project', async () => {
    const q = await seedProject(ctx.sb);
    const del = await ctx.sb.app.inject({ method: 'DELETE', url: `/api/projects/${q.projectId}/members/${q.agent.id}`, headers: { cookie: q.admin.cookie } });
    expect(del.statusCode).toBe(200);
    const after = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${q.projectId}`, headers: { cookie: q.agent.cookie } });
    expect(after.statusCode).toBe(404);
    const again = await ctx.sb.app.inject({ method: 'DELETE', url: `/api/projects/${q.projectId}/members/${q.agent.id}`, headers: { cookie: q.admin.cookie } });
    expect(again.json().error.code).toBe('USER_NOT_FOUND');
  });

  it('keeps users unique by e-mail regardless of case', async () => {
    const insert = ctx.sb.db.db.insertInto('users').values({ email: ctx.p.agent.email.toUpperCase(), password_hash: null }).execute();
    await expect(insert).rejects.toThrow(/users_email_key/);
  });
});

describe('audit log', () => {
  it('records invitations, role changes and key creation and revocation with actor and details', async () => {
    await asAdmin('POST', '/invitations', { email: 'audited@example.test', role: 'supervisor' });
    await asAdmin('PATCH', `/members/${ctx.p.agent.id}`, { role: 'supervisor' });
    const key = (await asAdmin('POST', '/api-keys', { name: 'Audited key', role: 'agent' })).json() as { id: string };
    const byKey = await ctx.sb.app.inject({
      method: 'DELETE',
      url: `/api/projects/${ctx.p.projectId}/api-keys/${key.id}`,
      headers: { authorization: `Bearer ${ctx.p.apiKey}` },
    });
    expect(byKey.statusCode).toBe(200);

    const res = await asAdmin('GET', '/audit?limit=10');
    expect(res.statusCode).toBe(200);
    const entries = res.json() as AuditEntry[];
    const admin = { actorKind: 'user', actorId: ctx.p.admin.id, actorName: expect.stringContaining('admin') };
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ...admin, action: 'invite', entity: 'invitation', details: { email: 'audited@example.test', role: 'supervisor' } }),
        expect.objectContaining({ ...admin, action: 'change_role', entity: 'membership', entityId: ctx.p.agent.id, details: { from: 'agent', to: 'supervisor' } }),
        expect.objectContaining({ ...admin, action: 'create', entity: 'api_key', entityId: key.id, details: { name: 'Audited key', role: 'agent' } }),
        expect.objectContaining({ actorKind: 'api_key', actorName: 'test key', action: 'revoke', entity: 'api_key', entityId: key.id }),
      ]),
    );
    expect(entries[0]).toMatchObject({ action: 'revoke' });
  });

  it('pages backwards with `before`', async () => {
    const first = (await asAdmin('GET', '/audit?limit=2')).json() as Array<{ id: string }>;
    const next = (await asAdmin('GET', `/audit?limit=2&before=${first[1].id}`)).json() as Array<{ id: string }>;
    expect(Number(next[0].id)).toBeLessThan(Number(first[1].id));
  });

  it('is closed to agents and supervisors (403)', async () => {
    for (const cookie of [ctx.p.agent.cookie, ctx.p.supervisor.cookie]) {
      const res = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}/audit`, headers: { cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});
