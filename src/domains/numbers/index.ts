import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { CallerIdChoice } from './caller-id.ts';
import type { NumbersContext } from './context.ts';
import { NumbersMemory, type CallerIdQuery } from './memory.ts';
import { CallerIdPools } from './pools.ts';
import type { TrunkOption } from './pricing.ts';
import { trackingStats, type StatsQuery } from './stats.ts';
import { TrackingNumbers } from './tracking.ts';
import { Trunks } from './trunks.ts';

export type { CallerIdChoice, CallerIdQuery, TrunkOption };

/**
 * The project's phone numbers and what calls cost: caller ID pools (the local number for an outbound
 * call), tracking numbers (which advert a caller dialled) and SIP trunks with price lists. The four
 * questions asked while a call is placed or routed are synchronous and answered from memory.
 */
export function createNumbers(deps: { db: Db; bus: EventBus; log: Logger; defaultCountry: (projectId: string) => Promise<string> }) {
  const memory = new NumbersMemory({ ...deps, log: deps.log.child({ domain: 'numbers' }) });
  const ctx: NumbersContext = { db: deps.db, bus: deps.bus, memory, defaultCountry: deps.defaultCountry };
  return {
    pools: new CallerIdPools(ctx),
    tracking: new TrackingNumbers(ctx),
    trunks: new Trunks(ctx),
    stats: (projectId: string, q: StatsQuery) => trackingStats(deps.db, projectId, q),
    /** The local caller ID for a call to this customer: by city, region, the number's area, else the default pool. */
    callerIdFor: (projectId: string, q: CallerIdQuery): CallerIdChoice | null => memory.callerIdFor(projectId, q),
    /** What callerIdFor would pick, without using up the pool's turn. */
    previewCallerId: (projectId: string, q: CallerIdQuery): CallerIdChoice | null => memory.previewCallerId(projectId, q),
    /** Trunks that can carry the number, cheapest first; the hub fails over down the list. */
    trunksFor: (projectId: string, phone: string): TrunkOption[] => memory.trunksFor(projectId, phone),
    /** A call's cost on a trunk with the trunk's billing increments; null when the trunk has no price for it. */
    cost: (projectId: string, call: { trunkId: string; phone: string; seconds: number }) => memory.cost(projectId, call),
    /** The tracking number a caller dialled, for attributing an inbound call. */
    trackingNumberFor: (projectId: string, dialled: string) => memory.trackingNumberFor(projectId, dialled),
    /** Loads every project's numbers; call before answering calls. */
    start: () => memory.start(),
    stop: () => memory.close(),
  };
}

export type Numbers = ReturnType<typeof createNumbers>;
