import { describe, expect, it } from 'vitest';
import { adjustDialLevel, initialVicidial, vicidialStep, type VicidialSample } from './pacing-vicidial.ts';

const samples = (ready: number, waiting: number, agents: number, n = 15): VicidialSample[] =>
  Array.from({ length: n }, () => ({ ready, waiting, agents }));
const day = (answered: number, abandoned: number) => ({ answered, abandoned, target: 0.03 });

describe('VICIdial ADAPT_AVERAGE dial level', () => {
  it.each([
    { name: 'idle agents raise DL by avg(ready)/avg(agents)', dl: 1.5, s: samples(5, 0, 10), d: day(10, 0), expected: 2.25 },
    { name: 'waiting calls lower DL', dl: 2, s: samples(0, 2, 10), d: day(10, 0), expected: 1.6 },
    { name: 'ready and waiting net out', dl: 2, s: samples(3, 3, 10), d: day(10, 0), expected: 2 },
    { name: 'capped at 3.0', dl: 2.8, s: samples(10, 0, 10), d: day(10, 0), expected: 3 },
    { name: 'floored at 1.0', dl: 1.2, s: samples(0, 8, 10), d: day(10, 0), expected: 1 },
    { name: 'drop % over target after 50 calls halves DL', dl: 2.4, s: samples(0, 0, 10), d: day(100, 4), expected: 1.2 },
    { name: 'drop % over target before 50 calls does not', dl: 2.4, s: samples(0, 0, 10), d: day(40, 4), expected: 2.4 },
    { name: 'halving never goes below 1.0', dl: 1.5, s: samples(0, 0, 10), d: day(100, 10), expected: 1 },
  ])('$name', ({ dl, s, d, expected }) => {
    expect(adjustDialLevel(dl, s, d)).toBeCloseTo(expected, 10);
  });

  it('averages over the samples it is given', () => {
    const s = [...samples(0, 0, 10, 10), ...samples(6, 0, 10, 5)];
    expect(adjustDialLevel(1, s, day(0, 0))).toBeCloseTo(1.2, 10);
  });

  it('adjusts only every 15th second, over the last 15 samples, and places round(DL*agents) - calls in progress', () => {
    let state = initialVicidial();
    const dials: number[] = [];
    for (let second = 0; second <= 30; second++) {
      const step = vicidialStep(state, { second, sample: { ready: second < 15 ? 4 : 0, waiting: 0, agents: 10 }, inProgress: 5, freeLines: 100 }, day(0, 0));
      state = step.state;
      dials.push(step.dials);
    }
    expect(state.samples).toHaveLength(15);
    expect(dials[14]).toBe(5);
    // second 15: samples 1..15 hold 14 of ready=4 and one of ready=0 -> DL = 1 * (1 + (56/15)/10)
    expect(dials[15]).toBe(Math.round((1 + 56 / 150) * 10) - 5);
    // second 30: samples 16..30 all ready=0 -> DL unchanged
    expect(state.dialLevel).toBeCloseTo(1 + 56 / 150, 10);
  });

  it('never places a negative number of calls nor more than the free lines', () => {
    const step = vicidialStep({ dialLevel: 3, samples: [] }, { second: 1, sample: { ready: 10, waiting: 0, agents: 10 }, inProgress: 0, freeLines: 7 }, day(0, 0));
    expect(step.dials).toBe(7);
    const none = vicidialStep({ dialLevel: 1, samples: [] }, { second: 1, sample: { ready: 0, waiting: 0, agents: 10 }, inProgress: 25, freeLines: 7 }, day(0, 0));
    expect(none.dials).toBe(0);
  });
});
