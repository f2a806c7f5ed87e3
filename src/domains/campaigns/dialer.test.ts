import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';
import { pollUntil } from '../../../test/support/poll.ts';
import { answered, availableAgents, dialerClock, ended, RecordingAdapter } from '../../../test/support/dialer.ts';

let sb: TestSwitchboard;
let p: TestProject;
let pbx: RecordingAdapter;
let queueId: string;
let agents: Awaited<ReturnType<typeof availableAgents>>;
let clock: ReturnType<typeof dialerClock>;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie = p.supervisor.cookie) =>
  sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { cookie }, ...(payload !== undefined && { payload: payload as object }) });
const runner = () => sb.services.campaigns.runner;
const tick = () => runner().tickAll(clock.now());
const event = (e: Parameters<ReturnType<typeof runner>['onEvent']>[0]) => runner().onEvent(e, clock.now());
const agentState = async (agentId: string) => (await sb.services.routing.engine.project(p.projectId)).agents.get(agentId)!.presence.state;
let n = 0;

async function campaign(body: Record<string, unknown>, leads: Array<Record<string, unknown>>) {
  const c = (await req('POST', '/campaigns', { name: `C${++n}`, queueId, agentIds: agents.map((a) => a.agentId), ...body })).json();
  expect(c.id).toBeDefined();
  const bulk = leads.length ? (await req('POST', `/campaigns/${c.id}/leads/bulk`, { leads })).json() : { created: [], rejected: [] };
  expect(bulk.rejected).toEqual([]);
  expect((await req('POST', `/campaigns/${c.id}/start`)).statusCode).toBe(200);
  return { id: c.id as string, leads: bulk.created.map((x: { id: string }) => x.id) as string[] };
}
const lead = async (cid: string, id: string) => (await req('GET', `/campaigns/${cid}/leads/${id}`)).json();
const stopAll = async () => {
  for (const id of [...runner().runs.keys()]) await req('POST', `/campaigns/${id}/stop`);
  runner().runs.clear();
};
const phones = (k: number, base = 601000000) => Array.from({ length: k }, (_, i) => ({ phone: `+420${base + i}`, name: `Lead ${i}` }));

beforeAll(async () => {
  sb = await startTestSwitchboard({ env: { DIALER_TICK_MS: '0' } });
  p = await seedProject(sb);
  pbx = new RecordingAdapter();
  sb.services.telephony.register(pbx);
  sb.services.telephony.use(p.projectId, 'dialtest');
  queueId = (await req('POST', '/queues', { name: 'Dialer', settings: { wrapUpSeconds: 0 } })).json().id;
  agents = await availableAgents(sb, p, 3);
  clock = dialerClock(sb);
});
afterAll(() => sb?.stop());
beforeEach(async () => {
  await stopAll();
  pbx.dials.length = 0;
  pbx.bridges.length = 0;
  pbx.abandons.length = 0;
  pbx.hangups.length = 0;
});

describe('progressive dialing', () => {
  it('dials one line per free agent, and no more while they ring', async () => {
    await campaign({ mode: 'progressive' }, phones(10));
    await tick();
    expect(pbx.dials).toHaveLength(3);
    await tick();
    expect(pbx.dials).toHaveLength(3);
    await event(ended(p.projectId, pbx.dials[0]!.callId, 'busy'));
    await tick();
    expect(pbx.dials).toHaveLength(4);
  });
});

describe('calling hours in the lead\'s own time zone', () => {
  it('does not dial a New York lead at its night while a Prague lead is dialled', async () => {
    const c = await campaign({ mode: 'progressive' }, [{ phone: '+12125550123', name: 'NY' }, { phone: '+420601999001', name: 'Praha' }]);
    await tick();
    expect(pbx.dials.map((d) => d.to)).toEqual(['+420601999001']);
    const ny = await lead(c.id, c.leads[0]!);
    expect(ny).toMatchObject({ status: 'ready', timezone: 'America/New_York' });
    expect(ny.nextAttemptAt).toBe('2026-11-23T14:00:00.000Z');
  });
});

describe('retries per outcome', () => {
  it('busy retries after its delay until its attempts are used, machine is hung up', async () => {
    const c = await campaign({ mode: 'progressive', retry: { busy: { delayMinutes: 5, maxAttempts: 2 }, machine: { delayMinutes: 60, maxAttempts: 3 } } }, [{ phone: '+420601888001' }, { phone: '+420601888002' }]);
    await tick();
    const [a, b] = pbx.dials;
    await event(ended(p.projectId, a!.callId, 'busy'));
    expect(await lead(c.id, c.leads[0]!)).toMatchObject({ status: 'retry', lastOutcome: 'busy', nextAttemptAt: new Date(clock.now() + 5 * 60_000).toISOString() });
    await event(answered(p.projectId, b!.callId, 'machine'));
    expect(pbx.hangups).toEqual([b!.callId]);
    expect(await lead(c.id, c.leads[1]!)).toMatchObject({ status: 'retry', lastOutcome: 'machine', nextAttemptAt: new Date(clock.now() + 60 * 60_000).toISOString() });
    await tick();
    expect(pbx.dials).toHaveLength(2);
    clock.advance(5 * 60_000);
    await tick();
    expect(pbx.dials).toHaveLength(3);
    await event(ended(p.projectId, pbx.dials[2]!.callId, 'busy'));
    expect(await lead(c.id, c.leads[0]!)).toMatchObject({ status: 'exhausted', attempts: 2 });
  });
});

describe('do-not-call', () => {
  it('never dials a DNC number and records the skip', async () => {
    await req('POST', '/dnc', { phone: '+420601777001' });
    const skipped = sb.bus.next((e) => e.type === 'campaign.lead_skipped');
    const c = await campaign({ mode: 'progressive' }, [{ phone: '+420601777001' }, { phone: '+420601777002' }]);
    await tick();
    expect(pbx.dials.map((d) => d.to)).toEqual(['+420601777002']);
    expect((await skipped).payload).toMatchObject({ leadId: c.leads[0], reason: 'dnc' });
    const l = await lead(c.id, c.leads[0]!);
    expect(l).toMatchObject({ status: 'dnc', lastOutcome: 'dnc', attempts: 0 });
    expect(l.attemptsLog.map((x: { outcome: string }) => x.outcome)).toEqual(['dnc']);
  });
});

describe('predictive dialing', () => {
  it('places at least one call per free agent and never more than the lines', async () => {
    await campaign({ mode: 'predictive', maxLines: 5 }, phones(20, 604000000));
    await tick();
    expect(pbx.dials.length).toBeGreaterThanOrEqual(3);
    expect(pbx.dials.length).toBeLessThanOrEqual(5);
  });
});

describe('answered calls and abandons', () => {
  it('bridges a person to a free campaign agent, who is busy until the call ends', async () => {
    const c = await campaign({ mode: 'progressive' }, phones(1, 602000000));
    await tick();
    const call = pbx.dials[0]!;
    await event(answered(p.projectId, call.callId));
    expect(pbx.bridges).toHaveLength(1);
    const agent = agents.find((a) => a.extension === pbx.bridges[0]!.extension)!;
    expect(await agentState(agent.agentId)).toBe('busy');
    expect(await lead(c.id, c.leads[0]!)).toMatchObject({ status: 'done', lastOutcome: 'human' });
    await event(ended(p.projectId, call.callId));
    expect(await agentState(agent.agentId)).toBe('available');
  });

  it('abandons after 2 s without a free agent, counts it, and keeps the number for 72 h', async () => {
    const c = await campaign({ mode: 'progressive', maxLines: 10 }, phones(6, 603000000));
    await tick();
    expect(pbx.dials).toHaveLength(3);
    for (const d of pbx.dials) await event(answered(p.projectId, d.callId));
    expect(pbx.bridges).toHaveLength(3);
    await tick();
    expect(pbx.dials).toHaveLength(3);
    // every agent is talking; a fourth call placed now finds nobody when the person answers
    const run = runner().runs.get(c.id)!;
    const [leadRow] = (await req('GET', `/campaigns/${c.id}/leads?status=ready&limit=1`)).json().items;
    const [claimed] = await runner().claim(run, [{ id: leadRow.id, phone: leadRow.phone, name: '', contactId: null, value: 0, details: {}, timezone: 'Europe/Prague', score: 0 }], clock.now());
    const call = (await runner().place(run, claimed!, null, clock.now()))!;
    await event(answered(p.projectId, call.callId));
    expect(pbx.abandons).toEqual([]);
    clock.advance(1000);
    await tick();
    expect(pbx.abandons).toEqual([]);
    clock.advance(1000);
    await tick();
    expect(pbx.abandons).toEqual([call.callId]);
    const l = await lead(c.id, leadRow.id);
    expect(l).toMatchObject({ status: 'retry', lastOutcome: 'abandoned' });
    expect(Date.parse(l.nextAttemptAt) - clock.now()).toBe(72 * 3_600_000);
    const stats = (await req('GET', `/campaigns/${c.id}/stats`)).json();
    expect(stats.windows.today).toEqual({ answered: 4, abandoned: 1, rate: 0.25 });
    expect(stats.windows['30d'].abandoned).toBe(1);
    const again = await campaign({ mode: 'progressive' }, [{ phone: leadRow.phone }]);
    for (const d of pbx.dials.slice(0, 3)) await event(ended(p.projectId, d.callId));
    clock.advance(60_000);
    await tick();
    expect(pbx.dials.filter((d) => d.to === leadRow.phone)).toHaveLength(1);
    expect((await lead(again.id, again.leads[0]!)).status).toBe('ready');
  });
});

describe('an agent freed within the grace', () => {
  it('takes the waiting call instead of letting it be abandoned', async () => {
    const c = await campaign({ mode: 'progressive', maxLines: 10 }, phones(4, 607000000));
    await tick();
    for (const d of pbx.dials) await event(answered(p.projectId, d.callId));
    const run = runner().runs.get(c.id)!;
    const [row] = (await req('GET', `/campaigns/${c.id}/leads?status=ready&limit=1`)).json().items;
    const [claimed] = await runner().claim(run, [{ id: row.id, phone: row.phone, name: '', contactId: null, value: 0, details: {}, timezone: 'Europe/Prague', score: 0 }], clock.now());
    const call = (await runner().place(run, claimed!, null, clock.now()))!;
    await event(answered(p.projectId, call.callId));
    clock.advance(1500);
    await event(ended(p.projectId, pbx.dials[0]!.callId));
    await pollUntil(async () => pbx.bridges.map((b) => b.callId), (ids) => ids.includes(call.callId), 5000);
    clock.advance(1000);
    await tick();
    expect(pbx.abandons).toEqual([]);
    for (const d of pbx.dials.slice(1)) await event(ended(p.projectId, d.callId));
    for (const a of agents) await pollUntil(() => agentState(a.agentId), (s) => s === 'available', 5000);
  });
});

describe('abandon windows', () => {
  it('counts today, the rolling 24 hours and the rolling 30 days apart, and steers by the strictest', async () => {
    const c = await campaign({ mode: 'progressive', abandonWindows: ['today', '30d'] }, phones(1, 608000000));
    const at = (hoursAgo: number) => new Date(clock.now() - hoursAgo * 3_600_000);
    const rows = [
      ...Array.from({ length: 9 }, () => ({ h: 0.5, outcome: 'human' })), { h: 0.5, outcome: 'abandoned' },
      { h: 20, outcome: 'abandoned' }, { h: 20, outcome: 'human' },
      { h: 24 * 10, outcome: 'abandoned' }, ...Array.from({ length: 7 }, () => ({ h: 24 * 10, outcome: 'human' })),
      { h: 24 * 40, outcome: 'abandoned' },
    ];
    await sb.db.db.insertInto('lead_attempts').values(rows.map((r) => ({ project_id: p.projectId, campaign_id: c.id, phone: '+420608999999', at: at(r.h), outcome: r.outcome }))).execute();
    const stats = (await req('GET', `/campaigns/${c.id}/stats`)).json();
    expect(stats.windows.today).toEqual({ answered: 10, abandoned: 1, rate: 0.1 });
    expect(stats.windows['24h']).toEqual({ answered: 12, abandoned: 2, rate: 0.1667 });
    expect(stats.windows['30d']).toEqual({ answered: 20, abandoned: 3, rate: 0.15 });
    expect(stats.budgetLeft).toBe(0);
  });
});

describe('a restart in the middle of calls', () => {
  it('frees the agents those calls held and makes their leads due again', async () => {
    const c = await campaign({ mode: 'progressive' }, phones(2, 609000000));
    await tick();
    await event(answered(p.projectId, pbx.dials[0]!.callId));
    const agent = agents.find((a) => a.extension === pbx.bridges[0]!.extension)!;
    expect(await agentState(agent.agentId)).toBe('busy');
    runner().runs.clear();
    await sb.services.campaigns.start();
    expect(await agentState(agent.agentId)).toBe('available');
    expect((await lead(c.id, c.leads[1]!)).status).toBe('retry');
  });
});

describe('preview', () => {
  it('shows the agent the next lead with a countdown, dials on click, and at zero by itself', async () => {
    const c = await campaign({ mode: 'preview', previewSeconds: 15 }, phones(3, 605000000));
    const me = agents[0]!;
    const cookie = `sb_session=${(await sb.services.directory.sessions.open(me.userId)).token}`;
    const next = await req('GET', `/campaigns/${c.id}/preview/next`, undefined, cookie);
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ countdownSeconds: 15, lead: { status: 'ready' } });
    const leadId = next.json().lead.id;
    expect((await req('GET', `/campaigns/${c.id}/preview/next`, undefined, cookie)).json().lead.id).toBe(leadId);
    const stranger = await req('POST', `/campaigns/${c.id}/preview/dial`, { leadId }, p.agent.cookie);
    expect(stranger.json().error.code).toBe('NOT_CAMPAIGN_AGENT');
    const dial = await req('POST', `/campaigns/${c.id}/preview/dial`, { leadId }, cookie);
    expect(dial.statusCode).toBe(202);
    expect(pbx.dials).toHaveLength(1);
    expect(await agentState(me.agentId)).toBe('busy');
    await event(answered(p.projectId, dial.json().callId));
    expect(pbx.bridges).toEqual([{ callId: dial.json().callId, extension: me.extension }]);
    await event(ended(p.projectId, dial.json().callId));
    const second = (await req('GET', `/campaigns/${c.id}/preview/next`, undefined, cookie)).json();
    expect((await req('POST', `/campaigns/${c.id}/preview/skip`, { leadId: second.lead.id }, cookie)).statusCode).toBe(204);
    const third = (await req('GET', `/campaigns/${c.id}/preview/next`, undefined, cookie)).json();
    expect(third.lead.id).not.toBe(second.lead.id);
    clock.advance(15_000);
    await tick();
    expect(pbx.dials.map((d) => d.to)).toEqual([next.json().lead.phone, third.lead.phone]);
  });
});

describe('callback campaign', () => {
  it('schedules the callback for the lead\'s own agent and rings that agent at the time', async () => {
    const cbQueue = (await req('POST', '/queues', { name: 'Callbacks', settings: { wrapUpSeconds: 0, autoAccept: true } })).json().id;
    clock.t = Date.now();
    const always = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]));
    const c = await campaign({ mode: 'callback', queueId: cbQueue, callingHours: { days: always } }, []);
    const me = agents[1]!;
    const cookie = `sb_session=${(await sb.services.directory.sessions.open(me.userId)).token}`;
    const at = new Date(Date.now() + 1500).toISOString();
    const res = await req('POST', `/campaigns/${c.id}/callbacks`, { phone: '+420606000001', at, name: 'Call me back' }, cookie);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ownerAgentId: me.agentId });
    const accepted = await sb.bus.next((e) => e.type === 'task.accepted' && (e.payload as { taskId: string }).taskId === res.json().taskId, 20_000);
    expect((accepted.payload as { agentId: string }).agentId).toBe(me.agentId);
    await pollUntil(async () => pbx.originates.length, (k) => k > 0, 5000);
    expect(pbx.originates[0]).toMatchObject({ agentId: me.agentId, extension: me.extension, to: '+420606000001' });
  });
});
