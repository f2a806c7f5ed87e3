import { describe, expect, it } from 'vitest';
import { createRng, sampler, spreadOf, type Distribution } from './random.ts';

const draws = (d: Distribution, n = 20000, seed = 1) => {
  const rng = createRng(seed);
  const draw = sampler(d);
  return Array.from({ length: n }, () => draw(rng));
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

describe('seeded randomness', () => {
  it('repeats a stream for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([
    { d: { dist: 'fixed', mean: 30 } as Distribution, m: 30, s: 0 },
    { d: { dist: 'exponential', mean: 120 } as Distribution, m: 120, s: 120 },
    { d: { dist: 'lognormal', mean: 150, sd: 100 } as Distribution, m: 150, s: 100 },
    { d: { dist: 'uniform', mean: 20, min: 10, max: 30 } as Distribution, m: 20, s: 20 / Math.sqrt(12) },
  ])('$d.dist draws have the stated mean and spread', ({ d, m, s }) => {
    const xs = draws(d);
    expect(Math.abs(mean(xs) - m)).toBeLessThanOrEqual(m * 0.03 + 1e-9);
    expect(Math.abs(sd(xs) - s)).toBeLessThanOrEqual(s * 0.08 + 1e-9);
    expect(spreadOf(d)).toBeCloseTo(s, 6);
  });

  it('clamps every draw into min and max', () => {
    const xs = draws({ dist: 'lognormal', mean: 10, sd: 20, min: 3, max: 30 });
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(30);
  });
});
