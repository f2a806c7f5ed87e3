import pino from 'pino';
import { expect } from 'vitest';
import { SimAdapter } from '../../src/telephony/adapters/sim/adapter.ts';
import { ManualScheduler } from '../../src/telephony/adapters/sim/scheduler.ts';
import { DEFAULT_SIM_SETTINGS } from '../../src/telephony/adapters/sim/settings.ts';
import { causeOfSipCode, type CallEvent } from '../../src/telephony/port.ts';
import { CONTRACT_PROJECT, telephonyPortContract, type Command } from './telephony-port.contract.ts';

/** The simulator is its own PBX: the harness plays the network through its public surface and clock. */
telephonyPortContract('sim', async (ctx) => {
  const clock = new ManualScheduler();
  const seen: CallEvent[] = [];
  let n = 0;
  const sim = new SimAdapter({
    ctx: { ...ctx, events: (e) => (seen.push(e), ctx.events(e)) },
    log: pino({ level: 'silent' }),
    settings: () => ({ ...DEFAULT_SIM_SETTINGS, answerRate: 1, machineRate: 0, busyRate: 0, noAnswerRate: 0 }),
    serves: (projectId) => projectId === CONTRACT_PROJECT,
    recordingUrl: (id) => `http://sim.test/${id}.wav`,
    scheduler: clock,
    seed: 7,
    newCallId: () => `sim-${++n}`,
  });
  const state = (id: string) => sim.calls.list(CONTRACT_PROJECT).find((c) => c.id === id)?.state;
  const answeredDial = async () => {
    const { callId } = await sim.dial({ projectId: CONTRACT_PROJECT, to: '+420601123456', ringSeconds: 60 });
    for (let i = 0; i < 60 && state(callId) !== 'waiting'; i++) clock.advance(1000);
    return callId;
  };
  const eventsOf = (id: string) => seen.filter((e) => e.callId === id);
  return {
    adapter: sim,
    async ask(q, opts) {
      const projectId = opts?.credential === 'unknown' ? '00000000-0000-4000-8000-00000000dead' : CONTRACT_PROJECT;
      const r = await sim.arrive({ projectId, callId: q.callId, from: q.from, to: q.to });
      if (r.outcome !== 'routed') return { action: 'pbx-fallback' };
      if (r.answer.action === 'reject') return { action: 'reject', code: r.answer.code };
      const labels = r.answer.targets.map((t) => (t.kind === 'agent' ? `agent:${t.extension}` : t.kind === 'external' ? `external:${t.number}` : `voicemail:${t.box}`));
      return { action: 'dial', targets: labels, ringSeconds: r.answer.ringSeconds };
    },
    async report(e) {
      const c = { projectId: CONTRACT_PROJECT, id: e.callId };
      if (e.kind === 'answered') sim.calls.emit(c, { kind: 'answered', extension: e.extension, answeredBy: 'human' });
      else sim.calls.emit(c, { kind: 'ended', cause: causeOfSipCode(e.sipCode), sipCode: e.sipCode });
    },
    async liveCall(command: Command) {
      if (command === 'originate' || command === 'dial') return '';
      if (command === 'answer') {
        const c = sim.calls.open({ projectId: CONTRACT_PROJECT, id: `in-${++n}`, from: '+420601000222', to: '+420222000111', state: 'ringing', extension: null, targets: [{ kind: 'agent', agentId: 'a1', extension: '101' }], ringSeconds: 20 });
        sim.calls.ringNext(c);
        return c.id;
      }
      const callId = await answeredDial();
      if (command !== 'bridge' && command !== 'abandon') await sim.bridge(CONTRACT_PROJECT, callId, '102');
      return callId;
    },
    async confirm(command: Command, callId: string) {
      clock.advance(10_000);
      const kinds = eventsOf(callId).map((e) => e.kind);
      const expected: Record<Command, CallEvent['kind']> = { originate: 'ringing', dial: 'ringing', bridge: 'answered', abandon: 'ended', answer: 'answered', hangup: 'ended', transfer: 'transferred', hold: 'held' };
      expect(kinds).toContain(expected[command]);
      if (command === 'abandon') expect(eventsOf(callId).at(-1)).toMatchObject({ kind: 'ended', cause: 'abandoned' });
      if (command === 'answer' || command === 'bridge') expect(eventsOf(callId).findLast((e) => e.kind === 'answered')).toMatchObject({ extension: '101', answeredBy: 'human' });
    },
    close: () => sim.close(),
  };
});
