/**
 * Fixed-ratio pacing, defined so figures compare across tools: each second place
 * `round(ratio * ready agents) - (calls ringing + answered calls waiting)`, never below zero and never
 * above the free lines. Progressive dialing is the same rule with ratio 1: one line per free agent.
 */
export interface FixedRatioState {
  readyAgents: number;
  ringing: number;
  waiting: number;
  linesInUse: number;
  lines: number;
}

/** Calls to place now under a fixed dial ratio. */
export function fixedRatioDials(ratio: number, s: FixedRatioState): number {
  const wanted = Math.round(ratio * s.readyAgents) - (s.ringing + s.waiting);
  const freeLines = Math.max(0, s.lines - s.linesInUse);
  return Math.max(0, Math.min(wanted, freeLines));
}

/** Progressive: one line per free agent. */
export function progressiveDials(s: FixedRatioState): number {
  return fixedRatioDials(1, s);
}
