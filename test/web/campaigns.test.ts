import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import type { Campaign } from '../../web/src/features/campaigns/api.ts';
import { ALL_DAY, actionsFor, campaignErrors, formatRate, newForm, secondsLeft, toBody, toForm } from '../../web/src/features/campaigns/form.ts';

const stored: Campaign = {
  id: 'c1', projectId: 'p1', status: 'paused', createdAt: '2026-11-22T10:00:00Z', updatedAt: '2026-11-22T10:00:00Z',
  name: 'Incomplete applications', mode: 'predictive', queueId: 'q1', agentIds: ['a1', 'a2'],
  callingHours: { days: { '1': [['09:00', '20:00']] }, holidayCountry: 'CZ', closedDays: ['2026-12-24'] },
  retry: { busy: { delayMinutes: 5, maxAttempts: 2 }, no_answer: { delayMinutes: 60, maxAttempts: 4 }, machine: { delayMinutes: 240, maxAttempts: 3 },
    failed: { delayMinutes: 30, maxAttempts: 3 }, abandoned: { delayMinutes: 4320, maxAttempts: 3 } },
  maxLines: 12, ringSeconds: 25, abandonTarget: 0.025, abandonWindows: ['24h'], abandonCooldownHours: 72, previewSeconds: 20,
  callbackFallbackSeconds: 300, callerId: { mode: 'fixed', number: '+420 222 111 000' },
};

describe('campaign form', () => {
  it('starts from the server defaults of docs/campaigns.md', () => {
    const body = toBody({ ...newForm(), name: '  Spring list ' });
    expect(body).toMatchObject({
      name: 'Spring list', mode: 'predictive', maxLines: 30, ringSeconds: 25, abandonTarget: 0.03, abandonWindows: ['today', '24h', '30d'],
      abandonCooldownHours: 72, previewSeconds: 20, callbackFallbackSeconds: 300, callerId: { mode: 'auto' },
      retry: { busy: { delayMinutes: 10, maxAttempts: 5 }, abandoned: { delayMinutes: 4320, maxAttempts: 3 } },
    });
    expect(body.callingHours.days['6']).toEqual([['10:00', '14:00']]);
    expect(body.callingHours.days['7']).toBeUndefined();
  });

  it('edits a stored campaign and sends back exactly its settings', () => {
    const f = toForm(stored);
    expect(f.abandonTargetPercent).toBe(2.5);
    expect(f.callerIdMode).toBe('fixed');
    const { id: _i, status: _s, createdAt: _c, updatedAt: _u, ...settings } = stored;
    expect(toBody(f)).toEqual({ ...settings, callerId: { mode: 'fixed', number: '+420 222 111 000' } });
  });

  it('sends the target as a fraction without float noise and drops the number of an automatic caller ID', () => {
    const body = toBody({ ...toForm(stored), abandonTargetPercent: 4.1, callerIdMode: 'auto' });
    expect(body.abandonTarget).toBe(0.041);
    expect(body.callerId).toEqual({ mode: 'auto' });
  });

  it('treats "always open" as every day all day', () => {
    expect(Object.keys(ALL_DAY)).toHaveLength(7);
  });
});

describe('campaign errors on their fields', () => {
  it.each([
    [new ApiError(400, 'CAMPAIGN_SETTINGS_INVALID', 'Calling hours never open', { problem: 'calling_hours_never_open' }), 'callingHours'],
    [new ApiError(400, 'CAMPAIGN_SETTINGS_INVALID', 'No lines', { problem: 'no_lines' }), 'maxLines'],
    [new ApiError(400, 'CAMPAIGN_SETTINGS_INVALID', 'Not an agent', { problem: 'unknown_agent', agentIds: ['x'] }), 'agentIds'],
    [new ApiError(400, 'CAMPAIGN_SETTINGS_INVALID', 'Fixed caller ID needs a number', { problem: 'fixed_caller_id_missing' }), 'callerId'],
    [new ApiError(409, 'CAMPAIGN_NAME_TAKEN', 'Name taken'), 'name'],
    [new ApiError(400, 'VALIDATION_FAILED', 'bad', [{ field: 'body.abandonTarget', message: 'Too big' }]), 'abandonTargetPercent'],
    [new ApiError(400, 'VALIDATION_FAILED', 'bad', [{ field: 'body.retry.busy.maxAttempts', message: 'Too small' }]), 'retry'],
    [new ApiError(0, 'NETWORK', 'offline'), 'form'],
  ])('%s -> %s', (err, field) => {
    expect(Object.keys(campaignErrors(err))).toEqual([field]);
  });
});

describe('campaign helpers', () => {
  it('offers start, pause and stop as the status allows', () => {
    expect(actionsFor('draft')).toEqual(['start']);
    expect(actionsFor('running')).toEqual(['pause', 'stop']);
    expect(actionsFor('paused')).toEqual(['start', 'stop']);
    expect(actionsFor('stopped')).toEqual(['start']);
  });

  it('counts the preview countdown down to zero, never below', () => {
    const dialAt = '2026-11-22T10:00:20.000Z';
    expect(secondsLeft(dialAt, Date.parse('2026-11-22T10:00:00.000Z'))).toBe(20);
    expect(secondsLeft(dialAt, Date.parse('2026-11-22T10:00:19.500Z'))).toBe(1);
    expect(secondsLeft(dialAt, Date.parse('2026-11-22T10:00:25.000Z'))).toBe(0);
  });

  it('shows abandon rates as percentages in the UI language', () => {
    expect(formatRate(0.0114, 'en')).toBe('1.14 %');
    expect(formatRate(0.03, 'cs')).toBe('3,00 %');
  });
});
