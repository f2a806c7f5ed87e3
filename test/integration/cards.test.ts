import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { addConnector, MARKER, seedCardScenario, startBackOffice, type BackOffice, type CardScenario } from '../support/cards.ts';
import { projectApi } from '../support/call-routing.ts';
import { openEventSocket, type EventSocket } from '../support/event-socket.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { pollUntil } from '../support/poll.ts';

let sb: TestSwitchboard;
let office: BackOffice;
let p: TestProject;
let s: CardScenario;

type Frame = { type: string; payload?: any };
const frames = (socket: EventSocket, callId: string) => socket.messages.filter((m): m is Frame => m.type === 'card.frame' && (m.payload as any)?.callId === callId);

beforeAll(async () => {
  office = await startBackOffice();
  sb = await startTestSwitchboard({ listen: true, env: { CARD_TTL_SECONDS: '1' } });
  p = await seedProject(sb);
  s = await seedCardScenario(sb, p);
  const base = { deadlineMs: 5000 };
  await addConnector(sb, p, { ...base, name: 'Accounting', urlTemplate: `${office.url}/fast?phone={{phone}}`, position: 1 });
  await addConnector(sb, p, { ...base, name: 'Orders', urlTemplate: `${office.url}/orders?acc={{account.externalId}}`, authHeader: 'X-Api-Key', authValue: 'sekret', display: 'table', position: 2 });
  await addConnector(sb, p, { ...base, name: 'Hanging', urlTemplate: `${office.url}/slow`, position: 3, deadlineMs: 400 });
  await addConnector(sb, p, { ...base, name: 'Garbage', urlTemplate: `${office.url}/garbage`, position: 4 });
  await addConnector(sb, p, { ...base, name: 'Huge', urlTemplate: `${office.url}/huge`, position: 5 });
  await addConnector(sb, p, { ...base, name: 'Failing', urlTemplate: `${office.url}/fail`, position: 6 });
  await addConnector(sb, p, { ...base, name: 'Off', urlTemplate: `${office.url}/fast`, enabled: false, position: 7 });
});
afterAll(async () => {
  await sb?.stop();
  await office?.close();
});

describe('connector settings', () => {
  it('keeps the auth value write-only and rejects unknown placeholders', async () => {
    const api = projectApi(sb, p);
    const list = (await api('GET', '/connectors')) as any[];
    const orders = list.find((c) => c.name === 'Orders');
    expect(orders).toMatchObject({ authHeader: 'X-Api-Key', hasAuthValue: true, display: 'table' });
    expect(JSON.stringify(list)).not.toContain('sekret');
    const bad = await sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/connectors`, headers: { cookie: p.admin.cookie }, payload: { name: 'Bad', urlTemplate: 'https://x.example/{{contact.name}}' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('contact.name');
    const asAgent = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/connectors`, headers: { cookie: p.agent.cookie } });
    expect(asAgent.statusCode).toBe(403);
  });

  it('tests a connector for a sample contact and shows the answer and its time', async () => {
    const orders = ((await projectApi(sb, p)('GET', '/connectors')) as any[]).find((c) => c.name === 'Orders');
    const res = await projectApi(sb, p)('POST', `/connectors/${orders.id}/test`, { contactId: s.contactId });
    expect(res.url).toBe(`${office.url}/orders?acc=ACC-77`);
    expect(res.answer).toMatchObject({ status: 'ok', content: { table: { columns: ['no', 'sum'], rows: [['ORD-1', '1200'], ['ORD-2', '80']] } } });
    expect(typeof res.answer.ms).toBe('number');
    const unknown = await projectApi(sb, p)('POST', `/connectors/${orders.id}/test`, { phone: '+420777000111' });
    expect(unknown).toMatchObject({ url: null, missing: ['account.externalId'] });
  });
});

describe('the caller card', () => {
  it('streams frame 1, then each part, then "partial", only to the ringing agent; gone after the TTL (R-43)', async () => {
    const agent = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    const supervisor = await openEventSocket(sb.url, p.projectId, { cookie: p.supervisor.cookie });
    await agent.next((m) => m.type === 'hello');
    const callId = 'card-call-1';
    const started = performance.now();
    const answer = await sb.services.callRouting.desk.route({ projectId: p.projectId, callId, from: s.phone, to: s.dialled });
    expect(performance.now() - started).toBeLessThan(200);
    expect(answer).toMatchObject({ action: 'dial', targets: [{ extension: s.extension }] });

    const first = await agent.next((m) => m.type === 'card.frame' && (m.payload as any).kind === 'card');
    const card = (first.payload as any).card;
    expect(card.base).toMatchObject({
      callId,
      direction: 'inbound',
      phone: s.phone,
      contact: { name: 'Jana Nováková', city: 'Brno', tags: ['vip'] },
      account: { name: 'Autobusy Novák s.r.o.', kind: 'customer' },
      owner: { id: p.agent.id },
      rule: { name: 'Own agent first' },
    });
    expect(card.parts.map((x: any) => [x.name, x.status])).toEqual([
      ['Accounting', 'loading'], ['Orders', 'loading'], ['Hanging', 'loading'], ['Garbage', 'loading'], ['Huge', 'loading'], ['Failing', 'loading'],
    ]);

    const done = await agent.next((m) => m.type === 'card.frame' && (m.payload as any).kind === 'done', 5000);
    expect((done.payload as any).status).toBe('partial');
    const all = frames(agent, callId);
    expect(all[0]!.payload.kind).toBe('card');
    expect(all.at(-1)!.payload.kind).toBe('done');
    const parts = Object.fromEntries(all.filter((f) => f.payload.kind === 'part').map((f) => [f.payload.part.name, f.payload.part]));
    expect(parts.Accounting).toMatchObject({ status: 'ok', content: { fields: expect.arrayContaining([{ key: 'note', value: MARKER }, { key: 'phone', value: s.phone }]) } });
    expect(parts.Orders).toMatchObject({ status: 'ok' });
    expect(parts.Hanging).toMatchObject({ status: 'timeout', error: 'no answer within 400 ms' });
    expect(parts.Garbage).toMatchObject({ status: 'error', error: expect.stringMatching(/JSON/) });
    expect(parts.Huge).toMatchObject({ status: 'error', error: expect.stringMatching(/larger than/) });
    expect(parts.Failing).toMatchObject({ status: 'error', error: expect.stringMatching(/500/) });
    const order = all.map((f) => f.payload.part?.name ?? f.payload.kind);
    expect(order.indexOf('Accounting')).toBeLessThan(order.indexOf('Hanging'));
    expect(supervisor.messages.some((m) => m.type === 'card.frame')).toBe(false);

    const url = `/api/projects/${p.projectId}/cards?callId=${callId}`;
    const mine = await sb.app.inject({ method: 'GET', url, headers: { cookie: p.agent.cookie } });
    expect(mine.json()[0]).toMatchObject({ status: 'partial', base: { callId } });
    expect((await sb.app.inject({ method: 'GET', url, headers: { cookie: p.supervisor.cookie } })).statusCode).toBe(200);
    expect((await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/cards`, headers: { cookie: p.agent.cookie } })).json()).toHaveLength(1);

    sb.services.callRouting.desk.record({ projectId: p.projectId, callId, at: new Date().toISOString(), kind: 'ended', cause: 'normal', sipCode: null });
    await pollUntil(async () => (await sb.app.inject({ method: 'GET', url, headers: { cookie: p.agent.cookie } })).statusCode, (code) => code === 404, 5000);
    const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(sb.db.db);
    const holding: string[] = [];
    for (const { table_name } of tables.rows) {
      const hit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)} t WHERE t::text LIKE ${`%${MARKER}%`}`.execute(sb.db.db);
      if (hit.rows[0]!.n > 0) holding.push(table_name);
    }
    expect(tables.rows.length).toBeGreaterThan(10);
    expect(holding).toEqual([]);
    agent.close();
    supervisor.close();
  });

  it('serves a cached answer within its TTL and gives a late joiner the whole card', async () => {
    const api = projectApi(sb, p);
    const accounting = ((await api('GET', '/connectors')) as any[]).find((c) => c.name === 'Accounting');
    await api('PATCH', `/connectors/${accounting.id}`, { cacheTtlSeconds: 60 });
    const agent = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    await agent.next((m) => m.type === 'hello');
    const before = office.hits.get('/fast') ?? 0;
    for (const callId of ['cached-1', 'cached-2']) {
      await sb.services.callRouting.desk.route({ projectId: p.projectId, callId, from: s.phone, to: s.dialled });
      await agent.next((m) => m.type === 'card.frame' && (m.payload as any).callId === callId && (m.payload as any).kind === 'done', 5000);
    }
    expect(office.hits.get('/fast')).toBe(before + 1);
    const second = frames(agent, 'cached-2').find((f) => f.payload.part?.name === 'Accounting');
    expect(second!.payload.part).toMatchObject({ status: 'ok', cached: true });
    agent.close();
  });
});
