import { describe, expect, it } from 'vitest';
import { blankRow, callRecordId, LIVE_HOURS, LiveCalls, RecentlyEnded, routedRow } from './live.ts';
import { reduce, type CallRow, type RoutedInput } from './model.ts';

const P = '11111111-1111-4111-8111-111111111111';
const Q = '22222222-2222-4222-8222-222222222222';
const call = (projectId: string, pbxCallId: string, extra: Partial<CallRow> = {}, at = new Date()) => ({
  row: { ...blankRow(projectId, pbxCallId, at, callRecordId(projectId, pbxCallId)), ...extra },
  stored: false,
  local: true,
});

describe('live calls in memory', () => {
  it('names a call the same in every process, and differently per project', () => {
    expect(callRecordId(P, 'abc@pbx')).toBe(callRecordId(P, 'abc@pbx'));
    // Stored rows and the processes of another release name calls so: the id must never change for the same call.
    expect(callRecordId(P, 'abc@pbx')).toBe('86024f13-83fb-5ee0-ac81-8a6bc1f7f575');
    expect(callRecordId(P, 'abc@pbx')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(callRecordId(Q, 'abc@pbx')).not.toBe(callRecordId(P, 'abc@pbx'));
  });

  it('opens a routed call with the same record as the reducer makes from a blank one', () => {
    const at = new Date();
    const routed: RoutedInput = { kind: 'routed', at, from: '+420601111111', to: '+420222000000', contactId: Q, ruleId: P, ruleName: 'Sales', voicemail: true, ringAgentId: 'u1', trackingNumberId: null };
    for (const input of [routed, { ...routed, from: null, contactId: null, ruleId: null, ringAgentId: null, voicemail: false }]) {
      const blank = blankRow(P, 'r1', at, callRecordId(P, 'r1'));
      expect(routedRow(P, 'r1', input)).toEqual({ ...blank, ...reduce(blank, input).patch });
    }
  });

  it("finds a call by PBX id and by record id, only in its own project, and lists a person's calls", () => {
    const live = new LiveCalls();
    const a = call(P, 'a', { agent_id: 'u1' });
    live.add(a);
    live.add(call(P, 'b', { agent_id: 'u2' }));
    live.add(call(Q, 'c', { agent_id: 'u1' }));
    expect(live.get(P, 'a')).toBe(a);
    expect(live.byId(P, a.row.id)).toBe(a);
    expect(live.byId(Q, a.row.id)).toBeUndefined();
    expect(live.list(P).map((r) => r.pbx_call_id).sort()).toEqual(['a', 'b']);
    expect(live.list(P, 'u1').map((r) => r.pbx_call_id)).toEqual(['a']);
    live.remove(P, 'a');
    expect(live.get(P, 'a')).toBeUndefined();
    expect(live.byId(P, a.row.id)).toBeUndefined();
    expect(live.size).toBe(2);
  });

  it("says whether a person is still on another call: answered or placed, not only ringing", () => {
    const live = new LiveCalls();
    const ringing = call(P, 'ring', { agent_id: 'u1' });
    live.add(ringing);
    live.add(call(P, 'talk', { agent_id: 'u1', answered_at: new Date() }));
    expect(live.otherLiveCall(P, 'u1', ringing.row.id)).toBe(true);
    expect(live.otherLiveCall(P, 'u1', callRecordId(P, 'talk'))).toBe(false);
    live.add(call(P, 'placed', { agent_id: 'u1', direction: 'outbound' }));
    expect(live.otherLiveCall(P, 'u1', callRecordId(P, 'talk'))).toBe(true);
    expect(live.otherLiveCall(Q, 'u1', 'x')).toBe(false);
  });

  it('does not count a call that ended and is being written as live', () => {
    const live = new LiveCalls();
    live.add(call(P, 'done', { agent_id: 'u1', answered_at: new Date(), ended_at: new Date() }));
    expect(live.list(P)).toEqual([]);
    expect(live.otherLiveCall(P, 'u1', 'x')).toBe(false);
    expect(live.get(P, 'done')).toBeDefined();
  });

  it('pushes the oldest calls out past its cap, and calls without an end for LIVE_HOURS', () => {
    const live = new LiveCalls(10);
    for (let i = 0; i < 11; i++) live.add(call(P, `c${i}`));
    expect(live.size).toBe(9);
    expect(live.get(P, 'c0')).toBeUndefined();
    expect(live.get(P, 'c2')).toBeDefined();
    expect(live.takeOverflow().map((c) => c.row.pbx_call_id)).toEqual(['c0', 'c1']);
    expect(live.takeOverflow()).toEqual([]);

    const old = new LiveCalls();
    const hours = (h: number) => new Date(Date.now() - h * 3_600_000);
    old.add(call(P, 'stale', {}, hours(LIVE_HOURS + 1)));
    old.add(call(P, 'fresh', {}, hours(1)));
    expect(old.takeOverflow().map((c) => c.row.pbx_call_id)).toEqual(['stale']);
    expect(old.list(P).map((r) => r.pbx_call_id)).toEqual(['fresh']);
  });

  it('lists what it must write when the process stops: calls with events here and no row yet', () => {
    const live = new LiveCalls();
    live.add(call(P, 'mine'));
    live.add({ ...call(P, 'theirs'), local: false });
    live.add({ ...call(P, 'stored'), stored: true });
    expect(live.unwritten().map((c) => c.row.pbx_call_id)).toEqual(['mine']);
  });

  it('remembers calls that ended lately, a bounded number', () => {
    const ended = new RecentlyEnded(10);
    for (let i = 0; i < 12; i++) ended.add(P, `e${i}`);
    expect(ended.has(P, 'e11')).toBe(true);
    expect(ended.has(Q, 'e11')).toBe(false);
    expect(ended.has(P, 'e0')).toBe(false);
  });
});
