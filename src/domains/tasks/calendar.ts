import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { QueueSettings } from './model.ts';

/** The calendar part of a queue's settings plus the project's time zone. */
export type Calendar = Pick<QueueSettings, 'businessHours' | 'holidayCountry' | 'closedDays'> & { timezone: string };

const holidayCache = new Map<string, Holidays>();

function holidaysOf(country: string): Holidays {
  let h = holidayCache.get(country);
  if (!h) {
    h = new Holidays(country);
    holidayCache.set(country, h);
  }
  return h;
}

/** A closed day: a custom closed date or a public holiday (type 'public') of the queue's country. */
export function isClosedDay(cal: Calendar, day: DateTime): boolean {
  if (cal.closedDays.includes(day.toISODate()!)) return true;
  if (!cal.holidayCountry) return false;
  const found = holidaysOf(cal.holidayCountry).isHoliday(day.set({ hour: 12 }).toJSDate());
  return Array.isArray(found) && found.some((h) => h.type === 'public');
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + (m ?? 0);
}

/** Opening ranges of one local day in minutes since midnight, [] when closed. */
function rangesOf(cal: Calendar, day: DateTime): Array<[number, number]> {
  if (isClosedDay(cal, day)) return [];
  if (!cal.businessHours) return [[0, 24 * 60]];
  const key = String(day.weekday) as keyof NonNullable<Calendar['businessHours']>;
  return (cal.businessHours[key] ?? []).map(([a, b]) => [minutesOf(a), minutesOf(b)]);
}

/** Whether the queue works at `at` (epoch ms). */
export function isOpen(cal: Calendar, at: number): boolean {
  const t = DateTime.fromMillis(at, { zone: cal.timezone });
  const minute = t.hour * 60 + t.minute + t.second / 60;
  return rangesOf(cal, t.startOf('day')).some(([a, b]) => minute >= a && minute < b);
}

/**
 * The first moment at or after `at` when the queue is open (epoch ms), or null when it is closed for the
 * whole next year (no hours configured). Scheduled and retried tasks become eligible at this time.
 */
export function nextOpen(cal: Calendar, at: number): number | null {
  if (isOpen(cal, at)) return at;
  const start = DateTime.fromMillis(at, { zone: cal.timezone });
  for (let d = 0; d <= 366; d++) {
    const day = start.plus({ days: d }).startOf('day');
    for (const [a] of rangesOf(cal, day).sort((x, y) => x[0] - y[0])) {
      const open = day.plus({ minutes: a }).toMillis();
      if (open >= at) return open;
    }
  }
  return null;
}
