import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';

export interface StatsQuery {
  from: Date;
  to: Date;
  /** A task created for the caller's contact this many days after a tracked call counts as that call's lead. */
  attributionDays: number;
  /** Dispositions that mean the deal was won; those tasks' values are the revenue. */
  won: string[];
  groupBy: 'source' | 'campaign' | 'number';
}

export interface SourceStats {
  source: string;
  campaign: string | null;
  number: string | null;
  calls: number;
  answered: number;
  missed: number;
  leads: number;
  won: number;
  revenue: number;
}

const keyColumn = { source: sql`t.source`, campaign: sql`t.source || ' / ' || t.campaign`, number: sql`t.number` } as const;

/**
 * Marketing figures per source (or campaign, or number) for inbound calls to tracking numbers started in
 * [from, to). Leads are tasks created for the caller (their contact, or a task phone equal to the calling
 * number) within the attribution window after a tracked call; a task following several tracked calls goes
 * to the latest one before it (last touch). Revenue is the value of those leads completed with a won disposition. Missed = ended and not answered.
 */
export async function trackingStats(db: Db, projectId: string, q: StatsQuery): Promise<SourceStats[]> {
  const key = keyColumn[q.groupBy];
  const window = sql`make_interval(days => ${q.attributionDays})`;
  const { rows } = await sql<{ key: string; source: string; campaign: string | null; number: string | null; calls: number; answered: number; missed: number; leads: number; won: number; revenue: number }>`
    WITH tracked AS (
      SELECT c.id, c.contact_id, c.from_number, c.started_at, c.outcome, ${key} AS key, t.source,
             ${q.groupBy === 'source' ? sql`NULL::text` : sql`t.campaign`} AS campaign,
             ${q.groupBy === 'number' ? sql`t.number` : sql`NULL::text`} AS number
      FROM calls c JOIN tracking_numbers t ON t.id = c.tracking_number_id AND t.project_id = c.project_id
      WHERE c.project_id = ${projectId} AND c.direction = 'inbound' AND c.started_at >= ${q.from} AND c.started_at < ${q.to}
    ),
    recent AS (
      SELECT id, value, status, disposition, contact_id, phones, created_at FROM tasks
      WHERE project_id = ${projectId} AND created_at >= ${q.from} AND created_at < ${q.to}::timestamptz + ${window}
    ),
    touches AS (
      SELECT k.id, k.value, k.status, k.disposition, tr.key, tr.started_at
      FROM recent k JOIN tracked tr ON tr.contact_id = k.contact_id
      WHERE k.created_at >= tr.started_at AND k.created_at < tr.started_at + ${window}
      UNION ALL
      SELECT k.id, k.value, k.status, k.disposition, tr.key, tr.started_at
      FROM recent k CROSS JOIN LATERAL unnest(k.phones) AS ph(phone) JOIN tracked tr ON tr.from_number = ph.phone
      WHERE k.created_at >= tr.started_at AND k.created_at < tr.started_at + ${window}
    ),
    leads AS (
      SELECT DISTINCT ON (id) id, value, status, disposition, key FROM touches ORDER BY id, started_at DESC
    ),
    per_lead AS (
      SELECT key, count(*)::int AS leads,
             count(*) FILTER (WHERE status IN ('wrap_up', 'done') AND disposition = ANY(${q.won}::text[]))::int AS won,
             coalesce(sum(value) FILTER (WHERE status IN ('wrap_up', 'done') AND disposition = ANY(${q.won}::text[])), 0)::float8 AS revenue
      FROM leads GROUP BY key
    ),
    per_call AS (
      SELECT key, min(source) AS source, min(campaign) AS campaign, min(number) AS number, count(*)::int AS calls,
             count(*) FILTER (WHERE outcome = 'answered')::int AS answered,
             count(*) FILTER (WHERE outcome IS NOT NULL AND outcome <> 'answered')::int AS missed
      FROM tracked GROUP BY key
    )
    SELECT c.key, c.source, c.campaign, c.number, c.calls, c.answered, c.missed,
           coalesce(l.leads, 0) AS leads, coalesce(l.won, 0) AS won, coalesce(l.revenue, 0) AS revenue
    FROM per_call c LEFT JOIN per_lead l ON l.key = c.key
    ORDER BY c.calls DESC, c.key`.execute(db);
  return rows.map(({ key: _key, ...r }) => ({ ...r, revenue: Number(r.revenue) }));
}

/** Sums the rows into the "all sources" line of the table. */
export function totals(rows: readonly SourceStats[]) {
  const sum = (k: 'calls' | 'answered' | 'missed' | 'leads' | 'won' | 'revenue') => rows.reduce((s, r) => s + r[k], 0);
  return { calls: sum('calls'), answered: sum('answered'), missed: sum('missed'), leads: sum('leads'), won: sum('won'), revenue: sum('revenue') };
}
