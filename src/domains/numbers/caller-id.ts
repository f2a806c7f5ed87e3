import { longestPrefix, placeKey, type CallerIdPool } from './model.ts';

export type CallerIdReason = 'city' | 'region' | 'area' | 'default';

/** The number to show, the pool it came from and why that pool: what the agent sees next to the dial button. */
export interface CallerIdChoice {
  number: string;
  poolId: string;
  poolName: string;
  reason: CallerIdReason;
  /** The city, region or number prefix that matched; null for the default pool. */
  matched: string | null;
  /** "+420541000001 (Brno pool, matched by city Brno)" */
  explanation: string;
}

/** Lookup tables over a project's pools; pools without numbers are left out, they have nothing to show. */
export interface PoolIndex {
  byCity: Map<string, CallerIdPool>;
  byRegion: Map<string, CallerIdPool>;
  byPrefix: Map<string, CallerIdPool>;
  fallback: CallerIdPool | undefined;
}

export function indexPools(pools: readonly CallerIdPool[]): PoolIndex {
  const index: PoolIndex = { byCity: new Map(), byRegion: new Map(), byPrefix: new Map(), fallback: undefined };
  for (const pool of pools) {
    if (!pool.numbers.length) continue;
    for (const c of pool.cities) index.byCity.set(placeKey(c), pool);
    for (const r of pool.regions) index.byRegion.set(placeKey(r), pool);
    for (const p of pool.areaPrefixes) index.byPrefix.set(p, pool);
    if (pool.isDefault) index.fallback = pool;
  }
  return index;
}

/** Where the customer is: their contact's city and region if known, and the number being called (E.164). */
export interface Whereabouts {
  phone: string | undefined;
  city?: string | null;
  region?: string | null;
}

/**
 * The pool that is local for a customer: the contact's city, else their region, else the area of the
 * called number (longest configured prefix), else the project's default pool. Undefined when none fits.
 */
export function choosePool(index: PoolIndex, where: Whereabouts): { pool: CallerIdPool; reason: CallerIdReason; matched: string | null } | undefined {
  const city = where.city ? index.byCity.get(placeKey(where.city)) : undefined;
  if (city) return { pool: city, reason: 'city', matched: where.city!.trim() };
  const region = where.region ? index.byRegion.get(placeKey(where.region)) : undefined;
  if (region) return { pool: region, reason: 'region', matched: where.region!.trim() };
  const area = where.phone ? longestPrefix(where.phone, index.byPrefix) : undefined;
  if (area) return { pool: area, reason: 'area', matched: area.areaPrefixes.filter((p) => where.phone!.startsWith(p)).sort((a, b) => b.length - a.length)[0]! };
  return index.fallback ? { pool: index.fallback, reason: 'default', matched: null } : undefined;
}

const because: Record<CallerIdReason, string> = { city: 'matched by city', region: 'matched by region', area: 'matched by the number prefix', default: 'default pool' };

/**
 * Picks the caller ID for a call. `turn` is how many numbers this pool has handed out so far: numbers
 * are used in turn (round robin), so one number does not carry every call and get flagged as spam.
 */
export function pickCallerId(index: PoolIndex, where: Whereabouts, turn: (poolId: string) => number): CallerIdChoice | null {
  const hit = choosePool(index, where);
  if (!hit) return null;
  const { pool, reason, matched } = hit;
  const number = pool.numbers[turn(pool.id) % pool.numbers.length]!;
  const why = matched ? `${because[reason]} ${matched}` : because[reason];
  return { number, poolId: pool.id, poolName: pool.name, reason, matched, explanation: `${number} (${pool.name} pool, ${why})` };
}
