import { simulateDialer } from './engine.ts';
import { hindsightRatio, type HindsightResult } from './hindsight.ts';
import { summarise, type DayRecord, type DaySummary } from './metrics.ts';
import type { Scenario } from './scenario.ts';

/** One scenario's outcome as the CLI reports it. */
export interface DialerRun {
  scenario: Scenario;
  summary: DaySummary;
  day: DayRecord;
  /** Present when the hindsight search was asked for; null when no fixed ratio keeps the target. */
  hindsight?: HindsightResult | null;
}

/** Simulates the scenario's day with its own mode and, on request, searches the hindsight ratio. */
export function runDialerScenario(scenario: Scenario, opts: { hindsight?: boolean } = {}): DialerRun {
  const day = simulateDialer(scenario);
  const run: DialerRun = { scenario, summary: summarise(day), day };
  if (opts.hindsight) run.hindsight = hindsightRatio(scenario);
  return run;
}
