import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { nextOpen } from './calendar.ts';
import type { DecisionTrace } from './choose.ts';
import type { RoutingEngine } from './engine.ts';
import { toTask } from './repo.ts';
import type { ProjectState } from './state.ts';

/** What the lead API, CSV and the UI send for one task. Times are ISO strings with an offset. */
export interface TaskInput {
  queueId: string;
  externalId?: string;
  title?: string;
  phones?: string[];
  value?: number;
  dueAt?: string;
  scheduledAt?: string;
  ttlSeconds?: number;
  ownerAgentId?: string;
  requiredSkills?: Record<string, number>;
  details?: Record<string, unknown>;
  contactId?: string;
}

function e164(raw: string, country: string, index: number): string {
  const p = parsePhoneNumberFromString(raw, country as CountryCode);
  if (!p?.isValid()) throw new AppError('INVALID_PHONE', `Not a valid phone number: ${raw}`, { index, phone: raw });
  return p.number;
}

/** Checks one input against the project's state and turns it into a row; throws with the item's index. */
function toRow(ps: ProjectState, t: TaskInput, index: number, now: number) {
  const q = ps.queues.get(t.queueId);
  if (!q) throw new AppError('QUEUE_NOT_FOUND', `Unknown queue ${t.queueId}`, { index });
  if (t.ownerAgentId && !ps.agents.has(t.ownerAgentId)) throw new AppError('OWNER_NOT_AGENT', 'The owner is not an agent of this project', { index, ownerAgentId: t.ownerAgentId });
  let eligibleAt: number | null = null;
  if (t.scheduledAt) {
    const at = Date.parse(t.scheduledAt);
    if (at <= now) throw new AppError('SCHEDULE_IN_PAST', 'scheduledAt must be in the future', { index });
    eligibleAt = nextOpen({ ...q.settings, timezone: q.timezone }, at);
    if (eligibleAt === null) throw new AppError('OUTSIDE_BUSINESS_HOURS', 'The queue never opens after scheduledAt', { index });
  }
  return {
    project_id: ps.id, queue_id: q.id, external_id: t.externalId ?? null, title: t.title ?? '',
    phones: (t.phones ?? []).map((p) => e164(p, ps.defaultCountry, index)), value: t.value ?? 0,
    due_at: t.dueAt ? new Date(t.dueAt) : null, scheduled_at: t.scheduledAt ? new Date(t.scheduledAt) : null,
    eligible_at: eligibleAt ? new Date(eligibleAt) : null, expires_at: t.ttlSeconds ? new Date(now + t.ttlSeconds * 1000) : null,
    owner_agent_id: t.ownerAgentId ?? null, required_skills: JSON.stringify(t.requiredSkills ?? {}), details: JSON.stringify(t.details ?? {}),
    contact_id: t.contactId ?? null, created_at: new Date(now), updated_at: new Date(now),
  };
}

/**
 * Creates tasks (one or a bulk of up to 1000) all-or-nothing: every item is validated first, then they are
 * inserted in one transaction, then put in memory and announced; the engine offers them at once.
 */
export async function createTasks(eng: RoutingEngine, ps: ProjectState, inputs: TaskInput[], actor: Actor) {
  const now = eng.now();
  const rows = inputs.map((t, i) => toRow(ps, t, i, now));
  const inserted = await eng.deps.db.transaction().execute(async (tx) => {
    const out = [];
    for (let i = 0; i < rows.length; i += 1000) {
      out.push(...(await tx.insertInto('tasks').values(rows.slice(i, i + 1000)).returningAll().execute().catch((err: { code?: string }) => {
        if (err.code === '23505') throw new AppError('EXTERNAL_ID_DUPLICATE', 'A task with this externalId already exists');
        throw err;
      })));
    }
    await recordAudit(tx, { projectId: ps.id, actor, action: 'tasks.create', entity: 'task', entityId: out.length === 1 ? out[0]!.id : undefined, details: { count: out.length } });
    return out;
  });
  for (const r of inserted) {
    const t = toTask(r);
    ps.index.upsert(t, now);
    ps.fresh.add(t.id);
    eng.armTask(ps, t);
    eng.deps.bus.publish(ps.id, 'task.created', { taskId: t.id, queueId: t.queueId, value: t.value, eligibleAt: r.eligible_at?.toISOString() ?? null, ownerAgentId: t.ownerAgentId });
  }
  eng.kick(ps);
  return inserted.map(present);
}

type Row = Parameters<typeof toTask>[0];

/** The API shape of a task row. */
export function present(r: Row) {
  return {
    id: r.id, queueId: r.queue_id, status: r.status, externalId: r.external_id, title: r.title, phones: r.phones, value: Number(r.value),
    dueAt: r.due_at?.toISOString() ?? null, scheduledAt: r.scheduled_at?.toISOString() ?? null, eligibleAt: r.eligible_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null, ownerAgentId: r.owner_agent_id, agentId: r.agent_id, offerId: r.offer_id,
    requiredSkills: r.required_skills as Record<string, number>, details: r.details as Record<string, unknown>, contactId: r.contact_id, disposition: r.disposition, notes: r.notes,
    attempts: r.attempts, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), completedAt: r.completed_at?.toISOString() ?? null,
  };
}

/** Filters of the task list. */
export interface TaskFilter {
  status?: string;
  queueId?: string;
  agentId?: string;
  contactId?: string;
  limit: number;
  offset: number;
}

/** Tasks of a project, newest first, from the database (closed ones included). */
export async function listTasks(eng: RoutingEngine, projectId: string, f: TaskFilter) {
  let q = eng.deps.db.selectFrom('tasks').selectAll().where('project_id', '=', projectId);
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.queueId) q = q.where('queue_id', '=', f.queueId);
  if (f.agentId) q = q.where('agent_id', '=', f.agentId);
  if (f.contactId) q = q.where('contact_id', '=', f.contactId);
  const rows = await q.orderBy('created_at', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(present) };
}

/** One task with every offer made for it and each offer's decision trace. */
export async function getTask(eng: RoutingEngine, projectId: string, taskId: string) {
  const { db } = eng.deps;
  const r = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).where('project_id', '=', projectId).executeTakeFirst();
  if (!r) throw new AppError('TASK_NOT_FOUND', 'Task not found');
  const offers = await db.selectFrom('task_offers').selectAll().where('task_id', '=', taskId).orderBy('offered_at').execute();
  return {
    ...present(r),
    offers: offers.map((o) => ({
      id: o.id, agentId: o.agent_id, offeredAt: o.offered_at.toISOString(), expiresAt: o.expires_at?.toISOString() ?? null,
      outcome: o.outcome, decidedAt: o.decided_at?.toISOString() ?? null, trace: o.trace as DecisionTrace,
    })),
  };
}
