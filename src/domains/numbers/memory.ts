import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus, EventMap } from '../../platform/events/bus.ts';
import { indexPools, pickCallerId, type CallerIdChoice, type PoolIndex } from './caller-id.ts';
import { e164, emptyNumbers, type ProjectNumbers } from './model.ts';
import { callCost, priceOf, rankTrunks, type TrunkOption } from './pricing.ts';
import { numbersRepo } from './repo.ts';

interface Loaded {
  data: ProjectNumbers;
  index: PoolIndex;
}

export interface CallerIdQuery {
  phone: string;
  city?: string | null;
  region?: string | null;
}

/**
 * Every project's caller ID pools, tracking numbers and trunk prices in memory, so the questions asked
 * while a call is being placed or routed are answered synchronously. A change made in this process reloads
 * its project before the API answers; other processes reload on the `numbers.changed` event. Lines in use
 * per trunk are counted from `call.originated` (with a trunk) until `call.ended`.
 */
export class NumbersMemory {
  private readonly projects = new Map<string, Loaded>();
  private readonly turns = new Map<string, number>();
  private readonly callTrunk = new Map<string, string>();
  private readonly lines = new Map<string, number>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly applied = new Map<string, number>();
  private reads = 0;
  private readonly off: () => void;

  constructor(
    private readonly deps: { db: Db; bus: EventBus; log: Logger; defaultCountry: (projectId: string) => Promise<string> },
  ) {
    this.off = deps.bus.subscribe((e, meta) => {
      if (e.type === 'numbers.changed' && !meta.local) this.load(e.projectId);
      else if (!this.projects.has(e.projectId)) this.load(e.projectId);
      if (e.type === 'call.originated') {
        const p = e.payload as EventMap['call.originated'];
        this.lineTaken(p.callId, p.trunkId);
      }
      if (e.type === 'call.ended') this.lineFreed((e.payload as EventMap['call.ended']).callId);
    });
  }

  async start(): Promise<void> {
    for (const id of await numbersRepo.projectIds(this.deps.db)) await this.reload(id);
  }

  close(): void {
    this.off();
  }

  /** Loads a project in the background: one this process has not seen yet (say, seeded after start), or changed elsewhere. */
  private load(projectId: string): void {
    if (this.loading.has(projectId)) return;
    const work = this.reload(projectId)
      .catch((err) => this.deps.log.error({ err, projectId }, 'numbers reload failed'))
      .finally(() => this.loading.delete(projectId));
    this.loading.set(projectId, work);
  }

  /** Re-reads one project's numbers; the snapshot is replaced whole, never by an older read that finishes later. */
  async reload(projectId: string): Promise<void> {
    const { db } = this.deps;
    const mine = ++this.reads;
    const [country, pools, tracking, trunks, prices] = await Promise.all([
      this.deps.defaultCountry(projectId),
      numbersRepo.pools(db, projectId),
      numbersRepo.tracking(db, projectId),
      numbersRepo.trunks(db, projectId),
      numbersRepo.prices(db, projectId),
    ]);
    const data: ProjectNumbers = {
      country,
      pools,
      tracking: new Map(tracking.map((t) => [t.number, t])),
      trunks: trunks.map((trunk) => ({ trunk, prices: new Map((prices.get(trunk.id) ?? []).map((p) => [p.prefix, p])) })),
    };
    if ((this.applied.get(projectId) ?? 0) > mine) return;
    this.applied.set(projectId, mine);
    this.projects.set(projectId, { data, index: indexPools(pools) });
  }

  private get(projectId: string): Loaded {
    const loaded = this.projects.get(projectId);
    if (loaded) return loaded;
    this.load(projectId);
    return { data: emptyNumbers('CZ'), index: indexPools([]) };
  }

  /** The number as E.164 in the project's country, or undefined for a malformed or anonymous one. */
  normalise(projectId: string, phone: string): string | undefined {
    const loaded = this.projects.get(projectId);
    if (!loaded) this.load(projectId);
    return loaded ? e164(phone, loaded.data.country) : undefined;
  }

  /** The local caller ID for a call to this customer, using the pool's numbers in turn. */
  callerIdFor(projectId: string, q: CallerIdQuery): CallerIdChoice | null {
    return this.pick(projectId, q, true);
  }

  /** What `callerIdFor` would answer now, without using up a turn. */
  previewCallerId(projectId: string, q: CallerIdQuery): CallerIdChoice | null {
    return this.pick(projectId, q, false);
  }

  private pick(projectId: string, q: CallerIdQuery, advance: boolean): CallerIdChoice | null {
    const { index } = this.get(projectId);
    const where = { phone: this.normalise(projectId, q.phone), city: q.city, region: q.region };
    return pickCallerId(index, where, (poolId) => {
      const n = this.turns.get(poolId) ?? 0;
      if (advance) this.turns.set(poolId, n + 1);
      return n;
    });
  }

  /** Trunks able to carry the call, cheapest first; empty when the number is malformed or nobody prices it. */
  trunksFor(projectId: string, phone: string): TrunkOption[] {
    const number = this.normalise(projectId, phone);
    return number ? rankTrunks(this.get(projectId).data.trunks, number, (id) => this.lines.get(id) ?? 0) : [];
  }

  /** The cost of a call on a trunk by that trunk's price list and billing increments; null when it has no price for the number. */
  cost(projectId: string, call: { trunkId: string; phone: string; seconds: number }) {
    const number = this.normalise(projectId, call.phone);
    const entry = this.get(projectId).data.trunks.find((t) => t.trunk.id === call.trunkId);
    const price = number && entry ? priceOf(entry.prices, number) : undefined;
    if (!entry || !price) return null;
    return { ...callCost(price, entry.trunk, call.seconds), currency: entry.trunk.currency, prefix: price.prefix };
  }

  /** The advertised number a caller dialled, with its source and campaign; null when it is not a tracking number. */
  trackingNumberFor(projectId: string, dialled: string) {
    const number = this.normalise(projectId, dialled);
    const t = number ? this.get(projectId).data.tracking.get(number) : undefined;
    return t ? { trackingNumberId: t.id, source: t.source, campaign: t.campaign, number: t.number } : null;
  }

  linesInUse(trunkId: string): number {
    return this.lines.get(trunkId) ?? 0;
  }

  private lineTaken(callId: string, trunkId: string | null): void {
    if (!trunkId || this.callTrunk.has(callId)) return;
    this.callTrunk.set(callId, trunkId);
    this.lines.set(trunkId, (this.lines.get(trunkId) ?? 0) + 1);
  }

  private lineFreed(callId: string): void {
    const trunkId = this.callTrunk.get(callId);
    if (!trunkId) return;
    this.callTrunk.delete(callId);
    this.lines.set(trunkId, Math.max(0, (this.lines.get(trunkId) ?? 1) - 1));
  }
}
