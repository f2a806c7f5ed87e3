import { describe, expect, it } from 'vitest';
import { createRng } from '../random.ts';
import { EventQueue } from './event-queue.ts';
import { poisson, weightedIndex } from './rng.ts';

describe('EventQueue', () => {
  it('returns events by time, and same-time events in the order they were pushed', () => {
    const q = new EventQueue<string>();
    const rng = createRng(3);
    const pushed: Array<[number, string]> = [];
    for (let i = 0; i < 500; i++) {
      const t = Math.floor(rng.next() * 50);
      pushed.push([t, `e${i}`]);
      q.push(t, `e${i}`);
    }
    const expected = [...pushed].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    const out: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.event);
    expect(out).toEqual(expected);
  });
});

describe('lead simulation draws', () => {
  it('draws Poisson counts with the requested mean, small and large', () => {
    const rng = createRng(11);
    for (const mean of [3, 120]) {
      const n = 4000;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += poisson(rng, mean);
      expect(sum / n).toBeGreaterThan(mean * 0.95);
      expect(sum / n).toBeLessThan(mean * 1.05);
    }
  });

  it('picks indices in proportion to their weights', () => {
    const rng = createRng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[weightedIndex(rng, [6, 3, 1])]++;
    expect(counts[0] / 10_000).toBeCloseTo(0.6, 1);
    expect(counts[2] / 10_000).toBeCloseTo(0.1, 1);
  });
});
