import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';
import { pollUntil } from '../../../test/support/poll.ts';
import { seedDemoNumbers } from '../../demo/numbers.ts';

let sb: TestSwitchboard;
let p: TestProject;

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb);
});
afterAll(() => sb?.stop());

type Who = 'admin' | 'supervisor' | 'agent';
async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, payload?: object, who: Who = 'admin') {
  const res = await sb.app.inject({ method, url: `/api/projects/${p.projectId}${path}`, headers: { cookie: p[who].cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}
const upload = (trunkId: string, csv: string) => {
  const boundary = 'numbersBOUNDARY';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prices.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/trunks/${trunkId}/prices/import`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: p.admin.cookie } });
};
const audits = (entity: string) => sb.db.db.selectFrom('audit_log').select(['action', 'entity_id']).where('project_id', '=', p.projectId).where('entity', '=', entity).execute();
const numbers = () => sb.services.numbers;

describe('caller ID pools', () => {
  let brnoId: string;

  it('creates pools from numbers and prefixes written the Czech way, audited', async () => {
    const brno = await call('POST', '/caller-id-pools', { name: 'Brno', cities: ['Brno'], regions: ['Jihomoravský kraj'], areaPrefixes: ['05'], numbers: ['541 000 001', '+420 541 000 002'] });
    expect(brno.status).toBe(201);
    expect(brno.body).toMatchObject({ name: 'Brno', areaPrefixes: ['+4205'], numbers: ['+420541000001', '+420541000002'], isDefault: false });
    brnoId = brno.body.id;
    const praha = await call('POST', '/caller-id-pools', { name: 'Praha', cities: ['Praha'], areaPrefixes: ['+4202'], numbers: ['234000001'], isDefault: true });
    expect(praha.status).toBe(201);
    expect((await call('GET', '/caller-id-pools', undefined, 'supervisor')).body.items.map((x: { name: string }) => x.name)).toEqual(['Brno', 'Praha']);
    expect((await audits('caller_id_pool')).map((a) => a.action)).toEqual(['create', 'create']);
  });

  it('previews the choice and its reason for agents, by city, region, area and default', async () => {
    const preview = async (body: object) => (await call('POST', '/caller-id-pools/preview', body, 'agent')).body.choice;
    expect(await preview({ phone: '601123456', city: 'Brno' })).toMatchObject({ poolName: 'Brno', reason: 'city', number: '+420541000001', explanation: '+420541000001 (Brno pool, matched by city Brno)' });
    expect(await preview({ phone: '601123456', region: 'Jihomoravský kraj' })).toMatchObject({ poolName: 'Brno', reason: 'region' });
    expect(await preview({ phone: '+420 516 123 456' })).toMatchObject({ poolName: 'Brno', reason: 'area', matched: '+4205' });
    expect(await preview({ phone: '+421 905 123 456' })).toMatchObject({ poolName: 'Praha', reason: 'default' });
  });

  it('uses the numbers of a pool in turn', () => {
    const picks = [1, 2, 3, 4].map(() => numbers().callerIdFor(p.projectId, { phone: '+420541123456' })!.number);
    expect(picks).toEqual(['+420541000001', '+420541000002', '+420541000001', '+420541000002']);
  });

  it('refuses contradicting or malformed pools with stable codes and writes nothing', async () => {
    const before = (await call('GET', '/caller-id-pools')).body.items;
    const cases: [object, number, string][] = [
      [{ name: 'Bad', numbers: ['1234'] }, 400, 'INVALID_PHONE'],
      [{ name: 'Dup', numbers: ['+420541000001'] }, 409, 'CALLER_ID_NUMBER_TAKEN'],
      [{ name: 'Twice', areaPrefixes: ['+42038', '038'] }, 400, 'PREFIX_DUPLICATE'],
      [{ name: 'Overlap', areaPrefixes: ['+4205'] }, 409, 'AREA_PREFIX_TAKEN'],
      [{ name: 'Also Brno', cities: ['brno'] }, 409, 'AREA_PREFIX_TAKEN'],
      [{ name: 'bRNO' }, 409, 'CALLER_ID_POOL_NAME_TAKEN'],
      [{ name: 'Prefix', areaPrefixes: ['5x'] }, 400, 'INVALID_PREFIX'],
      [{ name: 'Extra', colour: 'red' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await call('POST', '/caller-id-pools', body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await call('POST', '/caller-id-pools', { name: 'Agent pool' }, 'agent')).status).toBe(403);
    expect((await call('GET', '/caller-id-pools')).body.items).toEqual(before);
  });

  it('edits and deletes a pool, and the next call follows at once', async () => {
    const res = await call('PATCH', `/caller-id-pools/${brnoId}`, { numbers: ['+420541000009'] });
    expect(res.status).toBe(200);
    expect(numbers().callerIdFor(p.projectId, { phone: '+420541123456' })?.number).toBe('+420541000009');
    expect((await call('DELETE', `/caller-id-pools/${brnoId}`)).status).toBe(200);
    expect(numbers().callerIdFor(p.projectId, { phone: '+420541123456' })).toMatchObject({ reason: 'default', poolName: 'Praha' });
    expect((await call('GET', `/caller-id-pools/${brnoId}`)).body.error.code).toBe('CALLER_ID_POOL_NOT_FOUND');
    expect((await audits('caller_id_pool')).map((a) => a.action)).toEqual(['create', 'create', 'update', 'delete']);
  });
});

describe('trunks and prices', () => {
  let cheap: string;
  let backup: string;

  it('creates trunks and price lists; the cheapest enabled trunk comes first', async () => {
    cheap = (await call('POST', '/trunks', { name: 'O2', priority: 1, maxLines: 10 })).body.id;
    backup = (await call('POST', '/trunks', { name: 'Backup', priority: 2, firstIncrement: 1, nextIncrement: 1 })).body.id;
    expect((await call('PUT', `/trunks/${cheap}/prices`, { prices: [{ prefix: '+420', ratePerMinute: 0.5 }, { prefix: '+4206', ratePerMinute: 1.2 }] })).body).toEqual({ trunkId: cheap, prices: 2 });
    expect((await call('PUT', `/trunks/${backup}/prices`, { prices: [{ prefix: '420', ratePerMinute: 0.6, connectionFee: 0.1 }] })).status).toBe(200);
    expect(numbers().trunksFor(p.projectId, '221 123 456').map((t) => t.name)).toEqual(['O2', 'Backup']);
    expect(numbers().trunksFor(p.projectId, '601 123 456').map((t) => t.name)).toEqual(['Backup', 'O2']);
    expect(numbers().trunksFor(p.projectId, '+48 22 123 4567')).toEqual([]);
    expect(numbers().cost(p.projectId, { trunkId: cheap, phone: '+420221123456', seconds: 61 })).toMatchObject({ amount: 1, currency: 'CZK', billedSeconds: 120 });
    expect(numbers().cost(p.projectId, { trunkId: backup, phone: '+420221123456', seconds: 61 })).toMatchObject({ amount: 0.71, billedSeconds: 61 });
    const route = await call('GET', '/trunks/route?phone=%2B420221123456&seconds=30', undefined, 'supervisor');
    expect(route.body.trunks.map((t: { name: string; cost: { amount: number } }) => [t.name, t.cost.amount])).toEqual([['O2', 0.5], ['Backup', 0.4]]);
  });

  it('fails over when a trunk is disabled', async () => {
    await call('PATCH', `/trunks/${cheap}`, { enabled: false });
    expect(numbers().trunksFor(p.projectId, '+420221123456').map((t) => t.name)).toEqual(['Backup']);
    await call('PATCH', `/trunks/${cheap}`, { enabled: true });
  });

  it('skips a trunk whose lines are all busy until a call on it ends', async () => {
    await call('PATCH', `/trunks/${cheap}`, { maxLines: 1 });
    const originated = { adapter: 'sim', kind: 'click_to_call' as const, to: '+420221123456', callerId: null, agentId: null, contactId: null, campaignId: null, leadId: null, taskId: null };
    sb.bus.publish(p.projectId, 'call.originated', { ...originated, callId: 'busy-1', trunkId: cheap });
    expect(numbers().trunksFor(p.projectId, '+420221123456').map((t) => t.name)).toEqual(['Backup']);
    sb.bus.publish(p.projectId, 'call.ended', { callId: 'busy-1', cause: 'normal', sipCode: null });
    expect(numbers().trunksFor(p.projectId, '+420221123456').map((t) => t.name)).toEqual(['O2', 'Backup']);
    await call('PATCH', `/trunks/${cheap}`, { maxLines: 10 });
  });

  it('refuses bad price lists and keeps the old one', async () => {
    const neg = await call('PUT', `/trunks/${cheap}/prices`, { prices: [{ prefix: '+420', ratePerMinute: -1 }] });
    expect([neg.status, neg.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const dup = await call('PUT', `/trunks/${cheap}/prices`, { prices: [{ prefix: '+420', ratePerMinute: 1 }, { prefix: '00420', ratePerMinute: 2 }] });
    expect([dup.status, dup.body.error.code]).toEqual([400, 'PREFIX_DUPLICATE']);
    const bad = await upload(cheap, 'prefix;rate\n420;0,4\nxx;1\n421;-2\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'PRICE_LIST_INVALID', details: { errors: [{ line: 3, field: 'prefix' }, { line: 4, field: 'ratePerMinute' }] } });
    expect((await call('GET', `/trunks/${cheap}/prices`)).body.items.map((x: { prefix: string }) => x.prefix)).toEqual(['+420', '+4206']);
    expect((await call('POST', '/trunks', { name: 'o2' })).body.error.code).toBe('TRUNK_NAME_TAKEN');
  });

  it('replaces a price list from a CSV upload', async () => {
    const res = await upload(cheap, 'Prefix;Rate per minute;Connection fee;Description\n420;0,3;0;Czechia\n4206;0,9;0;Mobile\n');
    expect([res.statusCode, res.json()]).toEqual([200, { trunkId: cheap, prices: 2 }]);
    expect(numbers().trunksFor(p.projectId, '+420221123456')[0]).toMatchObject({ name: 'O2', ratePerMinute: 0.3 });
    expect((await audits('trunk')).map((a) => a.action)).toEqual(['create', 'create', 'replace_prices', 'replace_prices', 'update', 'update', 'update', 'update', 'upload_prices']);
  });
});

describe('tracking numbers', () => {
  let billboard: string;
  let ads: string;

  it('maps advertised numbers to sources, refuses duplicates and bad numbers', async () => {
    billboard = (await call('POST', '/tracking-numbers', { number: '234 100 001', source: 'Billboard D1', campaign: 'Spring' })).body.id;
    ads = (await call('POST', '/tracking-numbers', { number: '+420541100001', source: 'Google Ads', campaign: 'Brno' })).body.id;
    expect(numbers().trackingNumberFor(p.projectId, '+420234100001')).toMatchObject({ trackingNumberId: billboard, source: 'Billboard D1', campaign: 'Spring' });
    expect(numbers().trackingNumberFor(p.projectId, '+420999999999')).toBeNull();
    const dup = await call('POST', '/tracking-numbers', { number: '+420 234 100 001', source: 'Other' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'TRACKING_NUMBER_TAKEN']);
    const bad = await call('POST', '/tracking-numbers', { number: '123', source: 'Other' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_PHONE']);
  });

  it('counts calls, answered, missed, leads and revenue per source', async () => {
    const db = sb.db.db;
    const contact = async (name: string) => (await db.insertInto('contacts').values({ project_id: p.projectId, name, custom: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
    const [c1, c2, c3] = [await contact('One'), await contact('Two'), await contact('Three')];
    const queue = (await db.insertInto('queues').values({ project_id: p.projectId, name: 'Leads', settings: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
    const day = (d: number) => new Date(Date.UTC(2026, 9, d, 10));
    let n = 0;
    const inbound = (tracking: string, contactId: string, d: number, outcome: string | null) =>
      db.insertInto('calls').values({ project_id: p.projectId, pbx_call_id: `c${++n}`, direction: 'inbound', tracking_number_id: tracking, contact_id: contactId, started_at: day(d), outcome: outcome as 'answered' | null }).execute();
    await inbound(billboard, c1, 1, 'answered');
    await inbound(billboard, c2, 2, 'missed');
    await inbound(billboard, c3, 3, null);
    await inbound(ads, c3, 5, 'answered');
    await db.insertInto('calls').values({ project_id: p.projectId, pbx_call_id: 'stranger', direction: 'inbound', tracking_number_id: ads, from_number: '+420777000111', started_at: day(7), outcome: 'answered' }).execute();
    await db.insertInto('calls').values({ project_id: p.projectId, pbx_call_id: 'outbound', direction: 'outbound', tracking_number_id: ads, started_at: day(7), outcome: 'answered' }).execute();
    const task = (contactId: string, d: number, value: number, status: 'done' | 'queued', disposition: string | null) =>
      db.insertInto('tasks').values({ project_id: p.projectId, queue_id: queue, contact_id: contactId, created_at: day(d), value, status, disposition, required_skills: '{}', details: '{}' }).execute();
    await task(c1, 2, 1000, 'done', 'sale');
    await task(c2, 3, 500, 'done', 'not_interested');
    await task(c3, 6, 700, 'done', 'sale'); // after the Google Ads call: last touch wins
    await task(c1, 20, 9999, 'done', 'sale'); // outside a 7-day window
    await db.insertInto('tasks').values({ project_id: p.projectId, queue_id: queue, phones: ['+420777000111'], created_at: day(8), value: 300, status: 'queued', required_skills: '{}', details: '{}' }).execute();
    const stats = await call('GET', '/tracking-numbers/stats?from=2026-10-01&to=2026-11-01&attributionDays=7', undefined, 'supervisor');
    expect(stats.status).toBe(200);
    expect(stats.body.rows).toEqual([
      { source: 'Billboard D1', campaign: null, number: null, calls: 3, answered: 1, missed: 1, leads: 2, won: 1, revenue: 1000 },
      { source: 'Google Ads', campaign: null, number: null, calls: 2, answered: 2, missed: 0, leads: 2, won: 1, revenue: 700 },
    ]);
    expect(stats.body.totals).toEqual({ calls: 5, answered: 3, missed: 1, leads: 4, won: 2, revenue: 1700 });
    const wide = await call('GET', '/tracking-numbers/stats?from=2026-10-01&to=2026-11-01&groupBy=campaign', undefined, 'supervisor');
    expect(wide.body.rows[0]).toMatchObject({ source: 'Billboard D1', campaign: 'Spring', leads: 3, revenue: 10999 });
    const backwards = await call('GET', '/tracking-numbers/stats?from=2026-11-01&to=2026-10-01');
    expect(backwards.status).toBe(400);
  });

  it('keeps a number that calls were attributed to, and deletes one without calls', async () => {
    const res = await call('DELETE', `/tracking-numbers/${billboard}`);
    expect([res.status, res.body.error.code]).toEqual([409, 'TRACKING_NUMBER_IN_USE']);
    const spare = (await call('POST', '/tracking-numbers', { number: '+420234100009', source: 'Radio' })).body.id;
    expect((await call('PATCH', `/tracking-numbers/${spare}`, { campaign: 'Morning' })).body).toMatchObject({ campaign: 'Morning', source: 'Radio' });
    expect((await call('DELETE', `/tracking-numbers/${spare}`)).status).toBe(200);
    expect(numbers().trackingNumberFor(p.projectId, '+420234100009')).toBeNull();
  });
});

describe('another process', () => {
  it('picks up changes made elsewhere through the bus', async () => {
    const other = await startTestSwitchboard({ databaseUrl: sb.db.url });
    try {
      expect(other.services.numbers.trackingNumberFor(p.projectId, '+420541100001')).toMatchObject({ source: 'Google Ads' });
      await call('POST', '/caller-id-pools', { name: 'Ostrava', cities: ['Ostrava'], numbers: ['+420596000001'] });
      const seen = await pollUntil(async () => other.services.numbers.callerIdFor(p.projectId, { phone: '+420601123456', city: 'Ostrava' }), (c) => c?.poolName === 'Ostrava', 10_000);
      expect(seen).toMatchObject({ reason: 'city', number: '+420596000001' });
    } finally {
      await other.stop();
    }
  });
});

describe('the demo numbers', () => {
  it('seeds 20+ regional pools, tracking numbers and trunks that a running server picks up', async () => {
    const demo = await seedProject(sb, 'Demo numbers');
    await sb.db.db.transaction().execute((tx) => seedDemoNumbers(tx, demo.projectId));
    const ask = async () => sb.services.numbers.callerIdFor(demo.projectId, { phone: '+420 541 123 456' });
    expect(await pollUntil(ask, (c) => c !== null, 10_000)).toMatchObject({ poolName: 'Brno', reason: 'area' });
    const pools = await sb.app.inject({ method: 'GET', url: `/api/projects/${demo.projectId}/caller-id-pools`, headers: { cookie: demo.admin.cookie } });
    expect(pools.json().items.length).toBeGreaterThanOrEqual(20);
    expect(sb.services.numbers.trunksFor(demo.projectId, '+420 221 123 456').map((t) => t.name)).toEqual(['O2 SIP', 'Backup SIP']);
    expect(sb.services.numbers.trackingNumberFor(demo.projectId, '+420234100001')).toMatchObject({ source: 'Billboard D1' });
  });
});
