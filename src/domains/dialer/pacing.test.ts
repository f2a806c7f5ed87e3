import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetLeft, predictiveDials, riskLimit, type BusyAgent, type PacingState } from './pacing.ts';
import { fixedRatioDials, progressiveDials } from './pacing-fixed.ts';

/** A ring profile where `answerRate` of calls are answered by a person at `humanAge` s and the rest end at `otherAge` s. */
function profile(answerRate: number, humanAge = 10, otherAge = 30) {
  const human = new Array(61).fill(0);
  const other = new Array(61).fill(0);
  human[humanAge] = 1000 * answerRate;
  other[otherAge] = 1000 * (1 - answerRate);
  return { human, other };
}

function ages(byAge: Record<number, number> = {}): number[] {
  const a = new Array(61).fill(0);
  for (const [age, n] of Object.entries(byAge)) a[Number(age)] = n;
  return a;
}

function state(over: Partial<PacingState> & { answerRate?: number } = {}): PacingState {
  const { answerRate = 0.3, ...rest } = over;
  return {
    readyAgents: 0,
    busyAgents: [],
    ringingAges: ages(),
    waiting: 0,
    linesInUse: 0,
    lines: Infinity,
    estimates: { ring: profile(answerRate), talk: { mean: 150, sd: 100 }, wrap: { mean: 20, sd: 5 } },
    windows: [{ target: 0.03, answered: 1000, abandoned: 0 }],
    ...rest,
  };
}

const talking = (n: number, elapsed = 0): BusyAgent[] => Array.from({ length: n }, () => ({ phase: 'talking', elapsedSeconds: elapsed }));
const wrapping = (n: number, elapsed: number): BusyAgent[] => Array.from({ length: n }, () => ({ phase: 'wrapping', elapsedSeconds: elapsed }));

describe('predictive pacing', () => {
  it.each([
    { name: 'everyone just started talking, nothing ringing', s: state({ busyAgents: talking(10) }), min: 0, max: 0 },
    { name: '10 ready agents, answer rate 0.3', s: state({ readyAgents: 10 }), min: 15, max: 40 },
    { name: '10 ready agents, answer rate 0.1', s: state({ readyAgents: 10, answerRate: 0.1 }), min: 60, max: 120 },
    { name: 'line limit caps the dials', s: state({ readyAgents: 10, lines: 12, linesInUse: 9 }), min: 3, max: 3 },
    { name: 'answered calls already waiting for every ready agent', s: state({ readyAgents: 3, waiting: 3, busyAgents: talking(5) }), min: 0, max: 0 },
    { name: 'enough calls ringing for the ready agents', s: state({ readyAgents: 2, ringingAges: ages({ 2: 30 }) }), min: 0, max: 0 },
    { name: 'agents nearly done with wrap-up count as soon free', s: state({ busyAgents: wrapping(10, 19) }), min: 10, max: 40 },
  ])('$name -> between $min and $max calls', ({ s, min, max }) => {
    const n = predictiveDials(s);
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
  });

  it('dials fewer calls once the abandon budget is spent', () => {
    const fresh = predictiveDials(state({ readyAgents: 20 }));
    const spent = predictiveDials(state({ readyAgents: 20, windows: [{ target: 0.03, answered: 1000, abandoned: 30 }] }));
    expect(spent).toBeLessThan(fresh);
    expect(spent).toBeGreaterThan(0);
  });

  it('steers by the strictest window', () => {
    const day = { target: 0.03, answered: 5000, abandoned: 10 };
    expect(budgetLeft([day, { target: 0.03, answered: 200, abandoned: 6 }])).toBe(0);
    expect(riskLimit([day, { target: 0.03, answered: 200, abandoned: 6 }])).toBeLessThan(riskLimit([day]));
  });
});

const arbitraryState = fc
  .record({
    ready: fc.integer({ min: 0, max: 60 }),
    talk: fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 60 }),
    wrap: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 20 }),
    ringing: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 61, maxLength: 61 }),
    waiting: fc.integer({ min: 0, max: 5 }),
    connected: fc.integer({ min: 0, max: 60 }),
    lines: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
    answerRate: fc.double({ min: 0.02, max: 0.9, noNaN: true }),
    answered: fc.integer({ min: 0, max: 5000 }),
    abandonedShare: fc.double({ min: 0, max: 0.1, noNaN: true }),
  })
  .map((r) => {
    const ringing = r.ringing.reduce((a, b) => a + b, 0);
    return state({
      readyAgents: r.ready,
      busyAgents: [...r.talk.map((e) => ({ phase: 'talking' as const, elapsedSeconds: e })), ...r.wrap.map((e) => ({ phase: 'wrapping' as const, elapsedSeconds: e }))],
      ringingAges: r.ringing,
      waiting: r.waiting,
      linesInUse: ringing + r.waiting + r.connected,
      lines: r.lines ?? Infinity,
      answerRate: r.answerRate,
      windows: [{ target: 0.03, answered: r.answered, abandoned: Math.round(r.answered * r.abandonedShare) }],
    });
  });

describe('predictive pacing invariants', () => {
  it('is a whole number, never negative and never above the free lines', () => {
    fc.assert(
      fc.property(arbitraryState, (s) => {
        const n = predictiveDials(s);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(Math.max(0, s.lines - s.linesInUse));
      }),
    );
  });

  it('places at least as many calls when one more agent is free', () => {
    fc.assert(
      fc.property(arbitraryState, (s) => {
        expect(predictiveDials({ ...s, readyAgents: s.readyAgents + 1 })).toBeGreaterThanOrEqual(predictiveDials(s));
      }),
    );
  });

  it('places no more calls when more of the abandon budget is spent', () => {
    fc.assert(
      fc.property(arbitraryState, fc.integer({ min: 1, max: 50 }), (s, more) => {
        const w = s.windows[0];
        const worse = { ...s, windows: [{ ...w, abandoned: w.abandoned + more }] };
        expect(predictiveDials(worse)).toBeLessThanOrEqual(predictiveDials(s));
      }),
    );
  });
});

describe('fixed-ratio and progressive pacing', () => {
  it.each([
    { ratio: 2, ready: 5, ringing: 3, waiting: 1, expected: 6 },
    { ratio: 2.5, ready: 3, ringing: 0, waiting: 0, expected: 8 },
    { ratio: 3, ready: 2, ringing: 9, waiting: 0, expected: 0 },
    { ratio: 1, ready: 4, ringing: 1, waiting: 0, expected: 3 },
  ])('ratio $ratio, $ready ready, $ringing ringing, $waiting waiting -> $expected', ({ ratio, ready, ringing, waiting, expected }) => {
    expect(fixedRatioDials(ratio, { readyAgents: ready, ringing, waiting, linesInUse: ringing + waiting, lines: Infinity })).toBe(expected);
  });

  it('progressive dials exactly one line per free agent not already covered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 200 }),
        (ready, ringing, waiting, lines, connected) => {
          const inUse = ringing + waiting + connected;
          const n = progressiveDials({ readyAgents: ready, ringing, waiting, linesInUse: inUse, lines });
          expect(n).toBe(Math.max(0, Math.min(ready - ringing - waiting, lines - inUse)));
          expect(progressiveDials({ readyAgents: ready, ringing: 0, waiting: 0, linesInUse: 0, lines: Infinity })).toBe(ready);
        },
      ),
    );
  });
});
