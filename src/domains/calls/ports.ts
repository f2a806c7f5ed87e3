import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { TelephonyHub } from '../../telephony/hub.ts';

/**
 * What the calls domain asks the numbers domain (caller ID pools, tracking numbers, trunks), from memory and
 * synchronously. Optional: without it calls carry no tracking number, no chosen caller ID and no cost.
 */
export interface NumbersLookup {
  callerIdFor(projectId: string, where: { phone: string; city?: string | null; region?: string | null }): { number: string; poolId: string; reason: 'city' | 'region' | 'area' | 'default' } | null;
  trunksFor(projectId: string, phone: string): Array<{ trunkId: string; name: string; ratePerMinute: number; currency: string }>;
  cost(projectId: string, call: { trunkId: string; phone: string; seconds: number }): { amount: number; currency: string } | null;
  trackingNumberFor(projectId: string, dialledE164: string): { trackingNumberId: string; source: string; campaign: string } | null;
}

/** Presence of the people on calls (the routing engine's agents), keyed by users.id. */
export interface CallPresence {
  onCall(projectId: string, userId: string): Promise<unknown>;
  callEnded(projectId: string, userId: string, wrapUpSeconds: number): Promise<unknown>;
  /** agents.id or users.id -> users.id */
  personOf(projectId: string, id: string): Promise<string>;
  /** The task the person holds now (a call they place belongs to it), or null. */
  taskOf(projectId: string, userId: string): Promise<string | null>;
}

/** The phone plan and time zone of a project, from call routing's memory. */
export interface PhonePlan {
  /** users.id -> SIP extension */
  extensions(projectId: string): Promise<ReadonlyMap<string, string>>;
  /** The same, when it is in memory already (undefined otherwise): routed calls are recorded without waiting. */
  extensionsNow(projectId: string): ReadonlyMap<string, string> | undefined;
  timezone(projectId: string): Promise<string>;
}

/** A contact as click-to-call and the history need it. */
export interface ContactFacts {
  id: string;
  ownerId: string | null;
  city: string | null;
  region: string | null;
  phones: Array<{ number: string }>;
}

/** The contacts domain as calls use it. */
export interface ContactLookup {
  get(projectId: string, contactId: string): Promise<ContactFacts>;
  byPhone(projectId: string, phone: string): Promise<ContactFacts>;
  country(projectId: string): Promise<string>;
}

/** A contact's tasks, from the tasks domain, newest first. */
export type TaskHistory = (projectId: string, contactId: string) => Promise<Array<{ id: string; title: string; status: string; disposition: string | null; agentId: string | null; queueId: string; createdAt: string; completedAt: string | null }>>;

/** Everything the calls domain is built from; services.ts passes the other domains' services. */
export interface CallsDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  telephony: TelephonyHub;
  presence: CallPresence;
  plan: PhonePlan;
  contacts: ContactLookup;
  tasks: TaskHistory;
  numbers?: NumbersLookup;
  wrapUpSeconds: number;
  /** Calls in progress held in memory at most (LIVE_CALLS_MAX). */
  liveCallsMax?: number;
}
