import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import { actionLabel, conditionLabels, failureLabel, targetLabel } from '../../web/src/features/call-routing/labels.ts';
import { actionOfType, cleanAction, conditionsOf, extensionList, fieldErrors, fullWeek, moveItem, testInstant, toRuleForm } from '../../web/src/features/call-routing/rules.ts';

/** A `t` stub that shows the key and its options, so labels can be asserted without the translations. */
const t = (key: string, opts?: Record<string, unknown>) => (opts ? `${key}${JSON.stringify(opts)}` : key);

describe('call routing rule form', () => {
  it('round-trips every condition, leaving unused ones out', () => {
    const conditions = { callerKinds: ['customer' as const], tagsAny: ['vip'], hasOwner: false, dialled: ['+420222000111'], day: 'workday' as const, hours: 'open' as const, targetAvailable: true };
    const rule = { id: 'r', name: 'VIP', enabled: false, conditions, action: { type: 'external' as const, number: '+420601000000' } };
    const form = toRuleForm(rule);
    expect(form).toMatchObject({ hasOwner: 'no', targetAvailable: 'yes', day: 'workday', enabled: false });
    expect(conditionsOf(form)).toEqual(conditions);
    expect(conditionsOf(toRuleForm(null))).toEqual({});
  });

  it('cleans what people type: blank and repeated tags, spaces in numbers', () => {
    const form = { ...toRuleForm(null), tagsAny: [' vip ', 'vip', ''], dialled: ['+420 222 000 111'] };
    expect(conditionsOf(form)).toEqual({ tagsAny: ['vip'], dialled: ['+420222000111'] });
    expect(cleanAction({ type: 'external', number: '+420 (601) 000-000' })).toEqual({ type: 'external', number: '+420601000000' });
  });

  it('switches the action type with sensible starting values and keeps a same-type action', () => {
    const prev = { type: 'external' as const, number: '+420601000000' };
    expect(actionOfType('external', prev, 'g1')).toBe(prev);
    expect(actionOfType('group', prev, 'g1')).toEqual({ type: 'group', groupId: 'g1' });
    expect(actionOfType('reject', prev, undefined)).toEqual({ type: 'reject', code: 603 });
    expect(actionOfType('voicemail', prev, undefined)).toEqual({ type: 'voicemail', box: 'default' });
  });

  it('moves an item one place and stops at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });

  it('keeps non-blank extensions in the order of the people list', () => {
    expect(extensionList({ b: ' 202 ', a: '201', c: ' ' }, ['a', 'b', 'c'])).toEqual([{ agentId: 'a', extension: '201' }, { agentId: 'b', extension: '202' }]);
  });
});

describe('routing settings', () => {
  it('sends all seven weekdays, closed ones empty, and keeps "always open"', () => {
    const day: [string, string][] = [['09:00', '18:00']];
    expect(fullWeek({ 1: day, 5: day })).toEqual({ 1: day, 2: [], 3: [], 4: [], 5: day, 6: [], 7: [] });
    expect(fullWeek(null)).toBeNull();
  });
});

describe('server errors under their fields', () => {
  it('maps zod details to the condition or action field', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'body.action.number: bad', [
      { field: 'body.action.number', message: 'an E.164 number such as +420601123456' },
      { field: 'body.conditions.dialled.0', message: 'an E.164 number' },
      { field: 'body.name', message: 'Too small' },
    ]);
    expect(fieldErrors(err)).toEqual({ 'action.number': 'an E.164 number such as +420601123456', 'conditions.dialled': 'an E.164 number', name: 'Too small' });
  });

  it('uses the field a domain error names, and the form for the rest', () => {
    expect(fieldErrors(new ApiError(404, 'CALL_GROUP_NOT_FOUND', 'action.groupId: no such call group in this project', { field: 'action.groupId' })))
      .toEqual({ 'action.groupId': 'no such call group in this project' });
    expect(fieldErrors(new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'body.extensions.2.extension', message: 'a SIP user' }]))).toEqual({ 'extensions.2': 'a SIP user' });
    expect(fieldErrors(new ApiError(400, 'VALIDATION_FAILED', 'bad', [{ field: 'body.fallback', message: 'Invalid input' }]))).toEqual({ 'fallback.type': 'Invalid input' });
    expect(fieldErrors(new ApiError(409, 'CALL_GROUP_IN_USE', 'Rules still use it'))).toEqual({ form: 'Rules still use it' });
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('call routing labels', () => {
  it('summarises a rule\'s conditions', () => {
    expect(conditionLabels({ callerKinds: ['unknown', 'customer'], tagsAny: ['vip'], day: 'holiday', targetAvailable: false }, t)).toEqual([
      'callRouting.kinds.unknown, callRouting.kinds.customer',
      'callRouting.summary.tags{"tags":"vip"}',
      'callRouting.summary.day_holiday',
      'callRouting.summary.unavailable',
    ]);
    expect(conditionLabels({}, t)).toEqual([]);
  });

  it('names actions, failures and targets', () => {
    const groups = (id: string) => (id === 'g1' ? 'Sales' : undefined);
    expect(actionLabel({ type: 'group', groupId: 'g1' }, t, groups)).toBe('callRouting.actionText.group{"name":"Sales"}');
    expect(actionLabel({ type: 'group', groupId: 'gone' }, t, groups)).toBe('callRouting.actionText.group{"name":"callRouting.unknownGroup"}');
    expect(actionLabel({ type: 'reject', code: 486 }, t, groups)).toBe('callRouting.actionText.reject{"code":486,"reason":"callRouting.reject.486"}');
    expect(failureLabel('tagsAny', t)).toBe('callRouting.failed.tagsAny');
    expect(failureLabel(null, t)).toBe('callRouting.test.fired');
    expect(targetLabel({ kind: 'agent', agentId: 'u1', extension: '201' }, t, () => 'Eva')).toBe('callRouting.test.targetAgent{"name":"Eva","extension":"201"}');
  });
});

describe('test this number at a moment', () => {
  it('reads the date and time in the project\'s zone', () => {
    expect(testInstant('2026-12-24', '10:30', 'Europe/Prague')).toBe('2026-12-24T10:30:00+01:00');
    expect(testInstant('2026-07-01', null, 'Europe/Moscow')).toBe('2026-07-01T12:00:00+03:00');
    expect(testInstant(null, '10:00', 'Europe/Prague')).toBeUndefined();
  });
});
