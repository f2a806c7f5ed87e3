/**
 * A faithful baseline of VICIdial's ADAPT_AVERAGE method (intensity 0), so our predictive pacer is
 * compared with what a widely deployed open-source dialer does. Every second the engine samples ready
 * agents, answered calls waiting and logged-in agents; every 15 s, over the last 15 samples,
 * `diff = avg(ready) - avg(waiting)`, `m = diff / avg(agents)`, `DL *= 1 + m`, capped at 3.0 and
 * floored at 1.0, and halved when the day's drop % exceeds the target after 50 answered calls.
 * Each second it places `round(DL * agents) - calls in progress` (ringing, waiting and connected).
 */
export interface VicidialState {
  dialLevel: number;
  samples: VicidialSample[];
}

export interface VicidialSample {
  ready: number;
  waiting: number;
  agents: number;
}

export const VICIDIAL_PERIOD_SECONDS = 15;
export const VICIDIAL_MAX_LEVEL = 3;
export const VICIDIAL_MIN_LEVEL = 1;
export const VICIDIAL_MIN_CALLS = 50;

export function initialVicidial(): VicidialState {
  return { dialLevel: VICIDIAL_MIN_LEVEL, samples: [] };
}

/** The dial level after one adjustment over `samples` (the last 15), given today's drop figures. */
export function adjustDialLevel(
  dialLevel: number,
  samples: readonly VicidialSample[],
  day: { answered: number; abandoned: number; target: number },
): number {
  if (samples.length === 0) return dialLevel;
  const avg = (f: (s: VicidialSample) => number) => samples.reduce((sum, s) => sum + f(s), 0) / samples.length;
  const agents = avg((s) => s.agents);
  let level = dialLevel;
  if (agents > 0) level *= 1 + (avg((s) => s.ready) - avg((s) => s.waiting)) / agents;
  level = Math.min(VICIDIAL_MAX_LEVEL, Math.max(VICIDIAL_MIN_LEVEL, level));
  const dropRate = day.answered === 0 ? 0 : day.abandoned / day.answered;
  if (day.answered >= VICIDIAL_MIN_CALLS && dropRate > day.target) level = Math.max(VICIDIAL_MIN_LEVEL, level / 2);
  return level;
}

/**
 * One second of the method: record the sample, adjust every 15th second, and return the new state and
 * the calls to place (never negative, never above the free lines).
 */
export function vicidialStep(
  state: VicidialState,
  now: { second: number; sample: VicidialSample; inProgress: number; freeLines: number },
  day: { answered: number; abandoned: number; target: number },
): { state: VicidialState; dials: number } {
  const samples = [...state.samples, now.sample].slice(-VICIDIAL_PERIOD_SECONDS);
  let dialLevel = state.dialLevel;
  if (now.second > 0 && now.second % VICIDIAL_PERIOD_SECONDS === 0) dialLevel = adjustDialLevel(dialLevel, samples, day);
  const wanted = Math.round(dialLevel * now.sample.agents) - now.inProgress;
  return { state: { dialLevel, samples }, dials: Math.max(0, Math.min(wanted, now.freeLines)) };
}
