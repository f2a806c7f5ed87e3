import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../../../test/support/poll.ts';
import { webhookRepo } from './repo.ts';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { useSwitchboard } from '../../../test/support/use-switchboard.ts';

const receivers: WebhookReceiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});
const ctx = useSwitchboard({ env: { WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_TIMEOUT_MS: '2000' }, projects: 2 });

const base = (projectId = ctx.p.projectId) => `/api/projects/${projectId}/webhooks`;

async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

async function createHook(body: object, cookie = ctx.p.admin.cookie) {
  const res = await ctx.sb.app.inject({ method: 'POST', url: base(), headers: { cookie }, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secret: string; url: string; eventTypes: string[] };
}

const deliveries = async (hookId: string) =>
  (await ctx.sb.app.inject({ method: 'GET', url: `${base()}/${hookId}/deliveries`, headers: { cookie: ctx.p.admin.cookie } })).json();

/** What a receiver does: recompute the HMAC over "<timestamp>.<raw body>" and compare in constant time. */
function signedBy(secret: string, r: ReceivedRequest): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${r.headers['x-switchboard-timestamp']}.${r.body}`).digest('hex')}`);
  const given = Buffer.from(String(r.headers['x-switchboard-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('webhook settings', () => {
  it('shows the secret once and never again', async () => {
    const hook = await createHook({ url: 'https://example.test/hook', eventTypes: ['contact.created'] });
    expect(hook.secret).toMatch(/^whsec_/);
    const list = await ctx.sb.app.inject({ method: 'GET', url: base(), headers: { cookie: ctx.p.admin.cookie } });
    expect(list.json()).toContainEqual(expect.objectContaining({ id: hook.id, url: 'https://example.test/hook', active: true }));
    expect(list.body).not.toContain(hook.secret);
    const one = await ctx.sb.app.inject({ method: 'GET', url: `${base()}/${hook.id}`, headers: { cookie: ctx.p.admin.cookie } });
    expect(one.json()).not.toHaveProperty('secret');
  });

  it.each([
    ['a non-http URL', { url: 'ftp://example.test/x', eventTypes: ['contact.created'] }],
    ['a javascript: URL', { url: 'javascript:alert(1)', eventTypes: ['*'] }],
    ['an unknown event type', { url: 'https://example.test/x', eventTypes: ['contact.exploded'] }],
    ['no event types', { url: 'https://example.test/x', eventTypes: [] }],
    ['an unknown field', { url: 'https://example.test/x', eventTypes: ['*'], secret: 'mine' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_what, body) => {
    const res = await ctx.sb.app.inject({ method: 'POST', url: base(), headers: { cookie: ctx.p.admin.cookie }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lets only admins in: agents and supervisors get 403, other projects 404', async () => {
    const hook = await createHook({ url: 'https://example.test/roles', eventTypes: ['*'] });
    for (const who of [ctx.p.agent, ctx.p.supervisor]) {
      for (const [method, url] of [['GET', base()], ['POST', `${base()}/${hook.id}/test`], ['GET', `${base()}/${hook.id}/deliveries`]] as const) {
        const res = await ctx.sb.app.inject({ method, url, headers: { cookie: who.cookie } });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    const foreign = await ctx.sb.app.inject({ method: 'GET', url: `${base()}/${hook.id}`, headers: { cookie: ctx.projects[1].admin.cookie } });
    expect(foreign.statusCode).toBe(404);
    const viaOwnProject = await ctx.sb.app.inject({ method: 'GET', url: `${base(ctx.projects[1].projectId)}/${hook.id}`, headers: { cookie: ctx.projects[1].admin.cookie } });
    expect(viaOwnProject.json().error.code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('lists every known event type', async () => {
    const res = await ctx.sb.app.inject({ method: 'GET', url: '/api/event-types', headers: { cookie: ctx.p.agent.cookie } });
    expect(res.json()).toContainEqual({ type: 'contact.created', description: expect.any(String) });
  });
});

describe('webhook delivery', () => {
  it('POSTs the signed event envelope to a subscribed webhook and logs it as delivered', async () => {
    const r = await receiver();
    const hook = await createHook({ url: `${r.url}/in`, eventTypes: ['contact.created'] });
    const event = ctx.sb.bus.publish(ctx.p.projectId, 'contact.created', { contactId: 'c-1', name: 'Jana Nováková' });
    const got = await r.waitFor((x) => x.json.id === event.id);
    expect(got.json).toEqual({ id: event.id, type: 'contact.created', projectId: ctx.p.projectId, at: event.at, payload: { contactId: 'c-1', name: 'Jana Nováková' } });
    expect(got.headers['x-switchboard-event']).toBe('contact.created');
    expect(Math.abs(Number(got.headers['x-switchboard-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(signedBy(hook.secret, got)).toBe(true);
    expect(signedBy('whsec_wrong', got)).toBe(false);
    const log = await pollUntil(() => deliveries(hook.id), (rows) => rows[0]?.status === 'delivered');
    expect(log[0]).toMatchObject({ id: got.headers['x-switchboard-delivery'], eventId: event.id, attempts: 1, lastStatusCode: 204, lastError: null });
  });

  it('does not deliver event types the webhook did not subscribe to', async () => {
    const r = await receiver();
    const hook = await createHook({ url: r.url, eventTypes: ['contact.created'] });
    ctx.sb.bus.publish(ctx.p.projectId, 'contact.deleted', { contactId: 'c-2' });
    const sentinel = ctx.sb.bus.publish(ctx.p.projectId, 'contact.created', { contactId: 'c-3', name: 'After' });
    await r.waitFor((x) => x.json.id === sentinel.id);
    expect(r.received.map((x) => x.json.type)).toEqual(['contact.created']);
    expect((await deliveries(hook.id)).map((d: { eventType: string }) => d.eventType)).toEqual(['contact.created']);
  });

  it('retries a failing receiver with backoff: fails twice, delivered on the third attempt', async () => {
    const r = await receiver();
    r.respond = (_req, i) => (i < 2 ? 503 : 200);
    const hook = await createHook({ url: r.url, eventTypes: ['account.created'] });
    const event = ctx.sb.bus.publish(ctx.p.projectId, 'account.created', { accountId: 'a-1', name: 'ACME', kind: 'customer' });
    const log = await pollUntil(() => deliveries(hook.id), (rows) => rows[0]?.status === 'delivered');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventId: event.id, status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(r.received.map((x) => x.headers['x-switchboard-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(r.received.map((x) => x.headers['x-switchboard-delivery']))).toEqual(new Set([log[0].id]));
    expect(r.received.every((x) => signedBy(hook.secret, x))).toBe(true);
  });

  it('gives up after the configured attempts and keeps the last error', async () => {
    const r = await receiver();
    r.respond = () => 500;
    const hook = await createHook({ url: r.url, eventTypes: ['account.deleted'] });
    ctx.sb.bus.publish(ctx.p.projectId, 'account.deleted', { accountId: 'a-2' });
    const log = await pollUntil(() => deliveries(hook.id), (rows) => rows[0]?.status === 'failed');
    expect(log[0]).toMatchObject({ attempts: 4, lastStatusCode: 500, lastError: 'HTTP 500: receiver says no', nextAttemptAt: null });
    expect(r.received).toHaveLength(4);
  });

  it('sends a test event on request, and signs with the new secret after a rotation', async () => {
    const r = await receiver();
    const hook = await createHook({ url: r.url, eventTypes: ['contact.deleted'] });
    const rotated = await ctx.sb.app.inject({ method: 'POST', url: `${base()}/${hook.id}/rotate-secret`, headers: { cookie: ctx.p.admin.cookie } });
    const { secret } = rotated.json();
    expect(secret).not.toBe(hook.secret);
    const res = await ctx.sb.app.inject({ method: 'POST', url: `${base()}/${hook.id}/test`, headers: { cookie: ctx.p.admin.cookie }, payload: { message: 'ping' } });
    expect(res.statusCode).toBe(202);
    const got = await r.waitFor((x) => x.json.id === res.json().eventId);
    expect(got.json).toMatchObject({ type: 'webhook.test', payload: { message: 'ping' } });
    expect(signedBy(secret, got)).toBe(true);
    expect(signedBy(hook.secret, got)).toBe(false);
  });

  it('follows changes at once: new event types, deactivation, deletion', async () => {
    const r = await receiver();
    const hook = await createHook({ url: r.url, eventTypes: ['member.invited'] });
    const patch = (body: object) => ctx.sb.app.inject({ method: 'PATCH', url: `${base()}/${hook.id}`, headers: { cookie: ctx.p.admin.cookie }, payload: body });
    expect((await patch({ eventTypes: ['member.joined'] })).json().eventTypes).toEqual(['member.joined']);
    const joined = ctx.sb.bus.publish(ctx.p.projectId, 'member.joined', { userId: 'u-1', role: 'agent' });
    await r.waitFor((x) => x.json.id === joined.id);
    expect((await patch({ active: false })).json().active).toBe(false);
    const watcher = await receiver();
    await createHook({ url: watcher.url, eventTypes: ['member.joined'] });
    const second = ctx.sb.bus.publish(ctx.p.projectId, 'member.joined', { userId: 'u-2', role: 'agent' });
    await watcher.waitFor((x) => x.json.id === second.id);
    expect(await deliveries(hook.id)).toHaveLength(1);
    const del = await ctx.sb.app.inject({ method: 'DELETE', url: `${base()}/${hook.id}`, headers: { cookie: ctx.p.admin.cookie } });
    expect(del.statusCode).toBe(200);
    const gone = await ctx.sb.app.inject({ method: 'GET', url: `${base()}/${hook.id}/deliveries`, headers: { cookie: ctx.p.admin.cookie } });
    expect(gone.json().error.code).toBe('WEBHOOK_NOT_FOUND');
    expect(r.received).toHaveLength(1);
  });

  it('sends a logged delivery again on request, as a new delivery of the same event', async () => {
    const r = await receiver();
    const hook = await createHook({ url: r.url, eventTypes: ['contact.updated'] });
    const event = ctx.sb.bus.publish(ctx.p.projectId, 'contact.updated', { contactId: 'c-9', name: 'Again' });
    const first = await r.waitFor((x) => x.json.id === event.id);
    const url = (id: string) => `${base()}/${hook.id}/deliveries/${id}/redeliver`;
    const res = await ctx.sb.app.inject({ method: 'POST', url: url(String(first.headers['x-switchboard-delivery'])), headers: { cookie: ctx.p.admin.cookie } });
    expect(res.statusCode).toBe(202);
    const again = await r.waitFor((x) => x.headers['x-switchboard-delivery'] === res.json().deliveryId);
    expect(again.body).toBe(first.body);
    const unknown = await ctx.sb.app.inject({ method: 'POST', url: url('00000000-0000-4000-8000-000000000000'), headers: { cookie: ctx.p.admin.cookie } });
    expect(unknown.json().error.code).toBe('WEBHOOK_DELIVERY_NOT_FOUND');
  });

  it('prunes finished deliveries older than the retention, keeping pending ones and recent ones', async () => {
    const hook = await createHook({ url: 'https://example.test/prune', eventTypes: ['*'], active: false });
    const old = new Date(Date.now() - 40 * 86_400_000);
    const row = (status: 'delivered' | 'failed' | 'retrying', updated: Date) => ({
      webhook_id: hook.id,
      project_id: ctx.p.projectId,
      event_id: `e-${status}-${updated.getTime()}`,
      event_type: 'contact.created',
      payload: '{}',
      status,
      updated_at: updated,
    });
    await ctx.sb.db.db
      .insertInto('webhook_deliveries')
      .values([row('delivered', old), row('failed', old), row('retrying', old), row('delivered', new Date())])
      .execute();
    expect(await webhookRepo.prune(ctx.sb.db.db, new Date(Date.now() - 30 * 86_400_000))).toBe(2);
    expect((await deliveries(hook.id)).map((d: { status: string }) => d.status).sort()).toEqual(['delivered', 'retrying']);
  });
});
