import { describe, expect, it } from 'vitest';
import { isOpen, nextOpen, type Calendar } from './calendar.ts';

const cal: Calendar = {
  timezone: 'Europe/Prague',
  businessHours: { 1: [['09:00', '17:00']], 2: [['09:00', '17:00']], 3: [['09:00', '17:00']], 4: [['09:00', '17:00']], 5: [['09:00', '12:00'], ['13:00', '17:00']] },
  holidayCountry: 'CZ',
  closedDays: ['2026-01-07'],
};
const prague = (iso: string) => new Date(`${iso}+01:00`).getTime();

describe('queue calendar', () => {
  it.each([
    ['Monday 10:00', '2026-01-05T10:00:00', true],
    ['Monday 08:59', '2026-01-05T08:59:00', false],
    ['Monday 17:00 (end is exclusive)', '2026-01-05T17:00:00', false],
    ['Friday lunch break', '2026-01-09T12:30:00', false],
    ['Saturday', '2026-01-10T10:00:00', false],
    ['public holiday (1 January)', '2026-01-01T10:00:00', false],
    ['custom closed day', '2026-01-07T10:00:00', false],
  ])('%s', (_n, at, open) => {
    expect(isOpen(cal, prague(at))).toBe(open);
  });

  it.each([
    ['already open', '2026-01-05T10:00:00', '2026-01-05T10:00:00'],
    ['before opening', '2026-01-05T07:00:00', '2026-01-05T09:00:00'],
    ['after closing -> next morning', '2026-01-05T18:00:00', '2026-01-06T09:00:00'],
    ['over the closed day', '2026-01-06T18:00:00', '2026-01-08T09:00:00'],
    ['over the weekend', '2026-01-09T17:30:00', '2026-01-12T09:00:00'],
    ['Friday lunch', '2026-01-09T12:10:00', '2026-01-09T13:00:00'],
  ])('next opening: %s', (_n, at, expected) => {
    expect(nextOpen(cal, prague(at))).toBe(prague(expected));
  });

  it('a queue with no hours at all never opens', () => {
    expect(nextOpen({ ...cal, businessHours: {} }, prague('2026-01-05T10:00:00'))).toBeNull();
  });
});
