import type { LeadStatus } from '../../platform/db/schema.ts';
import type { CampaignSettings, RetryOutcome } from './model.ts';

/** What a finished dial attempt leads to; `human` means a person was connected to an agent. */
export type DialOutcome = RetryOutcome | 'human';

export interface NextStep {
  status: LeadStatus;
  nextAttemptAt: number | null;
}

const HOUR = 3_600_000;

/**
 * The lead's next step after an attempt (pure): a connected call is done; other outcomes retry after their
 * rule's delay until the rule's attempts are used up (then `exhausted`). An abandoned lead also waits out the
 * abandon cooldown (default 72 h), whichever is later. `attemptsOfOutcome` counts this attempt.
 */
export function afterAttempt(s: Pick<CampaignSettings, 'retry' | 'abandonCooldownHours'>, outcome: DialOutcome, attemptsOfOutcome: number, now: number): NextStep {
  if (outcome === 'human') return { status: 'done', nextAttemptAt: null };
  const rule = s.retry[outcome];
  if (attemptsOfOutcome >= rule.maxAttempts) return { status: 'exhausted', nextAttemptAt: null };
  let at = now + rule.delayMinutes * 60_000;
  if (outcome === 'abandoned') at = Math.max(at, now + s.abandonCooldownHours * HOUR);
  return { status: 'retry', nextAttemptAt: at };
}

/** Maps the PBX's end cause of an unanswered call to the retry rule that handles it. */
export function outcomeOfCause(cause: string): RetryOutcome {
  if (cause === 'busy') return 'busy';
  if (cause === 'no_answer' || cause === 'cancelled') return 'no_answer';
  if (cause === 'abandoned') return 'abandoned';
  return 'failed';
}
