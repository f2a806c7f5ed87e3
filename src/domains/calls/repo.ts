import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/schema.ts';
import { callRecordId } from './live.ts';
import type { CallPatch, CallRow } from './model.ts';

type Tx = Transaction<Database> | Db;

/** Filters of the call list; `agentId` is a users.id. */
export interface CallFilter {
  from?: Date;
  to?: Date;
  direction?: 'inbound' | 'outbound';
  agentId?: string;
  outcome?: string;
  contactId?: string;
  limit: number;
  offset: number;
}

/** SQL of the calls table; every query is scoped by project. */
export const callsRepo = {
  /** Opens the record (created when unknown) and locks it for one event's update. */
  async lockOrCreate(tx: Tx, projectId: string, pbxCallId: string, at: Date): Promise<{ row: CallRow; created: boolean }> {
    const made = await tx
      .insertInto('calls')
      .values({ id: callRecordId(projectId, pbxCallId), project_id: projectId, pbx_call_id: pbxCallId, started_at: at })
      .onConflict((oc) => oc.columns(['project_id', 'pbx_call_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const row = await tx.selectFrom('calls').selectAll().where('project_id', '=', projectId).where('pbx_call_id', '=', pbxCallId).forUpdate().executeTakeFirstOrThrow();
    return { row, created: !!made };
  },

  async update(tx: Tx, id: string, patch: CallPatch): Promise<CallRow> {
    return tx.updateTable('calls').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  get(db: Tx, projectId: string, id: string): Promise<CallRow | undefined> {
    return db.selectFrom('calls').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  },

  byPbxId(db: Tx, projectId: string, pbxCallId: string): Promise<CallRow | undefined> {
    return db.selectFrom('calls').selectAll().where('project_id', '=', projectId).where('pbx_call_id', '=', pbxCallId).executeTakeFirst();
  },

  /** A page of the table's calls; `except` leaves out records shown from memory instead. */
  async list(db: Db, projectId: string, f: CallFilter, except: string[] = []): Promise<{ items: CallRow[]; total: number }> {
    let q = db.selectFrom('calls').where('project_id', '=', projectId);
    if (except.length) q = q.where('id', 'not in', except);
    if (f.from) q = q.where('started_at', '>=', f.from);
    if (f.to) q = q.where('started_at', '<', f.to);
    if (f.direction) q = q.where('direction', '=', f.direction);
    if (f.agentId) q = q.where('agent_id', '=', f.agentId);
    if (f.outcome) q = q.where('outcome', '=', f.outcome as never);
    if (f.contactId) q = q.where('contact_id', '=', f.contactId);
    const [items, count] = await Promise.all([
      q.selectAll().orderBy('started_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** Calls of every project without an end, started in the last `hours` (a previous process left them live). */
  unfinished(db: Db, hours: number): Promise<CallRow[]> {
    return db.selectFrom('calls').selectAll().where('ended_at', 'is', null).where('started_at', '>', sql<Date>`now() - make_interval(hours => ${hours})`)
      .orderBy('started_at').limit(100_000).execute();
  },

  /** Per day in `timezone`: calls, handled, missed, the calls that count for the missed share, talk time, cost. */
  async perDay(db: Db, projectId: string, from: Date, to: Date, timezone: string) {
    const { rows } = await sql<{ day: string; calls: number; handled: number; missed: number; reach: number; talk: number; cost: string | null }>`
      SELECT to_char(started_at AT TIME ZONE ${timezone}, 'YYYY-MM-DD') AS day,
        count(*)::int AS calls,
        count(*) FILTER (WHERE outcome = 'answered')::int AS handled,
        count(*) FILTER (WHERE outcome IN ('missed', 'voicemail', 'abandoned'))::int AS missed,
        count(*) FILTER (WHERE (direction = 'inbound' AND outcome IS NOT NULL) OR outcome = 'abandoned')::int AS reach,
        coalesce(sum(talk_seconds), 0)::int AS talk,
        sum(cost)::text AS cost
      FROM calls WHERE project_id = ${projectId} AND started_at >= ${from} AND started_at < ${to}
      GROUP BY 1 ORDER BY 1`.execute(db);
    return rows;
  },

  async currency(db: Db, projectId: string, from: Date, to: Date): Promise<string | null> {
    const rows = await db.selectFrom('calls').select('currency').distinct().where('project_id', '=', projectId)
      .where('started_at', '>=', from).where('started_at', '<', to).where('currency', 'is not', null).limit(2).execute();
    return rows.length === 1 ? rows[0]!.currency : null;
  },

  /** Whether this person has talked to or been rung by the contact (agents see such contacts' history). */
  async hasCallWith(db: Db, projectId: string, contactId: string, userId: string): Promise<boolean> {
    const r = await db.selectFrom('calls').select('id').where('project_id', '=', projectId).where('contact_id', '=', contactId).where('agent_id', '=', userId).limit(1).executeTakeFirst();
    return !!r;
  },
};
