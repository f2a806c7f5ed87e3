import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeOf, reduce, stateOf, type CallInput, type CallRow } from './model.ts';

const t0 = new Date('2026-03-02T09:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

const blank = (extra: Partial<CallRow> = {}): CallRow => ({
  id: 'c', project_id: 'p', pbx_call_id: 'x', adapter: '', direction: 'inbound', from_number: null, to_number: null, contact_id: null,
  agent_id: null, rule_id: null, rule_name: null, tracking_number_id: null, campaign_id: null, lead_id: null, task_id: null,
  caller_id: null, trunk_id: null, started_at: t0, answered_at: null, ended_at: null, outcome: null, end_cause: null,
  talk_seconds: null, duration_seconds: null, disposition: null, recording_url: null, cost: null, currency: null,
  answered_by: null, held: false, voicemail: false, ...extra,
});

function play(events: CallInput[], start = blank()): CallRow {
  return events.reduce((r, e) => ({ ...r, ...(reduce(r, e).patch as Partial<CallRow>) }), start);
}

describe('call outcome', () => {
  it.each<[string, Partial<CallRow>, string, string]>([
    ['inbound answered', { answered_at: t0 }, 'normal', 'answered'],
    ['inbound never answered', {}, 'cancelled', 'missed'],
    ['inbound sent to voicemail', { voicemail: true, answered_at: t0 }, 'normal', 'voicemail'],
    ['inbound refused by a rule', {}, 'rejected', 'rejected'],
    ['outbound busy', { direction: 'outbound' }, 'busy', 'busy'],
    ['outbound no answer', { direction: 'outbound' }, 'no_answer', 'no_answer'],
    ['outbound cancelled counts as no answer', { direction: 'outbound' }, 'cancelled', 'no_answer'],
    ['outbound failed', { direction: 'outbound' }, 'failed', 'failed'],
    ['campaign call answered by a machine', { direction: 'outbound', campaign_id: 'k', answered_at: t0, answered_by: 'machine' }, 'normal', 'machine'],
    ['click-to-call answered by a machine is answered', { direction: 'outbound', answered_at: t0, answered_by: 'machine' }, 'normal', 'answered'],
    ["the dialer's abandon", { direction: 'outbound', campaign_id: 'k', answered_at: t0, answered_by: 'human' }, 'abandoned', 'abandoned'],
  ])('%s', (_n, facts, cause, expected) => {
    expect(outcomeOf(blank(facts), cause)).toBe(expected);
  });
});

describe('applying call events', () => {
  it('keeps the facts of a normal inbound call', () => {
    const r = play([
      { kind: 'routed', at: at(0), from: '+420601000001', to: '+420222000000', contactId: 'k', ruleId: 'r', ruleName: 'Sales', voicemail: false, ringAgentId: 'a', trackingNumberId: null },
      { kind: 'answered', at: at(5), agentId: 'a', answeredBy: null },
      { kind: 'held', at: at(10), held: true },
      { kind: 'ended', at: at(65), cause: 'normal' },
    ]);
    expect(r).toMatchObject({ agent_id: 'a', outcome: 'answered', talk_seconds: 60, duration_seconds: 65, held: false, rule_name: 'Sales' });
    expect(stateOf(r)).toBe('ended');
  });

  it('does not reopen an ended call when the answer arrives late', () => {
    const ended = play([{ kind: 'ended', at: at(30), cause: 'cancelled' }], blank({ started_at: at(30) }));
    const late = reduce(ended, { kind: 'answered', at: at(10), agentId: 'a', answeredBy: 'human' });
    expect(late.patch).toEqual({});
    expect(late.note).toMatch(/after the call ended/);
    expect(ended.outcome).toBe('missed');
  });

  it('corrects a record opened by ringing when the outbound context arrives, even after the end', () => {
    const r = play([
      { kind: 'ringing', at: at(0), from: null, to: '+420601000001', ringAgentId: null },
      { kind: 'ended', at: at(20), cause: 'busy' },
      { kind: 'originated', at: at(1), adapter: 'sim', to: '+420601000001', callerId: '+420222000001', trunkId: 't', agentId: 'a', contactId: null, campaignId: null, leadId: null, taskId: null },
    ]);
    expect(r).toMatchObject({ direction: 'outbound', outcome: 'busy', agent_id: 'a', trunk_id: 't' });
  });

  it('files a campaign call under the task it was placed for, and keeps a task already known', () => {
    const originated = (taskId: string | null): CallInput => ({
      kind: 'originated', at: at(0), adapter: 'sim', to: '+420601000001', callerId: null, trunkId: null, agentId: 'a', contactId: null, campaignId: 'k', leadId: 'l', taskId,
    });
    expect(play([originated('task-1')])).toMatchObject({ campaign_id: 'k', lead_id: 'l', task_id: 'task-1' });
    expect(play([originated(null)]).task_id).toBeNull();
    expect(play([originated('task-2')], blank({ task_id: 'task-1' })).task_id).toBe('task-1');
  });

  it('files a progressive call under the task of the agent it is bridged to, never an inbound call', () => {
    const bridged: CallInput = { kind: 'answered', at: at(5), agentId: 'a', answeredBy: 'human', taskId: 'task-9' };
    expect(play([bridged], blank({ direction: 'outbound', campaign_id: 'k' })).task_id).toBe('task-9');
    expect(play([bridged], blank({ direction: 'outbound', campaign_id: 'k', task_id: 'task-1' })).task_id).toBe('task-1');
    expect(play([bridged]).task_id).toBeNull();
  });

  it('gives an abandoned campaign call no talk time but its whole duration', () => {
    const r = play([
      { kind: 'answered', at: at(10), agentId: null, answeredBy: 'human' },
      { kind: 'ended', at: at(25), cause: 'abandoned' },
    ], blank({ direction: 'outbound', campaign_id: 'k' }));
    expect(r).toMatchObject({ outcome: 'abandoned', end_cause: 'abandoned', talk_seconds: 0, duration_seconds: 25 });
  });

  it('never ends before it started and never counts negative time, whatever the order', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('answered' as const), at: fc.integer({ min: -100, max: 100 }).map(at), agentId: fc.constantFrom('a', null), answeredBy: fc.constantFrom('human' as const, 'machine' as const, null) }),
      fc.record({ kind: fc.constant('ended' as const), at: fc.integer({ min: -100, max: 100 }).map(at), cause: fc.constantFrom('normal', 'busy', 'cancelled', 'abandoned') }),
      fc.record({ kind: fc.constant('held' as const), at: fc.integer({ min: -100, max: 100 }).map(at), held: fc.boolean() }),
      fc.record({ kind: fc.constant('ringing' as const), at: fc.integer({ min: -100, max: 100 }).map(at), from: fc.constant(null), to: fc.constant('+420601000001'), ringAgentId: fc.constant(null) }),
    );
    fc.assert(fc.property(fc.array(event, { maxLength: 12 }), (events) => {
      const r = play(events);
      if (!r.ended_at) return r.outcome === null;
      return r.ended_at >= r.started_at && (r.talk_seconds ?? 0) >= 0 && (r.duration_seconds ?? 0) >= (r.talk_seconds ?? 0) && r.outcome !== null && !r.held;
    }));
  });
});
