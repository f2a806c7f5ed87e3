import { z } from 'zod';
import type { Distribution } from '../../../sim/random.ts';

const share = z.number().min(0).max(1);

/**
 * What a project's simulated telephone network does: how often customers call in, how many of them are
 * strangers, and how dialled customers answer. The four outcome shares add up to 1.
 */
export const simSettingsSchema = z.strictObject({
  /** Inbound calls generated per minute; 0 turns inbound traffic off. */
  inboundPerMinute: z.number().min(0).max(60),
  /** Share of inbound callers that are not in the contacts (unknown numbers). */
  unknownShare: share,
  answerRate: share,
  machineRate: share,
  busyRate: share,
  noAnswerRate: share,
  /** Mean talk time of a connected call, seconds. */
  talkMeanSeconds: z.number().min(5).max(3600),
  /** Mean time a dialled phone rings before it is picked up, seconds. */
  ringMeanSeconds: z.number().min(1).max(60),
});

export type SimSettings = z.infer<typeof simSettingsSchema>;

/** A project that never changed its simulator settings: no inbound traffic, typical outbound answer shares. */
export const DEFAULT_SIM_SETTINGS: Readonly<SimSettings> = Object.freeze({
  inboundPerMinute: 0,
  unknownShare: 0.3,
  answerRate: 0.35,
  machineRate: 0.1,
  busyRate: 0.1,
  noAnswerRate: 0.45,
  talkMeanSeconds: 90,
  ringMeanSeconds: 8,
});

/** Share of inbound callers with no caller ID at all. */
export const ANONYMOUS_SHARE = 0.03;
/** How long a busy signal takes to come back. */
export const BUSY_SECONDS = 3;
/** The recorded abandon message, and an answering machine's greeting before it is hung up on. */
export const MESSAGE_SECONDS = 5;
/** How long a customer who answered a campaign call waits in silence before hanging up. */
export const PATIENCE_SECONDS = 20;
/** How long a voicemail box records before the caller hangs up. */
export const VOICEMAIL_SECONDS = 20;
/** How long an external number rings before it answers (inbound forwarded calls and transfers). */
export const EXTERNAL_RING_SECONDS = 4;

/** Checks that the four outcome shares add up to 1; the message names the problem for the API. */
export function outcomeSharesProblem(s: SimSettings): string | null {
  const sum = s.answerRate + s.machineRate + s.busyRate + s.noAnswerRate;
  return Math.abs(sum - 1) > 0.001 ? `sim: answerRate + machineRate + busyRate + noAnswerRate must add up to 1 (they add up to ${Math.round(sum * 1000) / 1000})` : null;
}

export type DialOutcome = 'human' | 'machine' | 'busy' | 'no_answer';

/** Who picks up a dialled call, from one uniform draw `u` in [0, 1). */
export function dialOutcome(s: SimSettings, u: number): DialOutcome {
  if (u < s.answerRate) return 'human';
  if (u < s.answerRate + s.machineRate) return 'machine';
  if (u < s.answerRate + s.machineRate + s.busyRate) return 'busy';
  return 'no_answer';
}

/** How long a dialled phone rings before someone (or a machine) picks up: lognormal around the project's mean. */
export function ringTime(s: SimSettings): Distribution {
  return { dist: 'lognormal', mean: s.ringMeanSeconds, sd: s.ringMeanSeconds / 2, min: 1, max: 120 };
}

/** Talk time of a connected call: lognormal around the project's mean, at least 5 s. */
export function talkTime(s: SimSettings): Distribution {
  return { dist: 'lognormal', mean: s.talkMeanSeconds, sd: s.talkMeanSeconds * 0.6, min: 5 };
}
