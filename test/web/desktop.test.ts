import { describe, expect, it } from 'vitest';
import { concernsMe } from '../../web/src/features/desktop/live.ts';
import { dayBounds, earliestOpen, isClosedDay, isOpenAt, openRanges, slots, toInstant, toPickerValue, type Calendar } from '../../web/src/features/desktop/hours.ts';
import { formatDuration } from '../../web/src/features/desktop/time.ts';
import { landingPage } from '../../web/src/features/desktop/landing.ts';
import { applyStateChange } from '../../web/src/features/supervisor/live.ts';
import { rowsToSkills } from '../../web/src/features/supervisor/skills.ts';
import type { Agent } from '../../web/src/features/desktop/api.ts';

const prague: Calendar = {
  timezone: 'Europe/Prague',
  businessHours: { '1': [['08:00', '12:00'], ['13:00', '17:30']], '2': [['08:00', '17:30']], '6': [['09:00', '12:00']] },
  closedDays: ['2026-11-17'],
};
const mondayNoonUtc = Date.parse('2026-11-23T11:00:00Z');

describe('callback picker calendar', () => {
  it('greys out days without hours, closed days and past days', () => {
    expect(isClosedDay(prague, '2026-11-23', mondayNoonUtc)).toBe(false);
    expect(isClosedDay(prague, '2026-11-25', mondayNoonUtc)).toBe(true);
    expect(isClosedDay(prague, '2026-11-28', mondayNoonUtc)).toBe(false);
    expect(isClosedDay(prague, '2026-11-24', mondayNoonUtc)).toBe(false);
    expect(isClosedDay(prague, '2026-11-22', mondayNoonUtc)).toBe(true);
    expect(isClosedDay({ ...prague, closedDays: ['2026-11-24'] }, '2026-11-24', mondayNoonUtc)).toBe(true);
  });

  it('offers half-hour slots inside the opening ranges only', () => {
    expect(slots(prague, '2026-11-23')).toEqual([
      '08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30',
      '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00',
    ]);
    expect(dayBounds(prague, '2026-11-23')).toEqual({ min: '08:00', max: '17:30' });
    expect(dayBounds(prague, '2026-11-25')).toBeNull();
    expect(earliestOpen(prague)).toBe('08:00');
  });

  it('knows open and closed times, and that no hours means always open', () => {
    expect(isOpenAt(prague, '2026-11-23 12:30:00')).toBe(false);
    expect(isOpenAt(prague, '2026-11-23 13:00:00')).toBe(true);
    expect(isOpenAt(prague, '2026-11-23 17:30:00')).toBe(false);
    expect(openRanges({ ...prague, businessHours: null }, '2026-11-25')).toEqual([['00:00', '24:00']]);
  });

  it('reads the picked wall time in the queue zone, both ways', () => {
    expect(toInstant(prague, '2026-11-23 10:30:00')).toBe('2026-11-23T10:30:00.000+01:00');
    expect(toInstant(prague, '2026-07-01 10:30')).toBe('2026-07-01T10:30:00.000+02:00');
    expect(toInstant(prague, 'nonsense')).toBeNull();
    expect(toPickerValue(prague, '2026-11-23T09:30:00Z')).toBe('2026-11-23 10:30:00');
  });
});

describe('desktop and supervisor helpers', () => {
  it('formats durations the way wallboards do', () => {
    expect([formatDuration(0), formatDuration(59), formatDuration(61), formatDuration(3600), formatDuration(-5)]).toEqual(['0:00', '0:59', '1:01', '1:00:00', '0:00']);
  });

  it('lands agents on the desktop and everyone else on the supervisor view', () => {
    expect([landingPage('agent'), landingPage('supervisor'), landingPage('admin')]).toEqual(['desktop', 'supervisor', 'supervisor']);
  });

  it('refreshes the desktop only for events about this agent or their task', () => {
    const ev = (type: string, payload: object) => ({ type, projectId: 'p', payload });
    expect(concernsMe(ev('task.offered', { agentId: 'a1', taskId: 't9' }), 'a1', null)).toBe(true);
    expect(concernsMe(ev('task.cancelled', { taskId: 't1', queueId: 'q' }), 'a1', 't1')).toBe(true);
    expect(concernsMe(ev('task.offered', { agentId: 'a2', taskId: 't2' }), 'a1', 't1')).toBe(false);
    expect(concernsMe(ev('contact.updated', { agentId: 'a1' }), 'a1', 't1')).toBe(false);
    expect(concernsMe(ev('agent.state_changed', { agentId: 'a1' }), 'a1', null)).toBe(true);
  });

  it('patches an agent from agent.state_changed and asks for a refetch for an unknown one', () => {
    const agent: Agent = { id: 'a1', userId: 'u1', name: 'Jana', state: 'available', reason: null, since: '2026-11-23T10:00:00Z', secondsInState: 40, taskId: null, wrapUpUntil: null, skills: {}, scoreCap: null };
    const change = { agentId: 'a1', to: 'break' as const, reason: 'lunch', since: '2026-11-23T10:05:00Z', taskId: null, wrapUpUntil: null };
    expect(applyStateChange({ items: [agent] }, change)?.items[0]).toMatchObject({ state: 'break', reason: 'lunch', since: '2026-11-23T10:05:00Z', name: 'Jana' });
    expect(applyStateChange({ items: [agent] }, { ...change, agentId: 'a2' })).toBeNull();
    expect(applyStateChange(undefined, change)).toBeNull();
  });

  it('turns skill rows into the API shape, dropping blank names', () => {
    expect(rowsToSkills([{ name: ' czech ', level: 5 }, { name: '', level: 3 }, { name: 'solar', level: 2 }])).toEqual({ czech: 5, solar: 2 });
  });
});
