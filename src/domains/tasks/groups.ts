import { MaxHeap } from './heap.ts';
import type { QueueSettings } from './model.ts';
import { fitScore, rampKey, rampMs, rampStartAt, staticKey, valueScore } from './priority.ts';
import type { AgentCandidate } from './choose.ts';
import type { Entry } from './pool.ts';

/** How the task index groups tasks: by queue, required-skill set and value band (for score caps). */
interface Group {
  queueId: string;
  required: Record<string, number>;
  bandLo: number;
  bandHi: number;
  pre: MaxHeap<Entry>;
  ramp: MaxHeap<Entry>;
  /** min-heap (negated keys) of ramp start times of pre-ramp entries */
  due: MaxHeap<Entry>;
}

/** Groups ranked by an upper bound of their best score at `at`; reused for up to 30 s (bounds aged by the steepest slope), then recomputed. */
interface Ranking {
  at: number;
  order: Array<{ g: Group; bound: number }>;
  maxFitWeight: number;
  /** the steepest growth of any score in points per ms (age plus SLA ramp), to age the bounds */
  maxSlope: number;
}

const RANKING_TTL_MS = 30_000;

const MINUTE = 60_000;

/**
 * The value band of a value score: values in (lo, hi]. Boundaries are a 1-2-5 series (0, 100, 200, 500, 1000, ...)
 * merged with the score caps in use (sorted), so no band ever straddles an agent's cap: a capped agent takes or
 * skips whole bands and never scans inside one.
 */
export function bandOf(v: number, caps: readonly number[] = []): [number, number] {
  let hi: number;
  let lo: number;
  if (v <= 0) [lo, hi] = [-Infinity, 0];
  else if (v <= 100) [lo, hi] = [0, 100];
  else {
    let base = 100;
    while (v > base * 10) base *= 10;
    const m = v <= base * 2 ? 2 : v <= base * 5 ? 5 : 10;
    [lo, hi] = [m === 2 ? base : m === 5 ? base * 2 : base * 5, base * m];
  }
  for (const c of caps) {
    if (c < v && c > lo) lo = c;
    if (c >= v && c < hi) hi = c;
  }
  return [lo, hi];
}

const sigCache = new WeakMap<object, string>();
/** A canonical key of a required-skills object, cached per object (rebuilt tasks share equal objects). */
export function skillSig(r: Record<string, number>): string {
  let sig = sigCache.get(r);
  if (sig === undefined) {
    sig = Object.keys(r).sort().map((k) => `${k}:${r[k]}`).join(',');
    sigCache.set(r, sig);
  }
  return sig;
}

/**
 * The offerable tasks of a project, in per-(queue, required skills, value band) heaps keyed by the time-invariant
 * forms of the priority score (see priority.ts): one heap for tasks before their SLA ramp, one for tasks in it.
 * The best task for an agent is one heap top per group, groups visited best bound first with early exit.
 */
export class GroupPool {
  private readonly groups = new Map<string, Group>();
  private ranking: Ranking | null = null;
  /** the distinct score caps of the project's agents, ascending (band boundaries) */
  caps: number[] = [];

  constructor(private readonly settings: Map<string, QueueSettings>) {}

  /** Puts an offerable task in its group, in the pre-ramp or ramp heap. */
  add(e: Entry, s: QueueSettings, now: number): void {
    this.ranking = null;
    const g = this.group(e, s);
    const rampAt = rampStartAt(e, s);
    e.phase = rampAt <= now ? 'ramp' : 'pre';
    if (e.phase === 'ramp') g.ramp.push(rampKey(e, s), e, e.gen);
    else {
      g.pre.push(staticKey(e, s.weights), e, e.gen);
      g.due.push(-rampAt, e, e.gen);
    }
  }

  /** Offers the agent's best task of each group to `consider`, stopping once no group can beat `floor()`. */
  best(agent: AgentCandidate, now: number, consider: (e: Entry, score: number) => void, floor: () => number): void {
    const r = this.ranking && now >= this.ranking.at && now - this.ranking.at < RANKING_TTL_MS ? this.ranking : (this.ranking = this.rank(now));
    let levels = 0;
    for (const l of Object.values(agent.skills)) levels += Math.max(0, l - 1);
    const slack = r.maxFitWeight * levels + r.maxSlope * (now - r.at);
    for (const { g, bound } of r.order) {
      if (bound + slack <= floor()) break;
      if (agent.scoreCap !== null && g.bandLo >= agent.scoreCap) continue;
      const s = this.settings.get(g.queueId)!;
      const fit = fitScore({ value: 0, createdAt: 0, dueAt: null, requiredSkills: g.required }, agent, s.weights);
      if (fit === null) continue;
      this.migrate(g, s, now);
      const pre = this.top(g.pre, 'pre', s, agent);
      const ramp = this.top(g.ramp, 'ramp', s, agent);
      const wa = s.weights.agePerMinute / MINUTE;
      if (pre) consider(pre.e, pre.key + wa * now + fit);
      if (ramp) consider(ramp.e, ramp.key + (wa + s.weights.sla / rampMs(s)) * now + fit);
    }
  }

  private rank(now: number): Ranking {
    const order: Ranking['order'] = [];
    let maxFitWeight = 0;
    let maxSlope = 0;
    for (const [key, g] of this.groups) {
      const s = this.settings.get(g.queueId)!;
      maxFitWeight = Math.max(maxFitWeight, s.weights.fit);
      maxSlope = Math.max(maxSlope, s.weights.agePerMinute / MINUTE + s.weights.sla / rampMs(s));
      this.migrate(g, s, now);
      const wa = s.weights.agePerMinute / MINUTE;
      const pre = this.head(g.pre, 'pre');
      const ramp = this.head(g.ramp, 'ramp');
      if (!g.pre.size && !g.ramp.size) this.groups.delete(key);
      else order.push({ g, bound: Math.max(pre + wa * now, ramp + (wa + s.weights.sla / rampMs(s)) * now) });
    }
    order.sort((a, b) => b.bound - a.bound);
    return { at: now, order, maxFitWeight, maxSlope };
  }

  /** The top key of a heap after dropping stale entries, -Infinity when empty. */
  private head(h: MaxHeap<Entry>, phase: Entry['phase']): number {
    while (h.size) {
      const e = h.peekItem()!;
      if (h.peekTag() === e.gen && e.where === 'pool' && e.phase === phase) return h.peekKey();
      h.pop();
    }
    return -Infinity;
  }

  fits(e: Entry, s: QueueSettings, a: AgentCandidate): boolean {
    if (a.scoreCap !== null && valueScore(e, s.weights) > a.scoreCap) return false;
    return !a.declined?.has(e.id) && fitScore(e, a, s.weights) !== null;
  }

  private top(h: MaxHeap<Entry>, phase: Entry['phase'], s: QueueSettings, a: AgentCandidate): { e: Entry; key: number } | null {
    if (this.head(h, phase) === -Infinity) return null;
    const first = h.peekItem()!;
    if (this.fits(first, s, a)) return { e: first, key: h.peekKey() };
    for (const { key, item, tag } of h.ordered()) {
      if (tag === item.gen && item.where === 'pool' && item.phase === phase && this.fits(item, s, a)) return { e: item, key };
    }
    return null;
  }

  private migrate(g: Group, s: QueueSettings, now: number): void {
    while (g.due.size && -g.due.peekKey() <= now) {
      const e = g.due.peekItem()!;
      const live = g.due.peekTag() === e.gen && e.where === 'pool' && e.phase === 'pre';
      g.due.pop();
      if (!live) continue;
      e.phase = 'ramp';
      g.ramp.push(rampKey(e, s), e, e.gen);
    }
  }

  private group(e: Entry, s: QueueSettings): Group {
    const [lo, hi] = bandOf(valueScore(e, s.weights), this.caps);
    const key = `${e.queueId}|${skillSig(e.requiredSkills)}|${lo}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { queueId: e.queueId, required: e.requiredSkills, bandLo: lo, bandHi: hi, pre: new MaxHeap(), ramp: new MaxHeap(), due: new MaxHeap() };
      this.groups.set(key, g);
    }
    return g;
  }
}
