import { COLD_START_ANSWERS, learning } from './runner.ts';
import { describe, expect, it } from 'vitest';
import { callableAt, dialable, leadZone, nextCallable } from './hours.ts';
import { contradictions, DEFAULT_SETTINGS, mergeSettings } from './model.ts';
import { afterAttempt, outcomeOfCause } from './retry.ts';
import { windowStarts } from './windows.ts';

const H = 3_600_000;
const MON_10_UTC = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('calling hours in the lead\'s zone', () => {
  const hours = DEFAULT_SETTINGS.callingHours;
  it.each([
    ['Prague 11:00', 'Europe/Prague', true],
    ['New York 05:00', 'America/New_York', false],
    ['Tokyo 19:00', 'Asia/Tokyo', true],
    ['Los Angeles 02:00', 'America/Los_Angeles', false],
  ])('%s', (_name, zone, open) => expect(callableAt(hours, zone, MON_10_UTC)).toBe(open));

  it('a lead at its night waits for its morning', () => {
    expect(new Date(nextCallable(hours, 'America/New_York', MON_10_UTC)!).toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });

  it('takes the lead\'s zone, then the contact\'s, then the number\'s country, then the project\'s', () => {
    expect(leadZone({ timezone: 'Asia/Almaty', contactTimezone: 'Europe/Berlin', phone: '+420601123456', projectTimezone: 'UTC' })).toBe('Asia/Almaty');
    expect(leadZone({ contactTimezone: 'Europe/Berlin', phone: '+420601123456', projectTimezone: 'UTC' })).toBe('Europe/Berlin');
    expect(leadZone({ phone: '+905321234567', projectTimezone: 'UTC' })).toBe('Europe/Istanbul');
    expect(leadZone({ timezone: 'Mars/Olympus', phone: '+999', projectTimezone: 'Europe/Prague' })).toBe('Europe/Prague');
  });

  it('reads national numbers in the project\'s country and refuses what cannot be dialled', () => {
    expect(dialable('601 123 456', 'CZ')).toBe('+420601123456');
    expect(dialable('12', 'CZ')).toBeNull();
    expect(dialable('', 'CZ')).toBeNull();
  });
});

describe('retry rules', () => {
  const s = mergeSettings(null, { name: 'x', retry: { busy: { delayMinutes: 5, maxAttempts: 2 } } });
  it.each([
    ['a connected call is done', 'human', 1, 'done', null],
    ['busy retries after its delay', 'busy', 1, 'retry', 5 * 60_000],
    ['busy stops after its attempts', 'busy', 2, 'exhausted', null],
    ['no answer uses its own rule', 'no_answer', 1, 'retry', 60 * 60_000],
    ['machine waits four hours', 'machine', 1, 'retry', 240 * 60_000],
    ['abandoned waits out the 72 h cooldown', 'abandoned', 1, 'retry', 72 * H],
  ] as const)('%s', (_n, outcome, attempts, status, delay) => {
    const next = afterAttempt(s, outcome, attempts, 0);
    expect(next.status).toBe(status);
    expect(next.nextAttemptAt).toBe(delay);
  });

  it('a cooldown longer than the abandoned rule wins, a shorter one does not', () => {
    expect(afterAttempt({ ...s, abandonCooldownHours: 100 }, 'abandoned', 1, 0).nextAttemptAt).toBe(100 * H);
    expect(afterAttempt({ ...s, abandonCooldownHours: 1 }, 'abandoned', 1, 0).nextAttemptAt).toBe(72 * H);
  });

  it('maps end causes to rules', () => {
    expect(['busy', 'no_answer', 'cancelled', 'rejected', 'failed', 'abandoned'].map(outcomeOfCause)).toEqual(['busy', 'no_answer', 'no_answer', 'failed', 'failed', 'abandoned']);
  });
});

describe('settings contradictions', () => {
  const shape = { mode: 'predictive' as const, agentIds: ['a'], queueId: 'q' };
  it('finds hours that never open, zero lines and (to start) no agents or queue', () => {
    const bad = mergeSettings(null, { name: 'x', maxLines: 0, callingHours: { days: { '1': [] }, holidayCountry: null, closedDays: [] } });
    expect(contradictions(bad, shape, false).map((c) => c.problem)).toEqual(['calling_hours_never_open', 'no_lines']);
    expect(contradictions(DEFAULT_SETTINGS, { ...shape, agentIds: [], queueId: null }, true).map((c) => c.problem)).toEqual(['no_agents', 'no_queue']);
    expect(contradictions(DEFAULT_SETTINGS, { ...shape, mode: 'preview', queueId: null }, true)).toEqual([]);
  });
});

describe('abandon windows', () => {
  it('today starts at midnight in the project\'s zone; the others roll', () => {
    const s = windowStarts(MON_10_UTC, 'Europe/Prague');
    expect(new Date(s.today).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(MON_10_UTC - s['24h']).toBe(24 * H);
    expect(MON_10_UTC - s['30d']).toBe(30 * 24 * H);
  });
});

describe('predictive cold start', () => {
  it('dials like progressive until every window has enough answered calls to learn from', () => {
    const w = (answered: number) => ({ target: 0.03, answered, abandoned: 0 });
    expect(learning([w(0)])).toBe(true);
    expect(learning([w(COLD_START_ANSWERS - 1), w(500)])).toBe(true);
    expect(learning([w(COLD_START_ANSWERS), w(500)])).toBe(false);
  });
});
