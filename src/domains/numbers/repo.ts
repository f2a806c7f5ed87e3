import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { CallerIdPoolsTable, TrackingNumbersTable, TrunkPricesTable, TrunksTable } from '../../platform/db/schema.ts';
import type { CallerIdPool, Price, TrackingNumber, Trunk } from './model.ts';

export const poolOf = (r: Selectable<CallerIdPoolsTable>): CallerIdPool => ({
  id: r.id, name: r.name, cities: r.cities, regions: r.regions, areaPrefixes: r.area_prefixes, numbers: r.numbers, isDefault: r.is_default,
});
export const trackingOf = (r: Selectable<TrackingNumbersTable>): TrackingNumber => ({ id: r.id, number: r.number, source: r.source, campaign: r.campaign });
export const trunkOf = (r: Selectable<TrunksTable>): Trunk => ({
  id: r.id, name: r.name, priority: r.priority, enabled: r.enabled, maxLines: r.max_lines, currency: r.currency,
  firstIncrement: r.first_increment, nextIncrement: r.next_increment,
});
export const priceOfRow = (r: Selectable<TrunkPricesTable>): Price => ({
  prefix: r.prefix, description: r.description, ratePerMinute: Number(r.rate_per_minute), connectionFee: Number(r.connection_fee),
});

/** SQL of the numbers domain. Every query filters by project. */
export const numbersRepo = {
  /** Projects that have any numbers data; the rest start (and stay) empty in memory. */
  async projectIds(db: Db): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT project_id AS id FROM caller_id_pools UNION SELECT project_id FROM tracking_numbers UNION SELECT project_id FROM trunks`.execute(db);
    return rows.map((r) => r.id);
  },

  pools(db: Db, projectId: string) {
    return db.selectFrom('caller_id_pools').selectAll().where('project_id', '=', projectId).orderBy('name').execute().then((rs) => rs.map(poolOf));
  },

  tracking(db: Db, projectId: string) {
    return db.selectFrom('tracking_numbers').selectAll().where('project_id', '=', projectId).orderBy('source').orderBy('number').execute().then((rs) => rs.map(trackingOf));
  },

  trunks(db: Db, projectId: string) {
    return db.selectFrom('trunks').selectAll().where('project_id', '=', projectId).orderBy('priority').orderBy('name').execute().then((rs) => rs.map(trunkOf));
  },

  async prices(db: Db, projectId: string, trunkId?: string): Promise<Map<string, Price[]>> {
    let q = db.selectFrom('trunk_prices').selectAll().where('project_id', '=', projectId);
    if (trunkId) q = q.where('trunk_id', '=', trunkId);
    const out = new Map<string, Price[]>();
    for (const r of await q.orderBy('prefix').execute()) {
      const list = out.get(r.trunk_id) ?? [];
      list.push(priceOfRow(r));
      out.set(r.trunk_id, list);
    }
    return out;
  },

  /** Serialises changes to one project's numbers across processes, so checks over the whole set hold. */
  async lock(tx: Db, projectId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`numbers:${projectId}`}))`.execute(tx);
  },

  async replacePrices(tx: Db, projectId: string, trunkId: string, prices: readonly Price[]): Promise<void> {
    await tx.deleteFrom('trunk_prices').where('project_id', '=', projectId).where('trunk_id', '=', trunkId).execute();
    for (let i = 0; i < prices.length; i += 2000) {
      const chunk = prices.slice(i, i + 2000).map((p) => ({
        project_id: projectId, trunk_id: trunkId, prefix: p.prefix, description: p.description, rate_per_minute: p.ratePerMinute, connection_fee: p.connectionFee,
      }));
      await tx.insertInto('trunk_prices').values(chunk).execute();
    }
  },
};

/** A unique or foreign-key violation's constraint name, for turning races into the pre-check's error. */
export function pgConstraint(err: unknown, code: '23505' | '23503'): string | undefined {
  const e = err as { code?: string; constraint?: string };
  return e.code === code ? e.constraint : undefined;
}
