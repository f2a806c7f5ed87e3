import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { DEFAULT_PRIORITY_SETTINGS, scoreTask, type PriorityQueueSettings } from '../tasks/priority.ts';
import { callableAt, nextCallable } from './hours.ts';
import type { CampaignRun, HopperLead } from './live.ts';

/** Candidates read per refill; leads outside their hours are parked until they open, so the window moves on. */
const SCAN = 1000;

/** How many dialable leads a running campaign keeps ready: twice its lines, at least 50. */
export const hopperSize = (maxLines: number): number => Math.max(50, 2 * maxLines);

/**
 * Refills the campaign's hopper: leads that are ready (or due for a retry), not reserved for a preview, whose
 * number was not abandoned within the cooldown (any campaign of the project), inside their own local calling
 * hours, ordered by the routing engine's priority model (value, age, SLA) with the campaign queue's weights.
 * Leads outside their hours get `next_attempt_at` = when their hours open, so they wait without being re-read.
 */
export async function refillHopper(db: Db, run: CampaignRun, now: number, priority: PriorityQueueSettings = DEFAULT_PRIORITY_SETTINGS): Promise<void> {
  const c = run.campaign;
  const cooldownFrom = new Date(now - c.abandonCooldownHours * 3_600_000);
  const rows = await db.selectFrom('leads as l').select(['l.id', 'l.phone', 'l.name', 'l.contact_id', 'l.value', 'l.details', 'l.timezone', 'l.created_at'])
    .where('l.campaign_id', '=', c.id).where('l.status', 'in', ['ready', 'retry'])
    .where((eb) => eb.or([eb('l.next_attempt_at', 'is', null), eb('l.next_attempt_at', '<=', new Date(now))]))
    .where((eb) => eb.or([eb('l.reserved_until', 'is', null), eb('l.reserved_until', '<', new Date(now))]))
    .where(({ not, exists }) => not(exists(sql`(SELECT 1 FROM lead_attempts a WHERE a.project_id = ${c.projectId} AND a.phone = l.phone AND a.outcome = 'abandoned' AND a.at > ${cooldownFrom})`)))
    .orderBy('l.next_attempt_at', 'asc').orderBy('l.created_at').limit(SCAN).execute();
  const ready: HopperLead[] = [];
  const parked: Array<{ id: string; at: number | null }> = [];
  for (const r of rows) {
    if (!callableAt(c.callingHours, r.timezone, now)) {
      parked.push({ id: r.id, at: nextCallable(c.callingHours, r.timezone, now) });
      continue;
    }
    const value = Number(r.value);
    const score = scoreTask({ value, createdAt: r.created_at.getTime(), dueAt: null, requiredSkills: {} }, priority, null, now).total;
    ready.push({ id: r.id, phone: r.phone, name: r.name, contactId: r.contact_id, value, details: r.details as Record<string, unknown>, timezone: r.timezone, score });
  }
  await park(db, parked, now);
  ready.sort((a, b) => b.score - a.score);
  run.hopper = ready.slice(0, hopperSize(c.maxLines));
  run.hopperAt = now;
}

/** Leads outside their hours wait for them (a week when the hours never open for them). */
async function park(db: Db, parked: Array<{ id: string; at: number | null }>, now: number): Promise<void> {
  const groups = new Map<number, string[]>();
  for (const p of parked) {
    const at = p.at ?? now + 7 * 86_400_000;
    groups.set(at, [...(groups.get(at) ?? []), p.id]);
  }
  for (const [at, ids] of groups) {
    await db.updateTable('leads').set({ next_attempt_at: new Date(at), updated_at: new Date(now) }).where('id', 'in', ids).where('status', 'in', ['ready', 'retry']).execute();
  }
}
