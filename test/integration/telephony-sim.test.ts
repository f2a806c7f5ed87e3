import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/platform/events/bus.ts';
import { SimAdapter } from '../../src/telephony/adapters/sim/adapter.ts';
import { ManualScheduler } from '../../src/telephony/adapters/sim/scheduler.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { projectApi, seedRoutingScenario, untilIdentified, type RoutingScenario } from '../support/call-routing.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let s: RoutingScenario;

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb);
  s = await seedRoutingScenario(sb, p);
  await untilIdentified(sb, p.projectId, s.numbers.supplier);
});
afterAll(async () => sb?.stop());

const of = (callId: string, type: string) => (e: DomainEvent) => e.type === type && (e.payload as { callId: string }).callId === callId;

describe('the simulator behind the real router', () => {
  it('rings the group the rules choose, one agent after another, and ends unanswered as a missed call', async () => {
    const clock = new ManualScheduler();
    const desk = sb.services.callRouting.desk;
    const events: string[] = [];
    const sim = new SimAdapter({
      ctx: { router: desk, events: (e) => (events.push(`${e.callId} ${e.kind}${e.kind === 'ringing' ? `:${e.targets.map((t) => (t.kind === 'agent' ? t.extension : '?')).join()}` : ''}`), desk.record(e)), projectForToken: () => undefined },
      log: pino({ level: 'silent' }),
      settings: () => sb.services.telephonyAdapters.settings.peek(p.projectId).sim,
      serves: () => true,
      recordingUrl: (id) => id,
      scheduler: clock,
      seed: 1,
    });
    const routed = sb.bus.next((e) => e.type === 'call.routed' && e.projectId === p.projectId);
    const arrival = await sim.arrive({ projectId: p.projectId, from: s.numbers.supplier, to: s.numbers.dialled });
    expect((await routed).payload).toMatchObject({ callId: arrival.callId, ruleName: 'Suppliers -> production', targets: ['agent:221'] });
    const unknown = await sim.arrive({ projectId: p.projectId, from: s.numbers.unknown, to: s.numbers.dialled });
    expect(unknown.outcome === 'routed' && unknown.answer.rule.name).toBe('Unknown numbers -> sales');
    const ended = sb.bus.next(of(unknown.callId, 'call.ended'));
    clock.advance(60_000);
    const mine = events.filter((e) => e.startsWith(unknown.callId)).map((e) => e.split(' ')[1]);
    expect(mine).toEqual(['ringing:211', 'ringing:212', 'ended']);
    expect((await ended).payload).toMatchObject({ cause: 'no_answer' });
    await sim.close();
  });

  it('lets an agent answer through the hub; the call, its end and its recording reach the bus', async () => {
    const { sim } = sb.services.telephonyAdapters;
    const ringing = sb.bus.next((e) => e.type === 'call.ringing' && e.projectId === p.projectId);
    const { callId } = await sim.arrive({ projectId: p.projectId, from: s.numbers.customer, to: s.numbers.dialled });
    expect((await ringing).payload).toMatchObject({ callId, from: s.numbers.customer, targets: ['agent:201'] });
    const answered = sb.bus.next(of(callId, 'call.answered'));
    await sb.services.telephony.answer(p.projectId, callId, '201');
    expect((await answered).payload).toMatchObject({ extension: '201', agentId: s.agents.owner.id, answeredBy: 'human' });
    const recording = sb.bus.next(of(callId, 'call.recording'));
    const ended = sb.bus.next(of(callId, 'call.ended'));
    await sb.services.telephony.hangup(p.projectId, callId);
    expect((await ended).payload).toMatchObject({ cause: 'normal' });
    const { url } = (await recording).payload as { url: string };
    const wav = await sb.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(wav.statusCode).toBe(200);
    expect(wav.headers['content-type']).toBe('audio/wav');
    expect(wav.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
  });

  it('refuses to answer a call that is not ringing at that extension', async () => {
    const { callId } = await sb.services.telephonyAdapters.sim.arrive({ projectId: p.projectId, from: s.numbers.supplier, to: s.numbers.dialled });
    await expect(sb.services.telephony.answer(p.projectId, callId, '212')).rejects.toMatchObject({ code: 'TELEPHONY_CALL_STATE' });
    await sb.services.telephony.hangup(p.projectId, callId);
    await expect(sb.services.telephony.hangup(p.projectId, callId)).rejects.toMatchObject({ code: 'TELEPHONY_CALL_NOT_FOUND' });
  });
});

describe('telephony settings', () => {
  it('shows the adapter and what it can do; admins change the simulator and the adapter', async () => {
    const api = projectApi(sb, p);
    const view = await api('GET', '/telephony');
    expect(view).toMatchObject({ adapter: 'sim', capabilities: { originate: true, dial: true }, sim: { inboundPerMinute: 0 }, webhook: { secretSet: false } });
    expect(view.adapters.map((a: { name: string }) => a.name).sort()).toEqual(['kamailio', 'sim', 'webhook']);
    const changed = sb.bus.next((e) => e.type === 'telephony.changed' && e.projectId === p.projectId);
    const next = await api('PATCH', '/telephony', { adapter: 'kamailio', sim: { answerRate: 0.5, noAnswerRate: 0.3 } });
    expect((await changed).payload).toEqual({ change: 'settings' });
    expect(next).toMatchObject({ adapter: 'kamailio', capabilities: { originate: false, bridge: false, routeQuestions: true }, sim: { answerRate: 0.5, noAnswerRate: 0.3 } });
    await expect(sb.services.telephony.dial({ projectId: p.projectId, to: '+420601000001', ringSeconds: 30 })).rejects.toMatchObject({ code: 'TELEPHONY_UNSUPPORTED' });
    await api('PATCH', '/telephony', { adapter: 'sim' });
  });

  it('refuses outcome shares that do not add up to 1 and hides the page from agents', async () => {
    const bad = await sb.app.inject({ method: 'PATCH', url: `/api/projects/${p.projectId}/telephony`, headers: { authorization: `Bearer ${p.apiKey}` }, payload: { sim: { busyRate: 0.9 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/add up to 1/);
    const agent = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/telephony`, headers: { cookie: p.agent.cookie } });
    expect(agent.statusCode).toBe(403);
    const caps = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/telephony/capabilities`, headers: { cookie: p.agent.cookie } });
    expect(caps.json()).toMatchObject({ adapter: 'sim', capabilities: { answer: true } });
  });
});
