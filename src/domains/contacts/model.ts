import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { IANAZone } from 'luxon';
import { AppError } from '../../platform/errors.ts';
import type { AccountKind } from '../../platform/db/schema.ts';

export const accountKinds = ['customer', 'supplier', 'partner', 'other'] as const satisfies readonly AccountKind[];

export interface PhoneInput {
  number: string;
  label?: string;
}

export interface Phone {
  number: string;
  label: string;
}

/** Fields a person or an import may set on a contact; phones arrive raw and leave in E.164. */
export interface ContactFields {
  externalId?: string | null;
  name: string;
  accountId?: string | null;
  phones?: PhoneInput[];
  emails?: string[];
  ownerId?: string | null;
  city?: string | null;
  region?: string | null;
  timezone?: string | null;
  tags?: string[];
  custom?: Record<string, unknown>;
}

export interface AccountFields {
  externalId?: string | null;
  name: string;
  kind: AccountKind;
  ownerId?: string | null;
  city?: string | null;
  region?: string | null;
  timezone?: string | null;
  tags?: string[];
  custom?: Record<string, unknown>;
}

/**
 * A number in any common spelling ("601 123 456", "+420601123456", "00420 601...") as E.164,
 * reading national numbers in the project's country; undefined when it is not a valid number.
 */
export function normalisePhone(raw: string, country: string): string | undefined {
  const text = raw.trim().replace(/^00/, '+');
  if (!text) return undefined;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** Normalises a contact's phones, naming the offending field (`phones[1].number`) when one is invalid. */
export function normalisePhones(phones: PhoneInput[], country: string, field = 'phones'): Phone[] {
  const seen = new Set<string>();
  const out: Phone[] = [];
  phones.forEach((p, i) => {
    const number = normalisePhone(p.number, country);
    if (!number) {
      throw new AppError('INVALID_PHONE', `${field}[${i}].number: "${p.number}" is not a valid phone number`, {
        field: `${field}[${i}].number`,
        value: p.number,
      });
    }
    if (seen.has(number)) return;
    seen.add(number);
    out.push({ number, label: p.label ?? (i === 0 ? 'main' : 'other') });
  });
  return out;
}

const zones = new Map<string, boolean>();

/** IANA zone check; luxon's takes ~0.1 ms, and imports ask for the same few zones a million times. */
export function isTimeZone(zone: string): boolean {
  let ok = zones.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (zones.size < 1000) zones.set(zone, ok);
  }
  return ok;
}

export const isEmail = (email: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

/** Tags are compared as written, minus blanks and repeats, so `vip; vip ;` is `['vip']`. */
export const cleanTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

export const cleanEmails = (emails: string[]): string[] => [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
