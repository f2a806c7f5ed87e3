import { z } from 'zod';

/**
 * Seeded randomness for every simulation: the same seed gives the same day, so a change to a policy
 * is compared on identical traffic. mulberry32 is tiny, fast and good enough for Monte Carlo work.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** A deterministic generator from a 32-bit seed (any number; it is folded to 32 bits). */
export function createRng(seed: number): Rng {
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A child generator whose stream does not overlap its parent's use: one per independent process. */
export function forkRng(rng: Rng): Rng {
  return createRng(Math.floor(rng.next() * 4294967296));
}

/** Standard normal variate (Box-Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Exponential variate with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

export const distributionKinds = ['fixed', 'exponential', 'lognormal', 'uniform'] as const;

/**
 * A duration or quantity distribution as scenario files write it. `mean` is the mean of the
 * distribution before clamping; `sd` is its standard deviation (lognormal: default = mean; uniform:
 * default spreads over [0, 2*mean] unless min and max are both given); `min` / `max` clamp each draw.
 */
export const distributionSchema = z
  .strictObject({
    dist: z.enum(distributionKinds),
    mean: z.number().nonnegative(),
    sd: z.number().nonnegative().optional(),
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
  })
  .refine((d) => d.min === undefined || d.max === undefined || d.min <= d.max, {
    message: 'min must not exceed max',
    path: ['min'],
  });

export type Distribution = z.infer<typeof distributionSchema>;

/** A function drawing from `d`; building it once keeps the per-draw cost to a few flops. */
export function sampler(d: Distribution): (rng: Rng) => number {
  const lo = d.min ?? 0;
  const hi = d.max ?? Infinity;
  const clamp = (x: number) => (x < lo ? lo : x > hi ? hi : x);
  switch (d.dist) {
    case 'fixed':
      return () => clamp(d.mean);
    case 'exponential':
      return (rng) => clamp(exponential(rng, d.mean));
    case 'lognormal': {
      const sd = d.sd ?? d.mean;
      if (d.mean === 0) return () => clamp(0);
      const sigma2 = Math.log(1 + (sd * sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return (rng) => clamp(Math.exp(mu + sigma * normal(rng)));
    }
    case 'uniform': {
      const [a, b] = uniformBounds(d);
      return (rng) => clamp(a + (b - a) * rng.next());
    }
  }
}

/** The support of a uniform distribution: [min, max] when both are given, else mean +- sd*sqrt(3). */
export function uniformBounds(d: Distribution): [number, number] {
  if (d.min !== undefined && d.max !== undefined) return [d.min, d.max];
  const half = d.sd === undefined ? d.mean : d.sd * Math.sqrt(3);
  return [Math.max(0, d.mean - half), d.mean + half];
}

/** One draw from `d` (convenience for callers that draw rarely). */
export function sample(rng: Rng, d: Distribution): number {
  return sampler(d)(rng);
}

/** The standard deviation a distribution is modelled with, for policies that estimate variability. */
export function spreadOf(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return 0;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return d.sd ?? d.mean;
    case 'uniform': {
      const [a, b] = uniformBounds(d);
      return (b - a) / Math.sqrt(12);
    }
  }
}
