import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryStatus } from '../../platform/db/schema.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';

/** A subscription as the publisher needs it: cheap to keep in memory per project. */
export interface Subscription {
  id: string;
  eventTypes: string[];
}

/** `*` subscribes to every event type, including ones added later. */
export const ALL_EVENTS = '*';

export function subscribes(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.includes(ALL_EVENTS) || eventTypes.includes(type);
}

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Wait after the first failed attempt; each later wait is three times the previous one. */
  baseDelayMs: number;
}

const FACTOR = 3;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** The wait after failed attempt `attempt` (1-based): base, 3 x base, 9 x base, ... capped at 6 hours. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * FACTOR ** (attempt - 1), MAX_DELAY_MS);
}

export type AttemptOutcome = { ok: true; statusCode: number } | { ok: false; statusCode?: number; error: string };

export type Decision =
  | { status: Extract<DeliveryStatus, 'delivered' | 'failed'>; nextAttemptAt: null }
  | { status: 'retrying'; nextAttemptAt: Date };

/** What follows an attempt: 2xx is delivered; anything else is retried until the attempts run out. */
export function decideAfterAttempt(attempt: number, outcome: AttemptOutcome, policy: RetryPolicy, now: Date): Decision {
  if (outcome.ok) return { status: 'delivered', nextAttemptAt: null };
  if (attempt >= policy.maxAttempts) return { status: 'failed', nextAttemptAt: null };
  return { status: 'retrying', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt, policy)) };
}

/** The JSON body every delivery POSTs: the event envelope, the same bytes on every attempt. */
export function deliveryBody(event: Pick<DomainEvent, 'id' | 'type' | 'projectId' | 'at' | 'payload'>): string {
  return JSON.stringify({ id: event.id, type: event.type, projectId: event.projectId, at: event.at, payload: event.payload });
}

/** `sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<raw body>"; the timestamp lets receivers refuse replays. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's side of `signature`, constant-time; exported for tests and for the docs' example. */
export function verifySignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(signature(secret, Number(timestamp), body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
