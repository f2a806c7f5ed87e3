import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { normalisePhone } from '../contacts/model.ts';

/** A group of the project's own numbers that is "local" for some cities, regions and number areas. */
export interface CallerIdPool {
  id: string;
  name: string;
  cities: string[];
  regions: string[];
  /** E.164 prefixes ("+4205") of called numbers this pool is local for. */
  areaPrefixes: string[];
  /** E.164 numbers shown as caller ID, used in turn. */
  numbers: string[];
  isDefault: boolean;
}

export interface TrackingNumber {
  id: string;
  number: string;
  source: string;
  campaign: string;
}

export interface Price {
  prefix: string;
  description: string;
  ratePerMinute: number;
  connectionFee: number;
}

export interface Trunk {
  id: string;
  name: string;
  priority: number;
  enabled: boolean;
  maxLines: number | null;
  currency: string;
  firstIncrement: number;
  nextIncrement: number;
}

/** Everything the hot path needs about one project, held in memory and replaced whole on change. */
export interface ProjectNumbers {
  country: string;
  pools: CallerIdPool[];
  tracking: Map<string, TrackingNumber>;
  trunks: { trunk: Trunk; prices: Map<string, Price> }[];
}

export const emptyNumbers = (country: string): ProjectNumbers => ({ country, pools: [], tracking: new Map(), trunks: [] });

const e164Memo = new Map<string, string | null>();

/**
 * A number in E.164 read in the project's country (as contacts are), or undefined. Remembered (up
 * to 10,000 numbers): every routed call asks for its dialled number, and a PBX dials the same few.
 */
export function e164(raw: string, country: string): string | undefined {
  const key = `${country} ${raw}`;
  let n = e164Memo.get(key);
  if (n === undefined) {
    n = normalisePhone(raw, country) ?? null;
    if (e164Memo.size >= 10_000) e164Memo.clear();
    e164Memo.set(key, n);
  }
  return n ?? undefined;
}

/**
 * A prefix of called numbers in E.164 form: "+420 5", "00421 2" as given, or a national trunk prefix
 * ("05", "5") read in `country`. Undefined when it is not digits or names no known calling code.
 */
export function normalisePrefix(raw: string, country: string): string | undefined {
  const text = raw.replace(/[\s\-().]/g, '').replace(/^00/, '+');
  if (!/^\+?[0-9]{1,15}$/.test(text)) return undefined;
  if (text.startsWith('+')) return text.length > 1 ? text : undefined;
  try {
    const code = getCountryCallingCode(country as CountryCode);
    const national = text.replace(/^0/, '');
    return `+${code}${national}`;
  } catch {
    return undefined;
  }
}

/** A prefix of a price list: always international, "+420", "00420" and "420" alike. */
export function internationalPrefix(raw: string): string | undefined {
  const text = raw.replace(/[\s\-().]/g, '').replace(/^00/, '').replace(/^\+/, '');
  return /^[0-9]{1,15}$/.test(text) ? `+${text}` : undefined;
}

/** The longest of `prefixes` that `number` starts with; numbers have at most 15 digits, so this is 15 lookups. */
export function longestPrefix<T>(number: string, byPrefix: Map<string, T>): T | undefined {
  for (let len = Math.min(number.length, 16); len >= 2; len--) {
    const hit = byPrefix.get(number.slice(0, len));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** "Praha 4", "PRAHA", "praha-4" -> "praha"; "Brno" / "brno" / "Brno " alike; diacritics do not matter. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[0-9]+/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}
