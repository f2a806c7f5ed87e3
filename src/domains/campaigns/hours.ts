import Holidays from 'date-holidays';
import { IANAZone } from 'luxon';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { isOpen, nextOpen, type Calendar } from '../tasks/calendar.ts';
import type { CallingHours } from './model.ts';

const zoneCache = new Map<string, string | null>();

/** The main time zone of a country (date-holidays' first listed zone), null when unknown. */
export function countryZone(country: string): string | null {
  if (!zoneCache.has(country)) {
    let zone: string | null = null;
    try {
      zone = new Holidays(country).getTimezones()?.[0] ?? null;
    } catch {
      zone = null;
    }
    zoneCache.set(country, zone && IANAZone.isValidZone(zone) ? zone : null);
  }
  return zoneCache.get(country)!;
}

/**
 * The time zone calling hours are evaluated in for one lead: the lead's own, else its contact's, else the
 * zone of the number's country, else the project's. Calling a person at their night is the harm we avoid,
 * so the person's zone wins over the call centre's.
 */
export function leadZone(input: { timezone?: string | null; contactTimezone?: string | null; phone: string; projectTimezone: string }): string {
  for (const z of [input.timezone, input.contactTimezone]) if (z && IANAZone.isValidZone(z)) return z;
  const country = parsePhoneNumberFromString(input.phone)?.country;
  return (country && countryZone(country)) || input.projectTimezone;
}

/** The number in E.164 when it is a valid, dialable number (national numbers read in the project's country). */
export function dialable(raw: string | null | undefined, country: string): string | null {
  if (!raw || !raw.trim()) return null;
  const p = parsePhoneNumberFromString(raw.trim(), country as CountryCode);
  return p?.isValid() ? p.number : null;
}

const calendarOf = (h: CallingHours, zone: string): Calendar => ({ businessHours: h.days, holidayCountry: h.holidayCountry, closedDays: h.closedDays, timezone: zone });

/** Whether a lead in `zone` may be called at `at` (epoch ms). */
export function callableAt(h: CallingHours, zone: string, at: number): boolean {
  return isOpen(calendarOf(h, zone), at);
}

/** The first moment at or after `at` a lead in `zone` may be called, null when the hours never open. */
export function nextCallable(h: CallingHours, zone: string, at: number): number | null {
  return nextOpen(calendarOf(h, zone), at);
}
