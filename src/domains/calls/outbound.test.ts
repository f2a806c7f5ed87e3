import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainEvent, EventMap } from '../../platform/events/bus.ts';
import { SimAdapter } from '../../telephony/adapters/sim/adapter.ts';
import { ManualScheduler } from '../../telephony/adapters/sim/scheduler.ts';
import { DEFAULT_SIM_SETTINGS, type SimSettings } from '../../telephony/adapters/sim/settings.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { recordOf } from '../../../test/support/calls.ts';
import { projectApi } from '../../../test/support/call-routing.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';

/**
 * Outbound calls end to end through the simulated network and the real bus: campaign dials (preview and
 * progressive) and click-to-call, as the agent's live list, the call list and `call.updated` show them.
 * The simulator runs on a hand-moved clock and Date moves with it, so talk times are the simulated ones.
 */

let sb: TestSwitchboard;
let p: TestProject;
let api: ReturnType<typeof projectApi>;
let sim: SimAdapter;
let clock: ManualScheduler;
let queueId: string;
let agentId: string;
let settings: SimSettings = DEFAULT_SIM_SETTINGS;
const EXTENSION = '201';
const ALWAYS = { days: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]])) };
let n = 0;

type Live = { callId: string; direction: string; state: string; agentId: string | null; to: string; answeredAt: string | null };
type Update = EventMap['call.updated'];
const updates: Update[] = [];
const updatesOf = (callId: string): Update[] => updates.filter((u) => u.callId === callId);

const as = (cookie: string) => async (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  sb.app.inject({ method, url: `/api/projects/${p.projectId}${path}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const agentApi = () => as(p.agent.cookie);
const liveOf = async (cookie: string, callId: string) => ((await as(cookie)('GET', '/calls/live')).json() as Live[]).filter((c) => c.callId === callId);
const presence = async () => (await agentApi()('GET', '/agents/me')).json().agent.state as string;

/** Waits for what the last step set off: the dialer's reactions (bridge, abandon, hang-up) and the record's writes. */
async function settle(callId: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await sb.services.campaigns.settled();
    await sb.services.calls.recorder.settled(p.projectId, callId);
  }
}

/** Moves the simulated network and Date on by whole seconds until `done` (the dialer ticks each second). */
async function until(callId: string, done: () => Promise<boolean>, maxSeconds: number): Promise<void> {
  for (let s = 0; s < maxSeconds; s++) {
    if (await done()) return;
    vi.setSystemTime(Date.now() + 1000);
    clock.advance(1000);
    await settle(callId);
    await sb.services.campaigns.runner.tickAll();
    await settle(callId);
  }
  expect(await done(), `condition not met within ${maxSeconds} simulated seconds`).toBe(true);
}

async function campaign(mode: 'preview' | 'progressive', phone: string): Promise<{ id: string; leadId: string }> {
  const c = await api('POST', '/campaigns', { name: `Outbound ${++n}`, mode, queueId, agentIds: [agentId], callingHours: ALWAYS, previewSeconds: 600 });
  const bulk = await api('POST', `/campaigns/${c.id}/leads/bulk`, { leads: [{ phone, name: `Lead ${n}` }] });
  await api('POST', `/campaigns/${c.id}/start`);
  return { id: c.id, leadId: bulk.created[0].id };
}

beforeAll(async () => {
  sb = await startTestSwitchboard({ env: { DIALER_TICK_MS: '0', CALL_WRAP_UP_SECONDS: '0' } });
  p = await seedProject(sb, 'Outbound calls');
  api = projectApi(sb, p);
  sb.bus.subscribe((e: DomainEvent) => {
    if (e.type === 'call.updated') updates.push(e.payload as Update);
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  clock = new ManualScheduler(Date.now());
  const desk = sb.services.callRouting.desk;
  sim = new SimAdapter({
    ctx: { router: desk, events: (e) => desk.record(e), projectForToken: () => undefined },
    log: pino({ level: 'silent' }),
    settings: () => settings,
    serves: () => true,
    recordingUrl: (id) => `http://sim.test/${id}.wav`,
    scheduler: clock,
    seed: 11,
  });
  sb.services.telephony.register(sim);
  sb.services.telephony.use(p.projectId, 'sim');
  await api('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension: EXTENSION }] });
  queueId = (await api('POST', '/queues', { name: 'Outbound', settings: { wrapUpSeconds: 0 } })).id;
  expect((await agentApi()('PUT', '/agents/me/presence', { state: 'available' })).statusCode).toBe(200);
  agentId = (await sb.services.routing.engine.project(p.projectId)).byUser.get(p.agent.id)!;
});
afterAll(async () => {
  vi.useRealTimers();
  await sb?.stop();
});

const shares = (o: Partial<SimSettings>): SimSettings => ({
  ...DEFAULT_SIM_SETTINGS, answerRate: 0, machineRate: 0, busyRate: 0, noAnswerRate: 0, ringMeanSeconds: 3, talkMeanSeconds: 30, ...o,
});
/** The states `call.updated` announced for the call, repeats folded (the recording arrives after the end). */
const statesOf = (callId: string) => updatesOf(callId).map((u) => u.state).filter((s, i, all) => s !== all[i - 1]);
const secondsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

/** Places a progressive campaign's one call (the dialer's tick) and returns its PBX call id. */
async function progressiveCall(phone: string) {
  const c = await campaign('progressive', phone);
  await sb.services.campaigns.runner.tickAll();
  const callId = [...sb.services.campaigns.runner.runs.get(c.id)!.calls.keys()][0]!;
  await settle(callId);
  return { ...c, callId };
}

describe('a preview campaign call', () => {
  it('rings for its agent, talks once the customer answers and is bridged, and leaves the live list as answered with its talk time, filed under the agent\'s task', async () => {
    settings = shares({ answerRate: 1 });
    const phone = '+420605100001';
    const c = await campaign('preview', phone);
    expect((await agentApi()('GET', `/campaigns/${c.id}/preview/next`)).json().lead.id).toBe(c.leadId);
    const dial = await agentApi()('POST', `/campaigns/${c.id}/preview/dial`, { leadId: c.leadId });
    expect(dial.statusCode).toBe(202);
    const callId = dial.json().callId as string;
    await settle(callId);
    expect(await liveOf(p.agent.cookie, callId)).toEqual([expect.objectContaining({ direction: 'outbound', state: 'ringing', agentId: p.agent.id, to: phone, answeredAt: null })]);
    expect(await presence()).toBe('busy');
    const task = (await agentApi()('GET', '/agents/me')).json().task as { id: string; details: { leadId: string } };
    expect(task.details.leadId).toBe(c.leadId);

    await until(callId, async () => (await liveOf(p.agent.cookie, callId))[0]?.state !== 'ringing', 60);
    const talking = await liveOf(p.agent.cookie, callId);
    expect(talking).toEqual([expect.objectContaining({ direction: 'outbound', state: 'talking', agentId: p.agent.id })]);
    expect(talking[0]!.answeredAt).not.toBeNull();
    expect(sim.calls.get(p.projectId, callId)).toMatchObject({ state: 'talking', extension: EXTENSION });

    await until(callId, async () => (await liveOf(p.agent.cookie, callId)).length === 0, 600);
    const r = (await recordOf(sb, p, callId))!;
    expect(r).toMatchObject({
      direction: 'outbound', state: 'ended', outcome: 'answered', endCause: 'normal', answeredBy: 'human', agentId: p.agent.id,
      campaignId: c.id, leadId: c.leadId, taskId: task.id, to: phone, answeredAt: talking[0]!.answeredAt,
    });
    expect(r.talkSeconds).toBeGreaterThanOrEqual(5);
    expect(r.talkSeconds).toBe(secondsBetween(r.answeredAt, r.endedAt));
    expect(r.durationSeconds).toBe(secondsBetween(r.startedAt, r.endedAt));
    const mine = (await agentApi()('GET', '/calls?direction=outbound&outcome=answered')).json().items as Array<{ callId: string; taskId: string | null }>;
    expect(mine.find((x) => x.callId === callId)?.taskId).toBe(task.id);
    expect(statesOf(callId)).toEqual(['ringing', 'talking', 'ended']);
    expect(updatesOf(callId).at(-1)).toMatchObject({ direction: 'outbound', state: 'ended', outcome: 'answered', agentId: p.agent.id });
    expect(await presence()).toBe('available');
    await api('POST', `/campaigns/${c.id}/stop`);
  });
});

describe('a progressive campaign call', () => {
  it('rings with no agent, then talks with the agent the dialer bridged, and ends answered', async () => {
    settings = shares({ answerRate: 1 });
    const c = await progressiveCall('+420605200001');
    expect(await liveOf(p.supervisor.cookie, c.callId)).toEqual([expect.objectContaining({ direction: 'outbound', state: 'ringing', agentId: null })]);
    await until(c.callId, async () => (await liveOf(p.supervisor.cookie, c.callId))[0]?.state !== 'ringing', 60);
    expect(await liveOf(p.agent.cookie, c.callId)).toEqual([expect.objectContaining({ state: 'talking', agentId: p.agent.id })]);
    expect(await presence()).toBe('busy');
    const task = (await agentApi()('GET', '/agents/me')).json().task as { id: string; details: { callId: string } };
    expect(task.details.callId).toBe(c.callId);
    await until(c.callId, async () => (await liveOf(p.supervisor.cookie, c.callId)).length === 0, 600);
    const r = (await recordOf(sb, p, c.callId))!;
    expect(r).toMatchObject({ state: 'ended', outcome: 'answered', answeredBy: 'human', agentId: p.agent.id, campaignId: c.id, taskId: task.id });
    expect(r.talkSeconds).toBe(secondsBetween(r.answeredAt, r.endedAt));
    expect(r.talkSeconds).toBeGreaterThanOrEqual(5);
    expect(statesOf(c.callId)).toEqual(['ringing', 'talking', 'ended']);
    // the PBX reports the first ring before the call is announced as placed: no update ever says inbound
    expect(updatesOf(c.callId).map((u) => u.direction)).not.toContain('inbound');
    expect(await presence()).toBe('available');
    await api('POST', `/campaigns/${c.id}/stop`);
  });

  it.each([
    { who: 'an answering machine', share: { machineRate: 1 }, outcome: 'machine', answeredBy: 'machine', states: ['ringing', 'talking', 'ended'] },
    { who: 'a busy line', share: { busyRate: 1 }, outcome: 'busy', answeredBy: null, states: ['ringing', 'ended'] },
    { who: 'nobody', share: { noAnswerRate: 1 }, outcome: 'no_answer', answeredBy: null, states: ['ringing', 'ended'] },
  ])('answered by $who ends as $outcome with no talk time and no agent', async ({ share, outcome, answeredBy, states }) => {
    settings = shares(share);
    const c = await progressiveCall(`+42060521000${++n}`);
    expect(await liveOf(p.supervisor.cookie, c.callId)).toEqual([expect.objectContaining({ state: 'ringing' })]);
    await until(c.callId, async () => (await liveOf(p.supervisor.cookie, c.callId)).length === 0, 120);
    expect(await recordOf(sb, p, c.callId)).toMatchObject({ direction: 'outbound', state: 'ended', outcome, answeredBy, talkSeconds: 0, agentId: null, campaignId: c.id });
    expect(statesOf(c.callId)).toEqual(states);
    expect(updatesOf(c.callId).map((u) => u.direction)).not.toContain('inbound');
    expect(updatesOf(c.callId).at(-1)).toMatchObject({ state: 'ended', outcome });
    expect(await presence()).toBe('available');
    await api('POST', `/campaigns/${c.id}/stop`);
  });

  it('answered while no agent is free is abandoned by the dialer after the grace and ends abandoned with no talk time', async () => {
    settings = shares({ answerRate: 1 });
    const c = await progressiveCall('+420605300001');
    expect((await agentApi()('PUT', '/agents/me/presence', { state: 'break', reason: 'Coffee' })).statusCode).toBe(200);
    await until(c.callId, async () => (await liveOf(p.supervisor.cookie, c.callId)).length === 0, 120);
    expect(sim.calls.list(p.projectId)).toEqual([]);
    const r = (await recordOf(sb, p, c.callId))!;
    expect(r).toMatchObject({ direction: 'outbound', state: 'ended', outcome: 'abandoned', endCause: 'abandoned', agentId: null, campaignId: c.id, talkSeconds: 0 });
    expect(r.answeredAt).not.toBeNull();
    expect(r.durationSeconds).toBe(secondsBetween(r.startedAt, r.endedAt));
    expect(r.durationSeconds).toBeGreaterThan(secondsBetween(r.startedAt, r.answeredAt));
    expect(updatesOf(c.callId).at(-1)).toMatchObject({ state: 'ended', outcome: 'abandoned' });
    expect((await api('GET', `/campaigns/${c.id}/leads/${c.leadId}`)).lastOutcome).toBe('abandoned');
    await api('POST', `/campaigns/${c.id}/stop`);
    expect((await agentApi()('PUT', '/agents/me/presence', { state: 'available' })).statusCode).toBe(200);
  });
});

describe('a click-to-call', () => {
  it('rings for the agent who placed it, talks when the customer answers, and ends answered with its talk time', async () => {
    settings = shares({ answerRate: 1 });
    const placed = await agentApi()('POST', '/calls', { phone: '+420605400001' });
    expect(placed.statusCode).toBe(201);
    const { callId } = placed.json() as { callId: string };
    expect(await liveOf(p.agent.cookie, callId)).toEqual([expect.objectContaining({ direction: 'outbound', state: 'ringing', agentId: p.agent.id, to: '+420605400001' })]);
    expect(await presence()).toBe('busy');
    await until(callId, async () => (await liveOf(p.agent.cookie, callId))[0]?.state !== 'ringing', 60);
    expect(await liveOf(p.agent.cookie, callId)).toEqual([expect.objectContaining({ state: 'talking', agentId: p.agent.id })]);
    await until(callId, async () => (await liveOf(p.agent.cookie, callId)).length === 0, 600);
    const r = (await recordOf(sb, p, callId))!;
    expect(r).toMatchObject({ direction: 'outbound', state: 'ended', outcome: 'answered', answeredBy: 'human', agentId: p.agent.id, campaignId: null });
    expect(r.talkSeconds).toBeGreaterThanOrEqual(5);
    expect(r.talkSeconds).toBe(secondsBetween(r.answeredAt, r.endedAt));
    expect(statesOf(callId)).toEqual(['ringing', 'talking', 'ended']);
    expect(await presence()).toBe('available');
  });
});
