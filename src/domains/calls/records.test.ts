import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainEvent, EventMap } from '../../platform/events/bus.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { addSignedInAgent, callEvent, recordOf } from '../../../test/support/calls.ts';
import { projectApi } from '../../../test/support/call-routing.ts';
import { seedProject, type TestProject, type TestUser } from '../../../test/support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let other: TestUser;
let contactId: string;
const CUSTOMER = '+420601111111';
const DIALLED = '+420222000000';

const routed = (callId: string, targets: string[], extra: Partial<EventMap['call.routed']> = {}): EventMap['call.routed'] => ({
  callId, from: CUSTOMER, to: DIALLED, contactId, callerKind: 'customer', ruleId: null, ruleName: 'Sales', fallback: false, targets, ms: 1, ...extra,
});

async function me(user: TestUser) {
  const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/agents/me`, headers: { cookie: user.cookie } });
  return res.json().agent as { state: string; reason: string | null };
}

function updatesOf(callId: string): Array<EventMap['call.updated']> {
  const seen: Array<EventMap['call.updated']> = [];
  sb.bus.subscribe((e: DomainEvent) => {
    if (e.type === 'call.updated' && (e.payload as EventMap['call.updated']).callId === callId) seen.push(e.payload as EventMap['call.updated']);
  });
  return seen;
}

beforeAll(async () => {
  sb = await startTestSwitchboard({ env: { CALL_WRAP_UP_SECONDS: '1' } });
  p = await seedProject(sb, 'Calls records');
  other = await addSignedInAgent(sb, p, 'other');
  const api = projectApi(sb, p);
  await api('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension: '201' }, { agentId: other.id, extension: '202' }] });
  await api('PATCH', '/call-routing/settings', { timezone: 'Europe/Prague' });
  contactId = (await api('POST', '/contacts', { name: 'Jana Nováková', phones: [{ number: CUSTOMER }], city: 'Brno' })).id;
  for (const user of [p.agent, other]) {
    await sb.app.inject({ method: 'PUT', url: `/api/projects/${p.projectId}/agents/me/presence`, headers: { cookie: user.cookie }, payload: { state: 'available' } });
  }
});
afterAll(() => sb?.stop());
afterEach(() => vi.useRealTimers());

/** The clock (Date only) moved by `offsetMs` from the real now: the next events happen then. */
function at(offsetMs: number) {
  vi.useRealTimers();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + offsetMs);
}

/** A trunk billed per second at `ratePerMinute` CZK for Czech numbers. */
async function czechTrunk(name: string, ratePerMinute: number): Promise<{ id: string }> {
  const api = projectApi(sb, p);
  const trunk = await api('POST', '/trunks', { name, currency: 'CZK', firstIncrement: 1, nextIncrement: 1 });
  await api('PUT', `/trunks/${trunk.id}/prices`, { prices: [{ prefix: '+420', ratePerMinute }] });
  return trunk;
}

/** A call placed to the customer on the trunk. */
const outbound = (callId: string, kind: EventMap['call.originated']['kind'], trunkId: string, agentId: string | null): EventMap['call.originated'] => ({
  callId, adapter: 'sim', kind, to: CUSTOMER, callerId: '+420222000001', trunkId, agentId, contactId, campaignId: null, leadId: null, taskId: null,
});

describe('call records from call events', () => {
  it('keeps an answered inbound call, and the agent is busy while talking and back after wrap-up', async () => {
    const updates = updatesOf('in-1');
    await callEvent(sb, p.projectId, 'call.routed', routed('in-1', ['agent:201']));
    await callEvent(sb, p.projectId, 'call.ringing', { callId: 'in-1', from: CUSTOMER, to: DIALLED, targets: ['agent:201'] });
    const live = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls/live`, headers: { cookie: p.agent.cookie } });
    expect(live.json()).toEqual([expect.objectContaining({ callId: 'in-1', state: 'ringing', agentId: p.agent.id, contactId, from: CUSTOMER })]);

    await callEvent(sb, p.projectId, 'call.answered', { callId: 'in-1', extension: '201', agentId: p.agent.id, answeredBy: null });
    expect(await me(p.agent)).toMatchObject({ state: 'busy', reason: 'call' });
    await callEvent(sb, p.projectId, 'call.held', { callId: 'in-1', held: true });
    expect((await recordOf(sb, p, 'in-1'))!.state).toBe('held');

    const back = sb.bus.next((e) => e.type === 'agent.state_changed' && (e.payload as { userId: string; to: string }).userId === p.agent.id && (e.payload as { to: string }).to === 'available');
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'in-1', cause: 'normal', sipCode: null });
    expect(await me(p.agent)).toMatchObject({ state: 'wrap_up' });
    await back;

    const r = await recordOf(sb, p, 'in-1');
    expect(r).toMatchObject({ direction: 'inbound', state: 'ended', outcome: 'answered', agentId: p.agent.id, contactId, ruleName: 'Sales', from: CUSTOMER, to: DIALLED, endCause: 'normal' });
    expect(r!.talkSeconds).toBeGreaterThanOrEqual(0);
    expect(updates.map((u) => u.state)).toEqual(['ringing', 'talking', 'held', 'ended']);
    expect(updates.at(-1)).toMatchObject({ outcome: 'answered', agentId: p.agent.id });
  });

  it('records a call nobody answered as missed and one sent to voicemail as voicemail', async () => {
    await callEvent(sb, p.projectId, 'call.routed', routed('in-missed', ['agent:202']));
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'in-missed', cause: 'cancelled', sipCode: 487 });
    expect(await recordOf(sb, p, 'in-missed')).toMatchObject({ outcome: 'missed', agentId: other.id, talkSeconds: 0 });
    expect(await me(other)).toMatchObject({ state: 'available' });

    await callEvent(sb, p.projectId, 'call.routed', routed('in-vm', ['voicemail:night'], { ruleName: 'Night' }));
    await callEvent(sb, p.projectId, 'call.answered', { callId: 'in-vm', extension: null, agentId: null, answeredBy: null });
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'in-vm', cause: 'normal', sipCode: null });
    expect(await recordOf(sb, p, 'in-vm')).toMatchObject({ outcome: 'voicemail', ruleName: 'Night', agentId: null });
  });

  it('survives events out of order, twice, and for calls it never saw', async () => {
    const updates = updatesOf('odd-1');
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'odd-1', cause: 'cancelled', sipCode: 487 });
    await callEvent(sb, p.projectId, 'call.answered', { callId: 'odd-1', extension: '201', agentId: p.agent.id, answeredBy: 'human' });
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'odd-1', cause: 'normal', sipCode: null });
    expect(await recordOf(sb, p, 'odd-1')).toMatchObject({ state: 'ended', outcome: 'missed', endCause: 'cancelled', answeredAt: null, agentId: null });
    expect(updates).toHaveLength(1);
    expect(await me(p.agent)).toMatchObject({ state: 'available' });

    await callEvent(sb, p.projectId, 'call.recording', { callId: 'odd-2', url: 'https://rec.example.test/odd-2.wav' });
    expect(await recordOf(sb, p, 'odd-2')).toMatchObject({ state: 'ringing', recordingUrl: 'https://rec.example.test/odd-2.wav' });

    await callEvent(sb, p.projectId, 'call.recording', { callId: 'in-1', url: 'https://rec.example.test/in-1.wav' });
    expect(await recordOf(sb, p, 'in-1')).toMatchObject({ outcome: 'answered', recordingUrl: 'https://rec.example.test/in-1.wav' });
  });

  it('attributes an inbound call to the tracking number the caller dialled', async () => {
    const tracking = await projectApi(sb, p)('POST', '/tracking-numbers', { number: '+420222000777', source: 'Billboard D1' });
    await callEvent(sb, p.projectId, 'call.routed', routed('in-tracked', ['agent:201'], { to: '+420222000777' }));
    expect(await recordOf(sb, p, 'in-tracked')).toMatchObject({ trackingNumberId: tracking.id, to: '+420222000777' });
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'in-tracked', cause: 'no_answer', sipCode: 480 });
  });

  it('prices an outbound call on its trunk when it ends', async () => {
    const trunk = await czechTrunk('Main', 1.2);
    at(-100_000);
    await callEvent(sb, p.projectId, 'call.originated', outbound('out-1', 'click_to_call', trunk.id, other.id));
    at(-90_000);
    await callEvent(sb, p.projectId, 'call.answered', { callId: 'out-1', extension: '202', agentId: other.id, answeredBy: 'human' });
    vi.useRealTimers();
    expect(await me(other)).toMatchObject({ state: 'busy' });
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'out-1', cause: 'normal', sipCode: null });
    const r = await recordOf(sb, p, 'out-1');
    expect(r).toMatchObject({ direction: 'outbound', outcome: 'answered', trunkId: trunk.id, callerId: '+420222000001', currency: 'CZK', agentId: other.id });
    expect(r!.talkSeconds).toBeGreaterThanOrEqual(90);
    expect(r!.talkSeconds).toBeLessThan(100);
    expect(r!.cost).toBeCloseTo((r!.talkSeconds / 60) * 1.2, 4);
  });

  it('bills an abandoned campaign call for its answered time, though nobody talked', async () => {
    const trunk = await czechTrunk('Dialer', 6);
    at(-30_000);
    await callEvent(sb, p.projectId, 'call.originated', outbound('out-abandoned', 'campaign', trunk.id, null));
    at(-10_000);
    await callEvent(sb, p.projectId, 'call.answered', { callId: 'out-abandoned', extension: null, agentId: null, answeredBy: 'human' });
    vi.useRealTimers();
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'out-abandoned', cause: 'abandoned', sipCode: null });
    const r = await recordOf(sb, p, 'out-abandoned');
    expect(r).toMatchObject({ outcome: 'abandoned', talkSeconds: 0 });
    expect(r!.cost).toBeGreaterThanOrEqual(1);
    expect(r!.cost).toBeLessThanOrEqual(1.2);
  });

  it('counts calls, handled, missed share, talk time and cost per day in the project time zone', async () => {
    const db = sb.db.db;
    const row = (startedAt: string, extra: Record<string, unknown>) => ({ project_id: p.projectId, pbx_call_id: `stat-${startedAt}-${Math.random()}`, started_at: startedAt, ended_at: startedAt, ...extra });
    await db.insertInto('calls').values([
      row('2026-03-02T08:00:00Z', { outcome: 'answered', talk_seconds: 60, answered_at: '2026-03-02T08:00:05Z' }),
      row('2026-03-02T09:00:00Z', { outcome: 'missed', talk_seconds: 0 }),
      row('2026-03-02T10:00:00Z', { outcome: 'voicemail', talk_seconds: 0 }),
      row('2026-03-02T11:00:00Z', { direction: 'outbound', outcome: 'answered', talk_seconds: 30, cost: '1.5', currency: 'CZK' }),
      row('2026-03-03T22:30:00Z', { outcome: 'answered', talk_seconds: 10 }),
      row('2026-03-03T23:30:00Z', { outcome: 'missed', talk_seconds: 0 }),
      row('2026-03-04T23:30:00Z', { outcome: 'missed', talk_seconds: 0 }),
    ] as never).execute();
    const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls/stats?from=2026-03-02&to=2026-03-04`, headers: { cookie: p.supervisor.cookie } });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.timezone).toBe('Europe/Prague');
    expect(stats.days).toEqual([
      { day: '2026-03-02', calls: 4, handled: 2, missed: 2, missedShare: 0.6667, talkSeconds: 90, cost: 1.5 },
      { day: '2026-03-03', calls: 1, handled: 1, missed: 0, missedShare: 0, talkSeconds: 10, cost: 0 },
      { day: '2026-03-04', calls: 1, handled: 0, missed: 1, missedShare: 1, talkSeconds: 0, cost: 0 },
    ]);
    expect(stats.totals).toEqual({ calls: 6, handled: 3, missed: 3, missedShare: 0.6, talkSeconds: 100, cost: 1.5 });
    expect(stats.currency).toBe('CZK');
    const forAgent = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls/stats`, headers: { cookie: p.agent.cookie } });
    expect(forAgent.statusCode).toBe(403);
  });
});
