import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { RoutingEngine } from '../tasks/engine.ts';
import type { TelephonyHub } from '../../telephony/hub.ts';

/** The part of the numbers domain the dialer asks (optional: without it the PBX's defaults apply). */
export interface NumbersPort {
  callerIdFor(projectId: string, q: { phone: string; city?: string; region?: string }): { number: string } | null;
  trunksFor(projectId: string, phone: string): Array<{ trunkId: string; name: string }>;
}

/** A clock the tests can move by hand; the runner never reads Date.now() itself. */
export interface Clock {
  now(): number;
}

/** Everything the campaigns domain works with, passed in by services.ts. */
export interface CampaignDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  routing: RoutingEngine;
  telephony: TelephonyHub;
  numbers?: () => NumbersPort | undefined;
  clock: Clock;
}
