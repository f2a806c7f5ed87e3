import { describe, expect, it } from 'vitest';
import { simulateDialer } from './engine.ts';
import { hindsightRatio } from './hindsight.ts';
import { summarise } from './metrics.ts';
import { parseScenario, type ScenarioInput } from './scenario.ts';

const base: ScenarioInput = {
  agents: 10,
  hours: 1,
  answerRate: 0.3,
  machineRate: 0.05,
  busyRate: 0.05,
  talkSeconds: { dist: 'exponential', mean: 120, min: 10 },
  wrapSeconds: { dist: 'uniform', mean: 15, min: 10, max: 20 },
};
const day = (over: Partial<ScenarioInput> = {}) => summarise(simulateDialer(parseScenario({ ...base, ...over })));

describe('dialer simulation', () => {
  it('gives the same day for the same seed and a different one for another seed', () => {
    expect(day({ seed: 7 })).toEqual(day({ seed: 7 }));
    expect(day({ seed: 7 })).not.toEqual(day({ seed: 8 }));
  });

  it('keeps the books consistent', () => {
    for (const mode of ['predictive', 'progressive', 'vicidial-adaptive', 'preview'] as const) {
      const s = day({ mode, seed: 3 });
      expect(s.connected + s.abandoned).toBeLessThanOrEqual(s.answered);
      expect(s.answered - s.connected - s.abandoned).toBeLessThanOrEqual(10);
      expect(s.answered).toBeLessThanOrEqual(s.dials);
      expect(s.occupancy + s.idleShare).toBeLessThanOrEqual(1);
      expect(s.talkMinutesPerAgentHour).toBeCloseTo(s.occupancy * 60, 6);
    }
  });

  it('never abandons in progressive or preview mode', () => {
    expect(day({ mode: 'progressive' }).abandoned).toBe(0);
    expect(day({ mode: 'preview' }).abandoned).toBe(0);
  });

  it('abandons exactly the answers that find no agent within 2 seconds', () => {
    const tiny = (talk: number, ratio: number) =>
      simulateDialer(parseScenario({
        agents: 1, hours: 10 / 3600, mode: 'fixed-ratio', ratio, answerRate: 1,
        ringSeconds: { dist: 'fixed', mean: 5 }, talkSeconds: { dist: 'fixed', mean: talk }, wrapSeconds: { dist: 'fixed', mean: 0 },
      })).totals;
    // three answers at second 5, one agent talking for 100 s: one connects, two are abandoned at second 7
    expect(tiny(100, 3)).toMatchObject({ dials: 3, answered: 3, connected: 1, abandoned: 2 });
    // two answers at second 5, the agent is free again at second 6: the second caller waited 1 s and connects
    expect(tiny(1, 2)).toMatchObject({ answered: 2, connected: 2, abandoned: 0 });
  });

  it('abandons a person who finds no agent within 2 seconds', () => {
    const flood = day({ mode: 'fixed-ratio', ratio: 20, answerRate: 0.9, machineRate: 0, busyRate: 0 });
    expect(flood.abandonRate).toBeGreaterThan(0.5);
  });

  it('keeps every agent busier with predictive than with progressive dialing at a low answer rate', () => {
    const predictive = day({ answerRate: 0.1, hours: 2 });
    const progressive = day({ answerRate: 0.1, hours: 2, mode: 'progressive' });
    expect(predictive.occupancy).toBeGreaterThan(progressive.occupancy * 1.3);
  });

  it('never uses more lines than the scenario allows', () => {
    const capped = simulateDialer(parseScenario({ ...base, answerRate: 0.1, lines: 12 }));
    const perMinuteInProgress = Array.from(capped.minutes.inProgressSum, (x) => x / 60);
    expect(Math.max(...perMinuteInProgress)).toBeLessThanOrEqual(12);
  });

  it('finds a hindsight ratio of at least 1 that keeps the target', () => {
    const s = parseScenario({ ...base, answerRate: 0.2, hours: 1 });
    const h = hindsightRatio(s);
    expect(h).not.toBeNull();
    expect(h!.ratio).toBeGreaterThanOrEqual(1);
    expect(h!.summary.abandonRate).toBeLessThanOrEqual(s.abandonTarget);
    expect(h!.summary.occupancy).toBeGreaterThanOrEqual(day({ answerRate: 0.2, mode: 'progressive' }).occupancy);
  });
});
