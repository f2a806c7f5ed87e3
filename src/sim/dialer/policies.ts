import { fixedRatioDials } from '../../domains/dialer/pacing-fixed.ts';
import { predictiveDials, type AbandonWindow, type BusyAgent, type PacingEstimates } from '../../domains/dialer/pacing.ts';
import { initialVicidial, vicidialStep, type VicidialState } from '../../domains/dialer/pacing-vicidial.ts';
import type { Scenario } from './scenario.ts';

/** What the engine shows a pacing policy each second (one mutable object, reused for speed). */
export interface TickView {
  second: number;
  agents: number;
  ready: number;
  ringing: number;
  waiting: number;
  connected: number;
  linesInUse: number;
  lines: number;
  target: number;
  estimates: PacingEstimates;
  windows: AbandonWindow[];
  day: { answered: number; abandoned: number };
  busyAgents: () => ArrayLike<BusyAgent>;
  ringingAges: () => ArrayLike<number>;
}

/** A pacing policy inside the simulator: calls to place this second, and its current dial level. */
export interface SimPolicy {
  /** Preview reserves the agent for the call it dials, so its answers are never abandoned. */
  reservesAgent: boolean;
  decide(view: TickView): number;
  /** The policy's own notion of dial level for the chart, if it has one (VICIdial's DL). */
  dialLevel?: () => number;
}

/** The policy a scenario's mode names; `ratio` overrides the scenario's (hindsight search). */
export function policyFor(s: Scenario, ratio?: number): SimPolicy {
  switch (s.mode) {
    case 'preview':
      return { reservesAgent: true, decide: (v) => Math.max(0, Math.min(v.ready, v.lines - v.linesInUse)) };
    case 'progressive':
      return fixedRatio(1);
    case 'fixed-ratio':
      return fixedRatio(ratio ?? s.ratio ?? 1);
    case 'predictive':
      return {
        reservesAgent: false,
        decide: (v) =>
          predictiveDials({
            readyAgents: v.ready,
            busyAgents: v.busyAgents(),
            ringingAges: v.ringingAges(),
            waiting: v.waiting,
            linesInUse: v.linesInUse,
            lines: v.lines,
            estimates: v.estimates,
            windows: v.windows,
          }),
      };
    case 'vicidial-adaptive':
      return vicidial();
  }
}

function fixedRatio(ratio: number): SimPolicy {
  return { reservesAgent: false, decide: (v) => fixedRatioDials(ratio, { readyAgents: v.ready, ringing: v.ringing, waiting: v.waiting, linesInUse: v.linesInUse, lines: v.lines }) };
}

function vicidial(): SimPolicy {
  let state: VicidialState = initialVicidial();
  return {
    reservesAgent: false,
    dialLevel: () => state.dialLevel,
    decide(v) {
      const step = vicidialStep(
        state,
        {
          second: v.second,
          sample: { ready: v.ready, waiting: v.waiting, agents: v.agents },
          inProgress: v.ringing + v.waiting + v.connected,
          freeLines: v.lines - v.linesInUse,
        },
        { answered: v.day.answered, abandoned: v.day.abandoned, target: v.target },
      );
      state = step.state;
      return step.dials;
    },
  };
}
