import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../platform/events/bus.ts';
import { TelephonyHub } from '../../hub.ts';
import type { CallEvent, RouteAnswer } from '../../port.ts';
import { SimAdapter } from './adapter.ts';
import { ManualScheduler } from './scheduler.ts';
import { DEFAULT_SIM_SETTINGS, dialOutcome, outcomeSharesProblem, type SimSettings } from './settings.ts';
import { SimTraffic } from './traffic.ts';

const P = '00000000-0000-4000-8000-0000000000aa';

function network(opts: { settings?: Partial<SimSettings>; answer?: RouteAnswer; seed?: number } = {}) {
  const clock = new ManualScheduler();
  const events: CallEvent[] = [];
  let n = 0;
  const settings = { ...DEFAULT_SIM_SETTINGS, ...opts.settings };
  const sim = new SimAdapter({
    ctx: { router: { route: async () => opts.answer ?? { action: 'dial', targets: [], ringSeconds: 20, rule: { id: null, name: 'x' }, fallback: false } }, events: (e) => events.push(e), projectForToken: () => undefined },
    log: pino({ level: 'silent' }),
    settings: () => settings,
    serves: () => true,
    recordingUrl: (id) => `http://sim.test/${id}.wav`,
    scheduler: clock,
    seed: opts.seed ?? 42,
    newCallId: () => `c${++n}`,
  });
  return { sim, clock, events, of: (id: string) => events.filter((e) => e.callId === id) };
}

const salesGroup: RouteAnswer = {
  action: 'dial',
  targets: [
    { kind: 'agent', agentId: 'a1', extension: '211' },
    { kind: 'agent', agentId: 'a2', extension: '212' },
  ],
  ringSeconds: 15,
  rule: { id: 'r', name: 'Unknown numbers -> sales' },
  fallback: false,
};

describe('simulated inbound calls', () => {
  it('rings each target for ringSeconds in turn and ends as a missed call when nobody answers', async () => {
    const { sim, clock, of } = network({ answer: salesGroup });
    const { callId } = await sim.arrive({ projectId: P, from: '+420603333333', to: '+420222000111' });
    expect(of(callId).map((e) => e.kind === 'ringing' && e.targets[0])).toEqual([{ kind: 'agent', agentId: 'a1', extension: '211' }]);
    clock.advance(15_000);
    expect(of(callId).at(-1)).toMatchObject({ kind: 'ringing', targets: [{ extension: '212' }] });
    await expect(sim.answer(P, callId, '211')).rejects.toMatchObject({ code: 'TELEPHONY_CALL_STATE' });
    clock.advance(15_000);
    expect(of(callId).at(-1)).toMatchObject({ kind: 'ended', cause: 'no_answer', sipCode: 480 });
    expect(sim.calls.list(P)).toEqual([]);
  });

  it('connects the agent who answers from the desktop; the caller hangs up after talking, and a recording follows', async () => {
    const { sim, clock, of } = network({ answer: salesGroup, settings: { talkMeanSeconds: 60 } });
    const { callId } = await sim.arrive({ projectId: P, from: null, to: '+420222000111' });
    clock.advance(15_000);
    await sim.answer(P, callId, '212');
    expect(of(callId).at(-1)).toMatchObject({ kind: 'answered', extension: '212', answeredBy: 'human' });
    await sim.hold(P, callId, true);
    await sim.hold(P, callId, false);
    clock.advance(3_600_000);
    expect(of(callId).map((e) => e.kind)).toEqual(['ringing', 'ringing', 'answered', 'held', 'held', 'ended', 'recording']);
    expect(of(callId).at(-1)).toMatchObject({ url: `http://sim.test/${callId}.wav` });
  });

  it('lets the agent hang up first and transfer to another extension, which rings', async () => {
    const { sim, clock, of } = network({ answer: salesGroup });
    const first = (await sim.arrive({ projectId: P, from: '+420601000001', to: '+420222000111' })).callId;
    await sim.answer(P, first, '211');
    await sim.hangup(P, first);
    expect(of(first).slice(-2).map((e) => e.kind)).toEqual(['ended', 'recording']);
    const second = (await sim.arrive({ projectId: P, from: '+420601000002', to: '+420222000111' })).callId;
    await sim.answer(P, second, '211');
    await sim.transfer(P, second, { kind: 'agent', agentId: 'a3', extension: '300' });
    expect(of(second).slice(-2)).toMatchObject([{ kind: 'transferred', to: '300' }, { kind: 'ringing', targets: [{ extension: '300' }] }]);
    await sim.answer(P, second, '300');
    clock.advance(3_600_000);
    expect(of(second).at(-2)).toMatchObject({ kind: 'ended', cause: 'normal' });
  });

  it('ends a rejected call with the router\'s code', async () => {
    const { sim, events } = network({ answer: { action: 'reject', code: 603, reason: 'Decline', rule: { id: 'r', name: 'Blocked' }, fallback: false } });
    await sim.arrive({ projectId: P, from: '+420601000009', to: '+420222000111' });
    expect(events).toMatchObject([{ kind: 'ended', cause: 'rejected', sipCode: 603 }]);
  });
});

describe('simulated outbound calls', () => {
  it('draws dial outcomes with the configured shares, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      const { sim, clock, events } = network({ seed, settings: { answerRate: 0.3, machineRate: 0.2, busyRate: 0.1, noAnswerRate: 0.4 } });
      for (let i = 0; i < 2000; i++) await sim.dial({ projectId: P, to: '+420601123456', ringSeconds: 60 });
      clock.advance(600_000);
      const answered = events.filter((e) => e.kind === 'answered');
      return {
        human: answered.filter((e) => e.kind === 'answered' && e.answeredBy === 'human').length / 2000,
        machine: answered.filter((e) => e.kind === 'answered' && e.answeredBy === 'machine').length / 2000,
        busy: events.filter((e) => e.kind === 'ended' && e.cause === 'busy').length / 2000,
        noAnswer: events.filter((e) => e.kind === 'ended' && e.cause === 'no_answer').length / 2000,
      };
    };
    const a = await run(1);
    expect(a.human).toBeCloseTo(0.3, 1);
    expect(a.machine).toBeCloseTo(0.2, 1);
    expect(a.busy).toBeCloseTo(0.1, 1);
    expect(a.noAnswer).toBeCloseTo(0.4, 1);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it('holds an answered campaign call for bridge or abandon; abandon plays the message and ends it as abandoned', async () => {
    const { sim, clock, of } = network({ settings: { answerRate: 1, machineRate: 0, busyRate: 0, noAnswerRate: 0 } });
    const answered = async (to: string) => {
      const { callId } = await sim.dial({ projectId: P, to, ringSeconds: 60 });
      for (let i = 0; i < 60 && sim.calls.list(P).find((c) => c.id === callId)?.state !== 'waiting'; i++) clock.advance(1000);
      expect(of(callId).at(-1)).toMatchObject({ kind: 'answered', extension: null, answeredBy: 'human' });
      return callId;
    };
    const a = await answered('+420601000001');
    await sim.bridge(P, a, '101');
    const b = await answered('+420601000002');
    await sim.abandon(P, b);
    await expect(sim.bridge(P, b, '102')).rejects.toMatchObject({ code: 'TELEPHONY_CALL_STATE' });
    clock.advance(10_000);
    expect(of(b).at(-1)).toMatchObject({ kind: 'ended', cause: 'abandoned' });
    expect(of(a).at(-1)).toMatchObject({ kind: 'answered', extension: '101', answeredBy: 'human' });
  });

  it('click-to-call rings the customer and connects the agent when they answer', async () => {
    const { sim, clock, of } = network({ settings: { answerRate: 1, machineRate: 0, busyRate: 0, noAnswerRate: 0 } });
    const { callId } = await sim.originate({ projectId: P, agentId: 'a1', extension: '101', to: '+420601000003', callerId: '+420222000555' });
    expect(of(callId)[0]).toMatchObject({ kind: 'ringing', from: '+420222000555', to: '+420601000003' });
    clock.advance(30_000);
    expect(of(callId)[1]).toMatchObject({ kind: 'answered', extension: '101', answeredBy: 'human' });
  });

  it('fails over from a failing trunk through the hub, and reports the trunk that carried the call', async () => {
    const bus = new EventBus();
    const hub = new TelephonyHub(bus, 'sim');
    const { sim } = network();
    hub.register(sim);
    const originated = bus.next((e) => e.type === 'call.originated', 1000);
    const placed = await hub.dial({ projectId: P, to: '+420601000004', ringSeconds: 30 }, { trunks: [{ trunkId: 't-down', name: 'down' }, { trunkId: 't-backup', name: 'backup' }] });
    expect(placed.trunkId).toBe('t-backup');
    expect((await originated).payload).toMatchObject({ callId: placed.callId, trunkId: 't-backup', kind: 'campaign' });
    await expect(hub.dial({ projectId: P, to: '+420601000004', ringSeconds: 30 }, { trunks: [{ trunkId: 't-down', name: 'down' }] })).rejects.toMatchObject({ code: 'TELEPHONY_TRUNK_FAILED' });
  });
});

describe('simulator settings and traffic', () => {
  it('picks outcomes by cumulative share and refuses shares that do not add up to 1', () => {
    const s = { ...DEFAULT_SIM_SETTINGS, answerRate: 0.5, machineRate: 0.2, busyRate: 0.1, noAnswerRate: 0.2 };
    expect([0, 0.49, 0.5, 0.69, 0.7, 0.79, 0.8, 0.99].map((u) => dialOutcome(s, u))).toEqual(['human', 'human', 'machine', 'machine', 'busy', 'busy', 'no_answer', 'no_answer']);
    expect(outcomeSharesProblem(s)).toBeNull();
    expect(outcomeSharesProblem({ ...s, busyRate: 0.5 })).toMatch(/add up to 1/);
  });

  it('generates inbound calls at the configured rate from contacts, unknown and anonymous callers', async () => {
    const { sim, clock } = network({ answer: salesGroup });
    const settings = { ...DEFAULT_SIM_SETTINGS, inboundPerMinute: 2, unknownShare: 0.3 };
    const arrivals: Array<{ from: string | null; to: string }> = [];
    const arrive = sim.arrive.bind(sim);
    sim.arrive = async (q) => (arrivals.push({ from: q.from, to: q.to }), arrive(q));
    const known = ['+420601000001', '+420601000002'];
    const traffic = new SimTraffic({ sim, log: pino({ level: 'silent' }), settings: () => settings, callers: async () => known, dialled: async () => ['+420222999000'], scheduler: clock, seed: 3 });
    traffic.refresh(P, true);
    for (let m = 0; m < 600; m++) {
      clock.advance(60_000);
      await new Promise((r) => setImmediate(r));
    }
    traffic.refresh(P, false);
    expect(arrivals.length).toBeGreaterThan(1000);
    expect(arrivals.length).toBeLessThan(1400);
    const share = (f: (a: { from: string | null }) => boolean) => arrivals.filter(f).length / arrivals.length;
    expect(share((a) => a.from === null)).toBeCloseTo(0.03, 1);
    expect(share((a) => a.from !== null && !known.includes(a.from))).toBeCloseTo(0.3, 1);
    expect(new Set(arrivals.map((a) => a.to))).toEqual(new Set(['+420222999000']));
  });
});
