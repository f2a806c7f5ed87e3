import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/audit.ts';
import type { DomainEvent } from '../platform/events/bus.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../../test/support/app.ts';
import { saveQueue } from '../domains/tasks/queue-service.ts';
import { assignCall } from '../domains/tasks/direct.ts';
import { startDemoBots } from './bots.ts';
import { seedDemoProject } from './seed.ts';

let sb: TestSwitchboard;
let projectId: string;
let people: Record<string, string>;
let stop: () => void;

beforeAll(async () => {
  // The demo's predictive campaign would take the bots' time; these tests drive calls by hand.
  sb = await startTestSwitchboard({ env: { DIALER_TICK_MS: '0' } });
  const log = pino({ level: 'silent' });
  ({ projectId, people } = (await seedDemoProject(sb.db.db, log)).project);
  stop = await startDemoBots(sb, projectId, log);
}, 120_000);
afterAll(async () => {
  stop?.();
  await sb?.stop();
});

describe('demo bots', () => {
  it('give the demo extensions, staffed call groups and simulated inbound calls', async () => {
    const ext = new Map((await sb.services.callRouting.groups.extensions(projectId)).map((e) => [e.agentId, e.extension]));
    expect(ext.get(people['agent1@demo.local']!)).toBe('101');
    expect(ext.get(people['bot1@demo.local']!)).toBe('201');
    const sales = (await sb.services.callRouting.groups.list(projectId)).find((g) => g.name === 'Sales')!;
    expect(sales.members).toContain(people['bot1@demo.local']);
    expect(sb.services.telephonyAdapters.settings.peek(projectId)).toMatchObject({ adapter: 'sim', sim: { inboundPerMinute: 2.4 } });
  });

  it('answer a call ringing at a bot, and wrap up after it ends; real agents are never answered for', async () => {
    await sb.services.telephonyAdapters.settings.update(projectId, { sim: { inboundPerMinute: 0 } }, systemActor);
    const bots = new Set(Object.entries(people).filter(([email]) => email.startsWith('bot')).map(([, id]) => id));
    const callId = 'bot-test-call';
    const answered = sb.bus.next((e) => e.type === 'call.answered' && (e.payload as { callId: string }).callId === callId, 20_000);
    await sb.services.telephonyAdapters.sim.arrive({ projectId, callId, from: '+420739000111', to: '+420222000111' });
    const a = (await answered) as DomainEvent<'call.answered'>;
    expect(bots.has(a.payload.agentId!)).toBe(true);
    const wrap = sb.bus.next((e) => e.type === 'agent.state_changed' && (e.payload as { userId: string; to: string }).userId === a.payload.agentId && (e.payload as { to: string }).to === 'wrap_up');
    await sb.services.telephony.hangup(projectId, callId);
    expect((await wrap).payload).toMatchObject({ to: 'wrap_up', reason: 'call' });
    const realAgents = new Set(['agent1', 'agent2', 'agent3', 'agent4'].map((n) => people[`${n}@demo.local`]));
    expect(realAgents.has(a.payload.agentId!)).toBe(false);
  });

  it('take a campaign call bridged to them as a task, and complete the task when the call ends', async () => {
    const { engine } = sb.services.routing;
    await sb.services.telephonyAdapters.settings.update(projectId, { sim: { inboundPerMinute: 0, answerRate: 1, machineRate: 0, busyRate: 0, noAnswerRate: 0 } }, systemActor);
    const { queueId, bots } = await engine.run(projectId, async (ps) => {
      const q = await saveQueue(engine, ps, null, { name: 'Bot campaign', vertical: 'test', taskType: 'campaign', settings: { wrapUpSeconds: 0 } }, systemActor);
      const ids = [...ps.agents.values()].filter((a) => a.userId === people['bot5@demo.local']).map((a) => a.id);
      return { queueId: (q as { id: string }).id, bots: ids };
    });
    const answered = (id: string) => (e: DomainEvent) => e.type === 'call.answered' && (e.payload as { callId: string }).callId === id;
    const placed = await sb.services.telephony.dial({ projectId, to: '+420739000222', ringSeconds: 60 });
    await sb.bus.next(answered(placed.callId), 70_000);
    const got = await assignCall(engine, projectId, { queueId, agentIds: bots, title: 'Campaign call', phones: ['+420739000222'], value: 0, details: {}, contactId: null });
    expect(got).not.toBeNull();
    const bridged = sb.bus.next(answered(placed.callId));
    await sb.services.telephony.bridge(projectId, placed.callId, '205');
    expect((await bridged).payload).toMatchObject({ agentId: people['bot5@demo.local'], extension: '205' });
    const completed = sb.bus.next((e) => e.type === 'task.completed' && (e.payload as { taskId: string }).taskId === got!.taskId);
    await sb.services.telephony.hangup(projectId, placed.callId);
    expect((await completed).payload).toMatchObject({ disposition: 'completed' });
  }, 90_000);
});
