/**
 * What recent calls say about ringing: per ring age in seconds, the (decayed) number of calls whose
 * ringing ended at that age with a person answering, and with anything else (machine, busy, no
 * answer). From it follow the answer rate of a new call, when people answer, and the chance that a
 * call still ringing at a given age is answered within the next few seconds.
 */
export interface RingProfile {
  human: ArrayLike<number>;
  other: ArrayLike<number>;
}

/** Cumulative view of a profile, built once per pacing decision (O(ages)). */
export interface RingTable {
  /** cumHuman[d]: calls answered by a person at age <= d. */
  cumHuman: Float64Array;
  /** cumAll[d]: calls whose ringing ended at age <= d. */
  cumAll: Float64Array;
  total: number;
  last: number;
}

export function ringTable(p: RingProfile): RingTable {
  const n = Math.max(1, p.human.length);
  const cumHuman = new Float64Array(n);
  const cumAll = new Float64Array(n);
  let h = 0;
  let a = 0;
  for (let d = 0; d < n; d++) {
    h += p.human[d] ?? 0;
    a += (p.human[d] ?? 0) + (p.other[d] ?? 0);
    cumHuman[d] = h;
    cumAll[d] = a;
  }
  return { cumHuman, cumAll, total: a, last: n - 1 };
}

/** Share of calls answered by a person. */
export function answerRateOf(t: RingTable): number {
  return t.total > 0 ? t.cumHuman[t.last] / t.total : 0;
}

/**
 * P(a call still ringing at `age` seconds is answered by a person within the next `within` seconds).
 * A call still ringing at age e is one whose ringing ends after e; a new call has age 0.
 */
export function answerWithin(t: RingTable, age: number, within: number): number {
  const e = Math.min(Math.max(0, Math.floor(age)), t.last);
  const end = Math.min(e + Math.max(0, Math.floor(within)), t.last);
  const alive = t.total - t.cumAll[e];
  if (alive <= 1e-9) return 0;
  return Math.max(0, (t.cumHuman[end] - t.cumHuman[e]) / alive);
}

/** The ring age by which the given share of person answers has happened (a quantile of ring time). */
export function answerAgeQuantile(t: RingTable, q: number): number {
  const human = t.cumHuman[t.last];
  if (human <= 0) return 0;
  for (let d = 0; d <= t.last; d++) if (t.cumHuman[d] >= q * human) return d;
  return t.last;
}
