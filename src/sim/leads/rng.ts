import { createRng, forkRng, normal, type Rng } from '../random.ts';

/**
 * The lead simulation's random streams and the draws src/sim/random.ts does not offer. Each stream
 * is forked from the scenario seed in a fixed order, so the leads drawn never depend on how many
 * numbers a policy consumes: every policy faces the same day.
 */
export interface LeadStreams {
  leads: Rng;
  cherryPicking: Rng;
}

/** One pair of streams per simulated day, all derived from the scenario seed. */
export function dayStreams(seed: number, days: number): LeadStreams[] {
  const root = createRng(seed);
  return Array.from({ length: days }, () => ({ leads: forkRng(root), cherryPicking: forkRng(root) }));
}

export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

/** Poisson count: Knuth's method for small means, a rounded normal approximation above 60. */
export function poisson(rng: Rng, mean: number): number {
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** An index chosen with probability proportional to its weight (weights > 0). */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}
