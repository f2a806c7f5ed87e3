import { simulateDialer } from './engine.ts';
import { summarise, type DaySummary } from './metrics.ts';
import type { Scenario } from './scenario.ts';

/** The best fixed dial ratio for one run, found after the fact on the same seed. */
export interface HindsightResult {
  ratio: number;
  summary: DaySummary;
  /** Simulated days the search needed. */
  runs: number;
}

const FIRST_RANGE = { from: 1, to: 4, step: 0.25 };
/** Each refinement quarters the step around the best ratio until it reaches this. */
const FINEST_STEP = 0.01;
const MAX_RATIO = 100;
/** Higher ratios only dial more: the coarse scan stops once the abandon rate passes this multiple of the target. */
const OVERSHOOT = 2;

/**
 * The hindsight benchmark for a predictive pacer: the fixed ratio (fixed-ratio rule, same scenario and
 * seed) with the highest occupancy whose abandon rate keeps the target. Tries ratios from 1 upward on a
 * coarse grid (stopping once the abandon rate passes twice the target), doubling the range while the
 * best sits at its upper edge, then searches around the best
 * with the step quartered each pass down to 0.01. Returns null when even ratio 1 breaks the target.
 */
export function hindsightRatio(s: Scenario): HindsightResult | null {
  const seen = new Map<number, DaySummary>();
  const evaluate = (ratio: number) => {
    const key = Math.round(ratio * 1000) / 1000;
    let hit = seen.get(key);
    if (!hit) {
      hit = summarise(simulateDialer({ ...s, mode: 'fixed-ratio', ratio: key }, { ratio: key }));
      seen.set(key, hit);
    }
    return hit;
  };
  const best = () => bestFeasible(seen, s.abandonTarget);
  let { from, to, step } = FIRST_RANGE;
  for (;;) {
    let overshot = false;
    for (let r = from; r <= to + 1e-9 && !overshot; r += step) overshot = evaluate(r).abandonRate > OVERSHOOT * s.abandonTarget;
    const b = best();
    if (overshot || !b || b.ratio < to - 1e-9 || to >= MAX_RATIO) break;
    from = to + step * 2;
    step *= 2;
    to *= 2;
  }
  while (step > FINEST_STEP + 1e-9) {
    const b = best();
    if (!b) return null;
    const fine = Math.max(FINEST_STEP, step / 4);
    for (let r = Math.max(1, b.ratio - step + fine); r < b.ratio + step - 1e-9; r += fine) evaluate(r);
    step = fine;
  }
  const b = best();
  return b ? { ...b, runs: seen.size } : null;
}

function bestFeasible(seen: Map<number, DaySummary>, target: number): { ratio: number; summary: DaySummary } | null {
  let best: { ratio: number; summary: DaySummary } | null = null;
  for (const [ratio, summary] of seen) {
    if (summary.abandonRate > target) continue;
    if (!best || summary.occupancy > best.summary.occupancy) best = { ratio, summary };
  }
  return best;
}
