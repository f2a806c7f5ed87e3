import { AppError } from '../../platform/errors.ts';
import { e164, normalisePrefix, placeKey, type CallerIdPool } from './model.ts';

/** Raw numbers -> E.164, naming the offending field (`numbers[2]`) when one is not a phone number. */
export function normaliseNumbers(raw: readonly string[], country: string, field: string): string[] {
  const out: string[] = [];
  raw.forEach((r, i) => {
    const n = e164(r, country);
    if (!n) throw new AppError('INVALID_PHONE', `${field}[${i}]: "${r}" is not a valid phone number`, { field: `${field}[${i}]`, value: r });
    if (out.includes(n)) throw new AppError('CALLER_ID_NUMBER_TAKEN', `${field}[${i}]: ${n} is listed twice`, { field: `${field}[${i}]`, number: n });
    out.push(n);
  });
  return out;
}

/** Raw prefixes -> E.164 prefixes; a prefix listed twice in one list is an error, not a silent merge. */
export function normalisePrefixes(raw: readonly string[], country: string, field: string): string[] {
  const out: string[] = [];
  raw.forEach((r, i) => {
    const p = normalisePrefix(r, country);
    if (!p) throw new AppError('INVALID_PREFIX', `${field}[${i}]: "${r}" is not a number prefix such as +4205 or 05`, { field: `${field}[${i}]`, value: r });
    if (out.includes(p)) throw new AppError('PREFIX_DUPLICATE', `${field}[${i}]: ${p} is listed twice`, { field: `${field}[${i}]`, prefix: p });
    out.push(p);
  });
  return out;
}

/** The same place twice in one list ("Praha" and "praha 4") would be two names for one key. */
export function uniquePlaces(raw: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  return raw.map((r, i) => {
    const key = placeKey(r);
    if (!key) throw new AppError('VALIDATION_FAILED', `${field}[${i}]: a place name needs letters`, [{ field: `${field}[${i}]`, message: 'needs letters' }]);
    if (seen.has(key)) throw new AppError('PREFIX_DUPLICATE', `${field}[${i}]: "${r}" is listed twice`, { field: `${field}[${i}]`, value: r });
    seen.add(key);
    return r.trim();
  });
}

function claim(owner: Map<string, string>, key: string, poolName: string, err: (other: string) => AppError): void {
  const other = owner.get(key);
  if (other !== undefined && other !== poolName) throw err(other);
  owner.set(key, poolName);
}

/**
 * A project's pools must not contradict each other: a number belongs to one pool, and a city, region or
 * area prefix points at one pool, or the choice would depend on list order. Checks the whole set after a change.
 */
export function checkPools(pools: readonly CallerIdPool[]): void {
  const numbers = new Map<string, string>();
  const places = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const p of pools) {
    for (const n of p.numbers) claim(numbers, n, p.name, (o) => new AppError('CALLER_ID_NUMBER_TAKEN', `${n} is already in the pool "${o}"`, { field: 'numbers', number: n, pool: o }));
    for (const c of p.cities) claim(places, `c:${placeKey(c)}`, p.name, (o) => new AppError('AREA_PREFIX_TAKEN', `The city "${c}" already belongs to the pool "${o}"`, { field: 'cities', value: c, pool: o }));
    for (const r of p.regions) claim(places, `r:${placeKey(r)}`, p.name, (o) => new AppError('AREA_PREFIX_TAKEN', `The region "${r}" already belongs to the pool "${o}"`, { field: 'regions', value: r, pool: o }));
    for (const x of p.areaPrefixes) claim(prefixes, x, p.name, (o) => new AppError('AREA_PREFIX_TAKEN', `The prefix ${x} already belongs to the pool "${o}"`, { field: 'areaPrefixes', prefix: x, pool: o }));
  }
}
