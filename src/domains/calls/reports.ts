import { DateTime } from 'luxon';
import { AppError } from '../../platform/errors.ts';
import type { Viewer } from './control.ts';
import { stateOf, type CallRow } from './model.ts';
import type { Calls } from './index.ts';
import { callsRepo, type CallFilter } from './repo.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The API shape of a call record. `agentId` is the person's users.id. */
export function present(r: CallRow) {
  return {
    id: r.id, callId: r.pbx_call_id, adapter: r.adapter, direction: r.direction, state: stateOf(r), from: r.from_number, to: r.to_number,
    contactId: r.contact_id, agentId: r.agent_id, ruleId: r.rule_id, ruleName: r.rule_name, trackingNumberId: r.tracking_number_id,
    campaignId: r.campaign_id, leadId: r.lead_id, taskId: r.task_id, callerId: r.caller_id, trunkId: r.trunk_id,
    startedAt: r.started_at.toISOString(), answeredAt: iso(r.answered_at), endedAt: iso(r.ended_at), outcome: r.outcome, endCause: r.end_cause,
    answeredBy: r.answered_by, talkSeconds: r.talk_seconds, durationSeconds: r.duration_seconds, disposition: r.disposition,
    recordingUrl: r.recording_url, cost: r.cost === null ? null : Number(r.cost), currency: r.currency,
  };
}

/** The short shape of a live call for the desktop and the supervisor wallboard. */
export function presentLive(r: CallRow) {
  return {
    id: r.id, callId: r.pbx_call_id, direction: r.direction, from: r.from_number, to: r.to_number, contactId: r.contact_id, agentId: r.agent_id,
    state: stateOf(r) as 'ringing' | 'talking' | 'held', startedAt: r.started_at.toISOString(), answeredAt: iso(r.answered_at),
  };
}

/**
 * A time bound from the API: a calendar day (YYYY-MM-DD) in the project's time zone, or an instant (ISO 8601).
 * `end` makes a day bound exclusive at the next midnight, so from=to=one day means that whole day.
 */
export function bound(text: string, timezone: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: timezone });
    if (!day.isValid) throw new AppError('VALIDATION_FAILED', `"${text}" is not a date`, [{ field: end ? 'to' : 'from', message: 'not a date' }]);
    return (end ? day.plus({ days: 1 }) : day).toJSDate();
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new AppError('VALIDATION_FAILED', `"${text}" is neither a date (YYYY-MM-DD) nor a time (ISO 8601)`, [{ field: end ? 'to' : 'from', message: 'not a date' }]);
  return new Date(ms);
}

export interface ListQuery extends Omit<CallFilter, 'from' | 'to'> {
  from?: string;
  to?: string;
}

/** Calls newest first with paging; agents see only their own calls. */
export async function listCalls(calls: Calls, projectId: string, q: ListQuery, v: Viewer) {
  const { deps } = calls;
  const tz = await deps.plan.timezone(projectId);
  const own = v.all ? q.agentId : (v.userId ?? '00000000-0000-0000-0000-000000000000');
  if (!v.all && q.agentId && q.agentId !== v.userId) return { items: [], total: 0, limit: q.limit, offset: q.offset };
  const { items, total } = await calls.list(projectId, {
    ...q, agentId: own, from: q.from ? bound(q.from, tz, false) : undefined, to: q.to ? bound(q.to, tz, true) : undefined,
  });
  return { items: items.map(present), total, limit: q.limit, offset: q.offset };
}

/** Calls in progress: every one for supervisors, their own for agents. */
export async function liveCalls(calls: Calls, projectId: string, v: Viewer) {
  if (!v.all && !v.userId) return [];
  return calls.live(projectId, v.all ? undefined : v.userId!).map(presentLive);
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);
const money = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * per day in the project's time zone: calls, handled (answered by a person), missed (inbound not
 * answered, sent to voicemail, or abandoned by the dialer), the missed share of calls that wanted a person,
 * talk time and cost. Every day of the range is listed, quiet days with zeros.
 */
export async function callStats(calls: Calls, projectId: string, q: { from?: string; to?: string }) {
  const { deps } = calls;
  const tz = await deps.plan.timezone(projectId);
  const today = DateTime.now().setZone(tz).toISODate()!;
  const to = bound(q.to ?? today, tz, true);
  const from = bound(q.from ?? DateTime.fromJSDate(to, { zone: tz }).minus({ days: 30 }).toISODate()!, tz, false);
  if (to <= from) throw new AppError('VALIDATION_FAILED', '"to" must be after "from"', [{ field: 'to', message: 'before from' }]);
  if (to.getTime() - from.getTime() > 400 * 86_400_000) throw new AppError('VALIDATION_FAILED', 'At most 400 days at once', [{ field: 'from', message: 'range too long' }]);
  const [rows, currency] = await Promise.all([callsRepo.perDay(deps.db, projectId, from, to, tz), callsRepo.currency(deps.db, projectId, from, to)]);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: Array<{ day: string; calls: number; handled: number; missed: number; missedShare: number; talkSeconds: number; cost: number }> = [];
  let reach = 0;
  for (let d = DateTime.fromJSDate(from, { zone: tz }).startOf('day'); d.toJSDate() < to; d = d.plus({ days: 1 })) {
    const r = byDay.get(d.toISODate()!);
    reach += r?.reach ?? 0;
    days.push({
      day: d.toISODate()!, calls: r?.calls ?? 0, handled: r?.handled ?? 0, missed: r?.missed ?? 0,
      missedShare: share(r?.missed ?? 0, r?.reach ?? 0), talkSeconds: r?.talk ?? 0, cost: money(Number(r?.cost ?? 0)),
    });
  }
  const sum = (k: 'calls' | 'handled' | 'missed' | 'talkSeconds' | 'cost') => days.reduce((n, d) => n + d[k], 0);
  const totals = { calls: sum('calls'), handled: sum('handled'), missed: sum('missed'), missedShare: share(sum('missed'), reach), talkSeconds: sum('talkSeconds'), cost: money(sum('cost')) };
  return { timezone: tz, from: from.toISOString(), to: to.toISOString(), currency, days, totals };
}

/**
 * What the card shows under "history": the contact's calls and tasks, newest first. Agents see the history of
 * contacts they handle (owner, or a call or task of theirs with the contact); others get 404 as for a stranger.
 */
export async function contactHistory(records: Calls, projectId: string, contactId: string, v: Viewer, limit = 50) {
  const { deps } = records;
  const contact = await deps.contacts.get(projectId, contactId);
  const [calls, tasks] = await Promise.all([records.list(projectId, { contactId, limit, offset: 0 }), deps.tasks(projectId, contactId)]);
  if (!v.all) {
    const mine = async () => {
      if (!v.userId) return false;
      if (contact.ownerId === v.userId || calls.items.some((c) => c.agent_id === v.userId)) return true;
      if (await records.hasCallWith(projectId, contactId, v.userId)) return true;
      const people = await Promise.all(tasks.filter((t) => t.agentId).map((t) => deps.presence.personOf(projectId, t.agentId!)));
      return people.includes(v.userId);
    };
    if (!(await mine())) throw new AppError('CONTACT_NOT_FOUND', 'Contact not found');
  }
  const items = [
    ...calls.items.map((c) => ({ type: 'call' as const, at: c.started_at.toISOString(), ...present(c) })),
    ...tasks.slice(0, limit).map((t) => ({ type: 'task' as const, at: t.completedAt ?? t.createdAt, ...t })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
