import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimAdapter } from '../../src/telephony/adapters/sim/adapter.ts';
import { ManualScheduler } from '../../src/telephony/adapters/sim/scheduler.ts';
import { DEFAULT_SIM_SETTINGS } from '../../src/telephony/adapters/sim/settings.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { availableAgents, MONDAY_10_PRAGUE } from '../support/dialer.ts';

let sb: TestSwitchboard;
let p: TestProject;

beforeAll(async () => {
  sb = await startTestSwitchboard({ env: { DIALER_TICK_MS: '0' } });
  p = await seedProject(sb);
});
afterAll(async () => sb?.stop());

const req = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { cookie: p.supervisor.cookie }, ...(payload !== undefined && { payload: payload as object }) });

describe('a predictive campaign on the simulator', () => {
  it('dials, connects people to agents, hangs up on machines and keeps its figures consistent over ten minutes', async () => {
    const clock = new ManualScheduler(MONDAY_10_PRAGUE);
    const desk = sb.services.callRouting.desk;
    const sim = new SimAdapter({
      ctx: { router: desk, events: (e) => desk.record(e), projectForToken: () => undefined },
      log: pino({ level: 'silent' }),
      settings: () => ({ ...DEFAULT_SIM_SETTINGS, inboundPerMinute: 0, answerRate: 0.35, machineRate: 0.15, busyRate: 0.1, noAnswerRate: 0.4, talkMeanSeconds: 60 }),
      serves: () => true,
      recordingUrl: (id) => id,
      scheduler: clock,
      seed: 7,
    });
    sb.services.telephony.register(sim);
    sb.services.telephony.use(p.projectId, 'sim');
    sb.services.campaigns.setClock(() => clock.now());
    const agents = await availableAgents(sb, p, 4);
    const queueId = (await req('POST', '/queues', { name: 'Sim dialer', settings: { wrapUpSeconds: 0 } })).json().id;
    const c = (await req('POST', '/campaigns', { name: 'Sim', queueId, agentIds: agents.map((a) => a.agentId), maxLines: 10 })).json();
    const leads = Array.from({ length: 200 }, (_, i) => ({ phone: `+420601${String(100000 + i)}` }));
    expect((await req('POST', `/campaigns/${c.id}/leads/bulk`, { leads })).json().created).toHaveLength(200);
    expect((await req('POST', `/campaigns/${c.id}/start`)).json().status).toBe('running');
    const cs = sb.services.campaigns;
    for (let s = 0; s < 600; s++) {
      clock.advance(1000);
      await cs.settled();
      await cs.runner.tickAll(clock.now());
      await cs.settled();
    }
    await req('POST', `/campaigns/${c.id}/pause`);
    for (let s = 0; s < 300; s++) {
      clock.advance(1000);
      await cs.settled();
      await cs.runner.tickAll(clock.now());
    }
    const stats = (await req('GET', `/campaigns/${c.id}/stats`)).json();
    expect(stats.today.dials).toBeGreaterThan(40);
    expect(stats.windows.today.answered).toBeGreaterThan(10);
    expect(stats.today.machine).toBeGreaterThan(0);
    expect(stats.linesInUse).toBe(0);
    expect(stats.leads.dialling).toBe(0);
    const humans = await sb.db.db.selectFrom('lead_attempts').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', c.id).where('outcome', '=', 'human').executeTakeFirstOrThrow();
    expect(stats.leads.done).toBe(Number(humans.n));
    expect(stats.windows.today.answered).toBe(Number(humans.n) + stats.windows.today.abandoned);
    const states = stats.agents.map((a: { state: string }) => a.state);
    expect(states.every((s: string) => s === 'available')).toBe(true);
    await sim.close();
  }, 120_000);
});
