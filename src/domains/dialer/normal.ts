/**
 * The few closed-form probabilities the pacer needs. Kept here so pacing.ts reads as the decision
 * and not as numerics; all are pure and allocation-free in the hot path because they run for every
 * agent every second.
 */

/** Standard normal CDF via the Abramowitz-Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** A duration summarised by mean and standard deviation, as live statistics provide it. */
export interface DurationEstimate {
  mean: number;
  sd: number;
}

/** A duration modelled as lognormal (positive, right skewed, like talk and wrap times); sd 0 = exactly the mean. */
export interface DurationModel {
  mean: number;
  mu: number;
  sigma: number;
}

export function durationModel(d: DurationEstimate): DurationModel {
  if (d.sd <= 0 || d.mean <= 0) return { mean: Math.max(0, d.mean), mu: 0, sigma: 0 };
  const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
  return { mean: d.mean, mu: Math.log(d.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** P(D <= x). */
export function durationCdf(m: DurationModel, x: number): number {
  if (x <= 0) return 0;
  if (m.sigma === 0) return x >= m.mean ? 1 : 0;
  return normalCdf((Math.log(x) - m.mu) / m.sigma);
}

/** P(D <= elapsed + h | D > elapsed), given `doneBy` = P(D <= elapsed): the chance a phase ends within `h`. */
export function endsWithin(m: DurationModel, elapsed: number, doneBy: number, h: number): number {
  if (h <= 0) return 0;
  const survived = 1 - doneBy;
  if (survived < 1e-9) return m.sigma === 0 ? 1 : 0.5;
  return Math.min(1, Math.max(0, (durationCdf(m, elapsed + h) - doneBy) / survived));
}
