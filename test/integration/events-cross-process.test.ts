import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/platform/events/bus.ts';
import type { TestSwitchboard } from '../support/app.ts';
import { openEventSocket } from '../support/event-socket.ts';
import type { TestProject } from '../support/fixtures.ts';
import { pollUntil } from '../support/poll.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { startTwoProcesses } from '../support/use-switchboard.ts';

/** Two Switchboard processes (two instances, each with its own pools, bus, bridge and job worker) on one database. */
let a: TestSwitchboard;
let b: TestSwitchboard;
let p: TestProject;
let r: WebhookReceiver;

beforeAll(async () => {
  ({ a, b, p } = await startTwoProcesses({ a: { listen: true, env: { WEBHOOK_RETRY_BASE_MS: '1500' } }, b: { listen: true, env: { WEBHOOK_RETRY_BASE_MS: '300' } } }));
  r = await startWebhookReceiver();
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await r?.close();
});

const admin = () => ({ cookie: p.admin.cookie });

/** Creates a webhook on A and returns once B has heard of it (the change travels by NOTIFY, within milliseconds). */
async function createHook(eventTypes: string[]) {
  const heardOnB = b.bus.next((e) => e.type === 'webhook.changed');
  const res = await a.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/webhooks`, headers: admin(), payload: { url: r.url, eventTypes } });
  expect(res.statusCode).toBe(201);
  await heardOnB;
  return res.json() as { id: string };
}

const deliveryLog = async (hookId: string) =>
  (await b.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/webhooks/${hookId}/deliveries`, headers: admin() })).json() as Array<{
    eventId: string;
    status: string;
    nextAttemptAt: string | null;
  }>;

describe('two processes on one database', () => {
  it("carries an event published on A to B's bus (as remote) and to a socket connected to B", async () => {
    const socket = await openEventSocket(b.url, p.projectId, { cookie: p.agent.cookie });
    await socket.next((m) => m.type === 'hello');
    const onB = new Promise<{ event: DomainEvent; local: boolean }>((resolve) => {
      const off = b.bus.subscribe((event, meta) => {
        if (event.type !== 'contact.created') return;
        off();
        resolve({ event, local: meta.local });
      });
    });
    const event = a.bus.publish(p.projectId, 'contact.created', { contactId: 'c-x', name: 'Across' });
    expect(await onB).toEqual({ event, local: false });
    expect(await socket.next((m) => m.id === event.id)).toMatchObject({ type: 'contact.created', payload: { name: 'Across' } });
    socket.close();
  });

  it('delivers each webhook exactly once, whichever process published the event', async () => {
    const hook = await createHook(['account.created']);
    const seenOnB = b.bus.next((e) => e.type === 'account.created');
    const fromA = a.bus.publish(p.projectId, 'account.created', { accountId: 'acc-a', name: 'From A', kind: 'customer' });
    await seenOnB;
    const fromB = b.bus.publish(p.projectId, 'account.created', { accountId: 'acc-b', name: 'From B', kind: 'customer' });
    await r.waitFor((x) => x.json.id === fromA.id);
    await r.waitFor((x) => x.json.id === fromB.id);
    const log = await pollUntil(() => deliveryLog(hook.id), (rows) => rows.length > 0 && rows.every((d) => d.status === 'delivered'));
    expect(log.map((d) => d.eventId).sort()).toEqual([fromA.id, fromB.id].sort());
    expect(r.received.filter((x) => x.json.id === fromA.id)).toHaveLength(1);
    expect(r.received.filter((x) => x.json.id === fromB.id)).toHaveLength(1);
  });

  it("refreshes B's subscription cache when the webhook is changed on A", async () => {
    const hook = await createHook(['contact.updated']);
    const first = b.bus.publish(p.projectId, 'contact.updated', { contactId: 'c-1', name: 'One' });
    await r.waitFor((x) => x.json.id === first.id);
    const changedOnB = b.bus.next((e) => e.type === 'webhook.changed' && (e.payload as { webhookId: string }).webhookId === hook.id);
    const patch = await a.app.inject({
      method: 'PATCH',
      url: `/api/projects/${p.projectId}/webhooks/${hook.id}`,
      headers: admin(),
      payload: { eventTypes: ['contact.deleted'] },
    });
    expect(patch.statusCode).toBe(200);
    await changedOnB;
    const ignored = b.bus.publish(p.projectId, 'contact.updated', { contactId: 'c-1', name: 'Two' });
    const wanted = b.bus.publish(p.projectId, 'contact.deleted', { contactId: 'c-1' });
    await r.waitFor((x) => x.json.id === wanted.id);
    expect((await deliveryLog(hook.id)).map((d) => d.eventId).sort()).toEqual([first.id, wanted.id].sort());
    expect(r.received.some((x) => x.json.id === ignored.id)).toBe(false);
  });

  it('keeps carrying events after the database drops the listening connections', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE application_name = 'switchboard-events' AND datname = current_database()`.execute(a.db.db);
    expect(rows[0].n).toBe(2);
    const deadline = Date.now() + 15_000;
    let heard = false;
    while (!heard && Date.now() < deadline) {
      const e = a.bus.publish(p.projectId, 'member.invited', { email: 'x@example.test', role: 'agent' });
      heard = await b.bus.next((x) => x.id === e.id, 250).then(() => true, () => false);
    }
    expect(heard).toBe(true);
  });

  it('finishes on B a delivery whose retry A scheduled before it stopped', async () => {
    const hook = await createHook(['import.progress']);
    let refused = false;
    r.respond = (req) => {
      if (req.json.type !== 'import.progress' || refused) return 204;
      refused = true;
      return 503;
    };
    const event = a.bus.publish(p.projectId, 'import.progress', { importId: 'i-1', rowsImported: 5, rowsFailed: 0, status: 'running' });
    const [retrying] = await pollUntil(() => deliveryLog(hook.id), (rows) => rows[0]?.status === 'retrying');
    await a.stop();
    expect(Date.now()).toBeLessThan(Date.parse(String(retrying.nextAttemptAt)));
    const log = await pollUntil(() => deliveryLog(hook.id), (rows) => rows[0]?.status === 'delivered');
    expect(log[0]).toMatchObject({ eventId: event.id, attempts: 2 });
    expect(r.received.filter((x) => x.json.id === event.id)).toHaveLength(2);
  });
});
