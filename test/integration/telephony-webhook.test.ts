import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, sign } from '../../src/telephony/adapters/webhook/signature.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { projectApi, seedRoutingScenario, untilIdentified, type RoutingScenario } from '../support/call-routing.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { startPbxReceiver, type PbxReceiver } from '../support/pbx-receiver.ts';

let sb: TestSwitchboard;
let p: TestProject;
let s: RoutingScenario;
let secret: string;
let pbx: PbxReceiver;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  sb = await startTestSwitchboard({ env: { TELEPHONY_PBX_TIMEOUT_MS: '300' } });
  p = await seedProject(sb);
  s = await seedRoutingScenario(sb, p);
  await untilIdentified(sb, p.projectId, s.numbers.supplier);
  const api = projectApi(sb, p);
  ({ secret } = await api('POST', '/telephony/rotate-secret'));
  pbx = await startPbxReceiver(secret);
  await api('PATCH', '/telephony', { adapter: 'webhook', webhookUrl: pbx.url });
});
afterAll(async () => {
  await sb?.stop();
  await pbx?.close();
});

function post(path: 'route' | 'events', payload: object, opts: { key?: string; t?: number; header?: string | null } = {}) {
  const body = JSON.stringify(payload);
  const header = opts.header === undefined ? sign(opts.key ?? secret, opts.t ?? now(), body) : opts.header;
  return sb.app.inject({
    method: 'POST',
    url: `/api/telephony/webhook/${p.projectId}/${path}`,
    payload: body,
    headers: { 'content-type': 'application/json', ...(header !== null && { [SIGNATURE_HEADER]: header }) },
  });
}

describe('webhook adapter: the hosted PBX calls us', () => {
  it('answers a signed route question with the route, from memory', async () => {
    const res = await post('route', { callId: 'pbx-1', from: s.numbers.supplier, to: s.numbers.dialled });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ action: 'dial', targets: [{ kind: 'agent', extension: '221' }], rule: { name: 'Suppliers -> production' } });
  });

  it('refuses unsigned and wrongly signed requests with 401', async () => {
    for (const opts of [{ header: null }, { key: 'tlsec_wrong' }, { header: 't=1,v1=zz' }]) {
      const res = await post('route', { callId: 'pbx-2', from: null, to: s.numbers.dialled }, opts);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('TELEPHONY_SIGNATURE_INVALID');
    }
  });

  it("refuses another project's valid signature on this project's path", async () => {
    const other = await seedProject(sb, 'Other tenant');
    const { secret: otherSecret } = await projectApi(sb, other)('POST', '/telephony/rotate-secret');
    const res = await post('route', { callId: 'pbx-x', from: s.numbers.supplier, to: s.numbers.dialled }, { key: otherSecret });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TELEPHONY_SIGNATURE_INVALID');
  });

  it('refuses a stale timestamp and a repeated event id as replays', async () => {
    const stale = await post('events', { eventId: randomUUID(), callId: 'pbx-3', event: 'ended', sipCode: 200 }, { t: now() - 301 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('TELEPHONY_REPLAY');
    const event = { eventId: randomUUID(), callId: 'pbx-3', event: 'answered', extension: '221' };
    const answered = sb.bus.next((e) => e.type === 'call.answered' && (e.payload as { callId: string }).callId === 'pbx-3');
    expect((await post('events', event)).statusCode).toBe(200);
    expect((await answered).payload).toMatchObject({ extension: '221', agentId: s.agents.production.id });
    const again = await post('events', event);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TELEPHONY_REPLAY');
  });

  it('passes every event kind to the bus and rejects events that are not events', async () => {
    const id = 'pbx-4';
    const seen: string[] = [];
    const off = sb.bus.subscribe((e) => {
      if ((e.payload as { callId?: string }).callId === id && e.type !== 'call.updated') seen.push(e.type);
    });
    for (const e of [
      { event: 'started', from: s.numbers.customer, to: s.numbers.dialled },
      { event: 'ringing', from: s.numbers.customer, to: s.numbers.dialled, extension: '201' },
      { event: 'answered', extension: '201', answeredBy: 'human' },
      { event: 'held', held: true },
      { event: 'transferred', to: '212' },
      { event: 'ended', cause: 'normal' },
      { event: 'recording', url: 'https://pbx.example/rec/4.mp3' },
    ]) expect((await post('events', { eventId: randomUUID(), callId: id, ...e })).statusCode).toBe(200);
    off();
    expect(seen).toEqual(['call.ringing', 'call.ringing', 'call.answered', 'call.held', 'call.transferred', 'call.ended', 'call.recording']);
    expect((await post('events', { eventId: randomUUID(), callId: id, event: 'exploded' })).statusCode).toBe(400);
  });
});

describe('webhook adapter: we command the hosted PBX', () => {
  it('POSTs signed commands and learns the new call id', async () => {
    const placed = await sb.services.telephony.originate({ projectId: p.projectId, agentId: s.agents.sales.id, extension: '212', to: '+420601555666', callerId: '+420222000111' });
    expect(placed.callId).toMatch(/^pbx-/);
    await sb.services.telephony.hold(p.projectId, placed.callId, true);
    expect(pbx.commands.slice(-2)).toMatchObject([
      { command: 'originate', extension: '212', to: '+420601555666', callerId: '+420222000111', projectId: p.projectId },
      { command: 'hold', callId: placed.callId, held: true },
    ]);
    expect(pbx.badSignatures).toBe(0);
  });

  it('fails over when the PBX says a trunk failed, and reports a PBX that errs or hangs as TELEPHONY_PBX_FAILED', async () => {
    pbx.respond = (c, i) => (c.trunk === 'primary' ? { status: 503, body: { error: 'trunk_failed' } } : { status: 200, body: { callId: `pbx-d${i}` } });
    const placed = await sb.services.telephony.dial({ projectId: p.projectId, to: '+420601555777', ringSeconds: 30 }, { trunks: [{ trunkId: 't1', name: 'primary' }, { trunkId: 't2', name: 'backup' }] });
    expect(placed.trunkId).toBe('t2');
    pbx.respond = () => ({ status: 500, body: { oops: true } });
    await expect(sb.services.telephony.hangup(p.projectId, 'pbx-x')).rejects.toMatchObject({ code: 'TELEPHONY_PBX_FAILED', message: expect.stringMatching(/HTTP 500/) });
    pbx.respond = () => 'hang';
    await expect(sb.services.telephony.bridge(p.projectId, 'pbx-x', '212')).rejects.toMatchObject({ code: 'TELEPHONY_PBX_FAILED', message: expect.stringMatching(/300 ms/) });
    pbx.respond = () => ({ status: 200, body: { ok: true } });
    await expect(sb.services.telephony.dial({ projectId: p.projectId, to: '+420601555777', ringSeconds: 30 })).rejects.toMatchObject({ code: 'TELEPHONY_PBX_FAILED' });
  });
});
