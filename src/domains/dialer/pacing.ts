import { durationCdf, durationModel, endsWithin, normalCdf, type DurationEstimate, type DurationModel } from './normal.ts';
import { answerAgeQuantile, answerWithin, ringTable, type RingProfile, type RingTable } from './ring-profile.ts';

/**
 * Predictive pacing: how many calls to place this second.
 *
 * Derivation. A call placed now, if a person answers, does so after a ring time tau; it is abandoned
 * when no agent is free within the 2-second grace after that. Take tau at three points of the learned
 * ring-time distribution of answered calls (1/6, 1/2, 5/6 quantiles, equally weighted). For each tau,
 * F = agents free by tau + 2 s (ready agents, minus answered calls already waiting, plus each busy
 * agent with the probability that its talk (+ mean wrap) or its wrap ends by then) and X = person
 * answers arriving before tau from the calls already ringing (each with the learned chance that a
 * call of its age is answered within tau) plus from the other new calls. The n-th new call is
 * abandoned when the answers ahead of it take every free agent, so its risk given answer is the mean
 * over tau of P(X_{n-1} >= F), evaluated with a continuity-corrected normal approximation of X - F.
 * We place the largest n whose marginal risk stays under a limit alpha; every earlier call has a
 * lower modelled risk. The model ignores correlation between seconds (answers come in bursts), so it
 * under-states risk; alpha closes the loop instead of trusting it: alpha = MIN_RISK + (10 x target)
 * x left^2, where `left` is the unused share of the strictest window's budget (steered at 90% of the
 * target). It is generous while the budget is untouched and tightens quadratically as it is spent,
 * so the realised rate settles under the target instead of past it.
 */
export interface BusyAgent {
  phase: 'talking' | 'wrapping';
  /** Seconds since the agent entered the phase. */
  elapsedSeconds: number;
}

/** Abandon accounting of one compliance window (today, rolling hour, rolling 30 days...). */
export interface AbandonWindow {
  target: number;
  answered: number;
  abandoned: number;
}

export interface PacingEstimates {
  /** How recent calls' ringing ended, by age (see ring-profile.ts). */
  ring: RingProfile;
  talk: DurationEstimate;
  wrap: DurationEstimate;
}

export interface PacingState {
  readyAgents: number;
  busyAgents: ArrayLike<BusyAgent>;
  /** Calls ringing now, counted by age in seconds (index = age; the last index pools older calls). */
  ringingAges: ArrayLike<number>;
  /** Answered by a person and not yet connected to an agent. */
  waiting: number;
  /** Lines occupied now (ringing, waiting and connected calls). */
  linesInUse: number;
  /** Line limit; Infinity when the trunk does not limit. */
  lines: number;
  estimates: PacingEstimates;
  windows: readonly AbandonWindow[];
}

/** Seconds a person waits for an agent before the call counts as abandoned. */
export const ANSWER_GRACE_SECONDS = 2;
/** Marginal abandon risk allowed while the budget is untouched, as a multiple of the target. */
export const MAX_RISK_FACTOR = 10;
/** Marginal risk allowed when the budget is spent: dial only what is almost surely served. */
export const MIN_RISK = 0.002;
/** A window is credited with at least this many answers, so its first abandon does not stall dialing. */
export const PRIOR_ANSWERS = 60;
/** Steer to this share of each window's target, leaving room for the day's remaining randomness. */
export const STEERING_SHARE = 0.9;
const TAU_QUANTILES = [1 / 6, 1 / 2, 5 / 6];

/** Share of the strictest window's abandon budget still unused, in [0, 1]. */
export function budgetLeft(windows: readonly AbandonWindow[]): number {
  let left = 1;
  for (const w of windows) {
    const allowed = STEERING_SHARE * w.target * Math.max(w.answered, PRIOR_ANSWERS);
    left = Math.min(left, allowed <= 0 ? 0 : (allowed - w.abandoned) / allowed);
  }
  return Math.max(0, left);
}

/** The marginal abandon risk the next call may carry, given the budget left. */
export function riskLimit(windows: readonly AbandonWindow[]): number {
  const target = windows.reduce((m, w) => Math.min(m, w.target), Infinity);
  if (!Number.isFinite(target)) return MIN_RISK;
  const left = budgetLeft(windows);
  return MIN_RISK + Math.max(0, MAX_RISK_FACTOR * target - MIN_RISK) * left * left;
}

/** Mean and variance of a sum of independent Bernoulli trials. */
interface Moments {
  mean: number;
  variance: number;
}

/** For each horizon, how many busy agents free up within it (mean and variance). */
export function soonFree(busy: ArrayLike<BusyAgent>, talk: DurationEstimate, wrap: DurationEstimate, horizons: readonly number[]): Moments[] {
  const out = horizons.map(() => ({ mean: 0, variance: 0 }));
  const tm = durationModel(talk);
  const wm = durationModel(wrap);
  const longest = Math.max(...horizons);
  for (let i = 0; i < busy.length; i++) {
    const b = busy[i];
    const talking = b.phase === 'talking';
    if (talking && longest <= wrap.mean) continue;
    const m: DurationModel = talking ? tm : wm;
    const doneBy = durationCdf(m, b.elapsedSeconds);
    for (let k = 0; k < horizons.length; k++) {
      const p = endsWithin(m, b.elapsedSeconds, doneBy, talking ? horizons[k] - wrap.mean : horizons[k]);
      out[k].mean += p;
      out[k].variance += p * (1 - p);
    }
  }
  return out;
}

/** Person answers expected within `within` seconds from the calls already ringing. */
export function pendingAnswers(ages: ArrayLike<number>, table: RingTable, within: number): Moments {
  let mean = 0;
  let variance = 0;
  for (let e = 0; e < ages.length; e++) {
    const c = ages[e];
    if (c === 0) continue;
    const p = answerWithin(table, e, within);
    mean += c * p;
    variance += c * p * (1 - p);
  }
  return { mean, variance };
}

/** Per ring-time point: free agents, pending answers and a new call's chance to be answered before it. */
interface Slice {
  free: Moments;
  pending: Moments;
  capacity: number;
  q: number;
}

function slices(s: PacingState, table: RingTable): Slice[] {
  const taus = TAU_QUANTILES.map((q) => Math.max(1, answerAgeQuantile(table, q)));
  const free = soonFree(s.busyAgents, s.estimates.talk, s.estimates.wrap, taus.map((t) => t + ANSWER_GRACE_SECONDS));
  return taus.map((tau, k) => ({
    free: free[k],
    pending: pendingAnswers(s.ringingAges, table, tau),
    capacity: s.readyAgents - s.waiting + free[k].mean,
    q: answerWithin(table, 0, tau),
  }));
}

/** Marginal abandon risk of the n-th new call (n >= 1). */
function marginalRisk(parts: Slice[], n: number): number {
  let sum = 0;
  for (const p of parts) {
    const mu = p.pending.mean + (n - 1) * p.q - p.capacity;
    const sd = Math.sqrt(p.pending.variance + (n - 1) * p.q * (1 - p.q) + p.free.variance);
    sum += sd === 0 ? (mu > -0.5 ? 1 : 0) : 1 - normalCdf((-0.5 - mu) / sd);
  }
  return sum / parts.length;
}

/** Number of calls to place now (never negative, never above the free lines). */
export function predictiveDials(s: PacingState): number {
  const freeLines = Math.max(0, s.lines - s.linesInUse);
  if (freeLines === 0 || s.readyAgents + s.busyAgents.length === 0) return 0;
  const table = ringTable(s.estimates.ring);
  const parts = slices(s, table);
  const q = Math.max(1e-3, Math.min(...parts.map((p) => p.q)));
  const room = Math.max(...parts.map((p) => p.capacity + 10 * Math.sqrt(p.free.variance + p.pending.variance + 1)));
  if (room <= 0) return 0;
  const limit = riskLimit(s.windows);
  let lo = 0;
  let hi = Math.floor(Math.min(freeLines, room / q + 1));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (marginalRisk(parts, mid) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
