import { DateTime } from 'luxon';
import type { WeekHours } from './api.ts';

/** What the callback picker needs to know about a queue's calendar (its settings plus the project's zone). */
export interface Calendar {
  timezone: string;
  businessHours: WeekHours | null;
  closedDays: string[];
}

/** The picker's value format: a wall-clock time without a zone. */
const PICKER = 'yyyy-MM-dd HH:mm:ss';

const dayKey = (date: string) => String(DateTime.fromISO(date.slice(0, 10)).weekday) as keyof WeekHours;

/** Opening ranges of one calendar day ("YYYY-MM-DD"); null hours mean always open. */
export function openRanges(cal: Calendar, date: string): Array<[string, string]> {
  if (cal.closedDays.includes(date.slice(0, 10))) return [];
  if (!cal.businessHours) return [['00:00', '24:00']];
  return cal.businessHours[dayKey(date)] ?? [];
}

/** Whether the picker should grey out a day: closed all day, or already past in the queue's zone. */
export function isClosedDay(cal: Calendar, date: string, now: number): boolean {
  const today = DateTime.fromMillis(now, { zone: cal.timezone }).toISODate()!;
  return date.slice(0, 10) < today || openRanges(cal, date).length === 0;
}

/** Earliest start and latest end of a day, for the time input's min/max. */
export function dayBounds(cal: Calendar, date: string): { min: string; max: string } | null {
  const ranges = openRanges(cal, date);
  if (!ranges.length) return null;
  const max = ranges.reduce((m, r) => (r[1] > m ? r[1] : m), ranges[0]![1]);
  return { min: ranges[0]![0], max: max === '24:00' ? '23:59' : max };
}

/** The earliest opening time of any weekday: the time a freshly picked day starts at. */
export function earliestOpen(cal: Calendar): string {
  const starts = Object.values(cal.businessHours ?? {}).flatMap((ranges) => (ranges ?? []).map((r) => r[0]));
  return starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : '09:00';
}

/** Half-hour slots inside the day's opening ranges, offered as one-click presets. */
export function slots(cal: Calendar, date: string, stepMinutes = 30): string[] {
  const out: string[] = [];
  for (const [from, to] of openRanges(cal, date)) {
    const end = minutes(to);
    for (let m = Math.ceil(minutes(from) / stepMinutes) * stepMinutes; m < end; m += stepMinutes) out.push(hhmm(m));
  }
  return out;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Whether a picker value (wall time in the queue's zone) falls inside an opening range. */
export function isOpenAt(cal: Calendar, value: string): boolean {
  const t = value.slice(11, 16);
  return openRanges(cal, value).some(([from, to]) => t >= from && t < to);
}

/** The picker value as an ISO instant with offset, reading the wall time in the queue's zone. */
export function toInstant(cal: Calendar, value: string): string | null {
  const dt = DateTime.fromFormat(value.length === 16 ? `${value}:00` : value, PICKER, { zone: cal.timezone });
  return dt.isValid ? dt.toISO() : null;
}

/** A picker value for an instant shown in the queue's zone (the server's "next opening" suggestion). */
export function toPickerValue(cal: Calendar, iso: string): string {
  return DateTime.fromISO(iso, { zone: cal.timezone }).toFormat(PICKER);
}

/** The queue's zone in the browser's zone differs: the label then names the zone explicitly. */
export function zoneDiffers(cal: Calendar): boolean {
  return DateTime.local().offset !== DateTime.local().setZone(cal.timezone).offset;
}
