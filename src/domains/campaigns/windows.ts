import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/db.ts';
import type { AbandonWindow } from '../dialer/pacing.ts';
import type { AbandonWindowName } from './model.ts';

/** Answered-by-a-person and abandoned counts of one window; rate = abandoned / answered (0 when none). */
export interface WindowCount {
  answered: number;
  abandoned: number;
  rate: number;
}

const DAY = 86_400_000;

/** Where each compliance window starts at `now`: local midnight (project zone), 24 h and 30 days back. */
export function windowStarts(now: number, zone: string): Record<AbandonWindowName, number> {
  return { today: DateTime.fromMillis(now, { zone }).startOf('day').toMillis(), '24h': now - DAY, '30d': now - 30 * DAY };
}

const rate = (answered: number, abandoned: number) => (answered > 0 ? abandoned / answered : 0);

/**
 * The three windows of one campaign from its attempts, in one query. A person answered = connected to an
 * agent (`human`) or abandoned; the rate is abandoned / answered by a person (docs/campaigns.md).
 */
export async function countWindows(db: Db, campaignId: string, now: number, zone: string): Promise<Record<AbandonWindowName, WindowCount> & { dialsToday: number; machineToday: number }> {
  const s = windowStarts(now, zone);
  const at = (ms: number) => new Date(ms);
  const r = await sql<Record<string, string>>`
    SELECT
      count(*) FILTER (WHERE outcome IN ('human','abandoned') AND at >= ${at(s.today)}) AS ans_today,
      count(*) FILTER (WHERE outcome = 'abandoned' AND at >= ${at(s.today)}) AS ab_today,
      count(*) FILTER (WHERE outcome IN ('human','abandoned') AND at >= ${at(s['24h'])}) AS ans_24h,
      count(*) FILTER (WHERE outcome = 'abandoned' AND at >= ${at(s['24h'])}) AS ab_24h,
      count(*) FILTER (WHERE outcome IN ('human','abandoned')) AS ans_30d,
      count(*) FILTER (WHERE outcome = 'abandoned') AS ab_30d,
      count(*) FILTER (WHERE outcome = 'dialled' AND at >= ${at(s.today)}) AS dials_today,
      count(*) FILTER (WHERE outcome = 'machine' AND at >= ${at(s.today)}) AS machine_today
    FROM lead_attempts WHERE campaign_id = ${campaignId} AND at >= ${at(s['30d'])} AND at <= ${at(now)}`.execute(db);
  const n = (k: string) => Number(r.rows[0]?.[k] ?? 0);
  const w = (a: string, b: string): WindowCount => ({ answered: n(a), abandoned: n(b), rate: rate(n(a), n(b)) });
  return { today: w('ans_today', 'ab_today'), '24h': w('ans_24h', 'ab_24h'), '30d': w('ans_30d', 'ab_30d'), dialsToday: n('dials_today'), machineToday: n('machine_today') };
}

/** The configured windows as the pacing policy reads them (it steers by the strictest). */
export function pacingWindows(counts: Record<AbandonWindowName, WindowCount>, names: readonly AbandonWindowName[], target: number): AbandonWindow[] {
  return names.map((name) => ({ target, answered: counts[name].answered, abandoned: counts[name].abandoned }));
}
