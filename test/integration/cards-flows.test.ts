import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDemoConnectors } from '../../src/demo/backoffice.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { seedCardScenario, type CardScenario } from '../support/cards.ts';
import { openEventSocket, type EventSocket } from '../support/event-socket.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let s: CardScenario;
let socket: EventSocket;

const frame = (callId: string, kind: string) => (m: EventSocket['messages'][number]) =>
  m.type === 'card.frame' && (m.payload as any).callId === callId && (m.payload as any).kind === kind;

beforeAll(async () => {
  sb = await startTestSwitchboard({ listen: true, env: { DEMO: 'true' } });
  p = await seedProject(sb);
  s = await seedCardScenario(sb, p);
  await registerDemoConnectors(sb.db.db, p.projectId);
  socket = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
  await socket.next((m) => m.type === 'hello');
});
afterAll(async () => {
  socket?.close();
  await sb?.stop();
});

const originated = (callId: string, kind: 'click_to_call' | 'campaign', agentId: string | null) =>
  sb.bus.publish(p.projectId, 'call.originated', { callId, adapter: 'sim', kind, to: s.phone, callerId: '+420222000100', trunkId: null, agentId, contactId: null, campaignId: null, leadId: null, taskId: null });

describe('cards of outbound calls and the demo back office', () => {
  it('gives a click-to-call card to the calling agent, with the demo sources streaming in (the slow one last)', async () => {
    const db = sb.db.db;
    const queue = await db.insertInto('queues').values({ project_id: p.projectId, name: 'Callbacks', settings: '{}' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('tasks').values({ project_id: p.projectId, queue_id: queue.id, title: 'Call back about the invoice', contact_id: s.contactId, required_skills: '{}', details: '{}' }).execute();
    originated('out-1', 'click_to_call', p.agent.id);
    const first = (await socket.next(frame('out-1', 'card'))).payload as any;
    expect(first.card.base).toMatchObject({ direction: 'outbound', callerKind: 'customer', phone: s.phone, line: '+420222000100', contact: { name: 'Jana Nováková' }, rule: null, openTasks: [{ title: 'Call back about the invoice', status: 'queued' }] });
    expect(first.card.parts.map((x: any) => x.name)).toEqual(['Accounting', 'Orders', 'Invoices', 'Support history']);
    const done = (await socket.next(frame('out-1', 'done'), 6000)).payload as any;
    expect(done.status).toBe('complete');
    const parts = socket.messages.filter(frame('out-1', 'part')).map((m) => (m.payload as any).part);
    expect(parts.at(-1).name).toBe('Support history');
    expect(parts.at(-1).ms).toBeGreaterThanOrEqual(1400);
    const accounting = parts.find((x: any) => x.name === 'Accounting');
    expect(accounting.content.fields.map((f: any) => f.key)).toEqual(['Lifetime value', 'Receivables', 'Payment discipline', 'Customer since', 'Segment']);
  });

  it('answers the same data for the same phone and refuses callers without the demo token', async () => {
    const url = `/api/demo/backoffice/orders?phone=${encodeURIComponent(s.phone)}`;
    const auth = { authorization: 'Bearer demo-backoffice-7f3a' };
    const a = await sb.app.inject({ url, headers: auth });
    const b = await sb.app.inject({ url, headers: auth });
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    expect((await sb.app.inject({ url })).statusCode).toBe(401);
  });

  it('builds a campaign call card when an agent is bridged in, not before', async () => {
    originated('camp-1', 'campaign', null);
    sb.services.callRouting.desk.record({ projectId: p.projectId, callId: 'camp-1', at: new Date().toISOString(), kind: 'answered', extension: s.extension, answeredBy: 'human' });
    const first = (await socket.next(frame('camp-1', 'card'))).payload as any;
    expect(first.card.base).toMatchObject({ direction: 'outbound', contact: { id: s.contactId } });
    expect(socket.messages.filter(frame('camp-1', 'card'))).toHaveLength(1);
  });

  it('builds no card for a call that rings no agent', async () => {
    originated('nobody-1', 'campaign', null);
    sb.services.callRouting.desk.record({ projectId: p.projectId, callId: 'nobody-1', at: new Date().toISOString(), kind: 'ended', cause: 'no_answer', sipCode: 480 });
    const list = await sb.app.inject({ url: `/api/projects/${p.projectId}/cards?callId=nobody-1`, headers: { cookie: p.supervisor.cookie } });
    expect(list.statusCode).toBe(404);
    expect(list.json().error.code).toBe('CARD_NOT_FOUND');
  });
});
