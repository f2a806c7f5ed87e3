import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database, TasksTable } from '../../platform/db/schema.ts';
import type { AgentState, Presence } from '../agents/presence.ts';
import { DEFAULT_QUEUE_SETTINGS, type Queue, type QueueSettings, type Task } from './model.ts';

/** Either the pool or an open transaction. */
export type Tx = Transaction<Database> | Db;

/** The agent as the engine keeps it in memory. */
export interface AgentRow {
  id: string;
  userId: string;
  name: string;
  presence: Presence;
  skills: Record<string, number>;
  scoreCap: number | null;
}

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

/** Stored settings merged over the defaults, so new knobs get their default on old queues. */
export function mergeSettings(stored: unknown): QueueSettings {
  const s = (stored ?? {}) as Partial<QueueSettings>;
  return { ...DEFAULT_QUEUE_SETTINGS, ...s, weights: { ...DEFAULT_QUEUE_SETTINGS.weights, ...(s.weights ?? {}) } };
}

/** A task row as the engine's Task (epoch ms). */
export function toTask(r: Selectable<TasksTable>): Task {
  return {
    id: r.id, projectId: r.project_id, queueId: r.queue_id, status: r.status, value: Number(r.value),
    createdAt: r.created_at.getTime(), dueAt: ms(r.due_at), eligibleAt: ms(r.eligible_at), expiresAt: ms(r.expires_at),
    ownerAgentId: r.owner_agent_id, requiredSkills: (r.required_skills ?? {}) as Record<string, number>, agentId: r.agent_id,
  };
}

/** The project's time zone (calendars) and default country (phone numbers). */
export async function projectInfo(db: Tx, projectId: string): Promise<{ timezone: string; defaultCountry: string } | undefined> {
  const r = await db.selectFrom('projects').select(['timezone', 'default_country']).where('id', '=', projectId).executeTakeFirst();
  return r && { timezone: r.timezone, defaultCountry: r.default_country };
}

/** Projects that use routing; loaded at start so their timers resume. */
export async function projectsWithQueues(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('queues').select('project_id').distinct().execute();
  return rows.map((r) => r.project_id);
}

/** Creates an agent row for every member with the agent role who has none yet. */
export async function syncAgents(db: Tx, projectId: string): Promise<void> {
  await sql`INSERT INTO agents (project_id, user_id)
    SELECT m.project_id, m.user_id FROM memberships m WHERE m.project_id = ${projectId} AND m.role = 'agent'
    ON CONFLICT (project_id, user_id) DO NOTHING`.execute(db);
}

/** A project's queues for the engine. */
export async function loadQueues(db: Tx, projectId: string, timezone: string): Promise<Queue[]> {
  const rows = await db.selectFrom('queues').selectAll().where('project_id', '=', projectId).execute();
  return rows.map((r) => ({ id: r.id, projectId, name: r.name, timezone, settings: mergeSettings(r.settings) }));
}

/** A project's agents (or one) with presence, skills and cap, for the engine. */
export async function loadAgents(db: Tx, projectId: string, agentId?: string): Promise<AgentRow[]> {
  let q = db.selectFrom('agents').innerJoin('users', 'users.id', 'agents.user_id')
    .select(['agents.id', 'agents.user_id', 'users.name', 'agents.state', 'agents.state_reason', 'agents.state_since',
      'agents.wrap_up_until', 'agents.current_task_id', 'agents.skills', 'agents.score_cap'])
    .where('agents.project_id', '=', projectId);
  if (agentId) q = q.where('agents.id', '=', agentId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, userId: r.user_id, name: r.name,
    presence: { state: r.state, since: r.state_since.getTime(), reason: r.state_reason, taskId: r.current_task_id, wrapUpUntil: ms(r.wrap_up_until) },
    skills: (r.skills ?? {}) as Record<string, number>, scoreCap: r.score_cap,
  }));
}

/** Open tasks of a project, or the named ones if still open (re-reads after a lost race). */
export async function loadOpenTasks(db: Tx, projectId: string, ids?: string[]): Promise<Task[]> {
  let q = db.selectFrom('tasks').selectAll().where('project_id', '=', projectId).where('status', 'in', ['queued', 'offered', 'accepted', 'wrap_up']);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return (await q.execute()).map(toTask);
}

/** Canonical status strings, so a million rows do not carry a million copies of 'queued'. */
const STATUS: Record<Task['status'], Task['status']> = { queued: 'queued', offered: 'offered', accepted: 'accepted', wrap_up: 'wrap_up', done: 'done', expired: 'expired', cancelled: 'cancelled' };

/**
 * Streams every open task of a project in id order, PAGE rows at a time, with only the columns the engine needs
 * and times as epoch ms, so a rebuild of a million tasks neither builds a million Date objects nor one huge array.
 * Equal required-skill sets share one object.
 */
export async function forEachOpenTask(db: Tx, projectId: string, onTask: (task: LoadedTask) => void, page = 10_000): Promise<void> {
  const skills = new Map<string, Record<string, number>>();
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  const fetch = (after: string) => sql<OpenRow>`
    SELECT id, queue_id, status, value, extract(epoch FROM created_at) * 1000 AS created, extract(epoch FROM due_at) * 1000 AS due,
      extract(epoch FROM eligible_at) * 1000 AS eligible, extract(epoch FROM expires_at) * 1000 AS expires,
      owner_agent_id AS owner, agent_id AS agent, required_skills::text AS skills
    FROM tasks WHERE project_id = ${projectId} AND status IN ('queued', 'offered', 'accepted', 'wrap_up') AND id > ${after}
    ORDER BY id LIMIT ${page}`.execute(db);
  let next = fetch('00000000-0000-0000-0000-000000000000');
  for (;;) {
    const { rows } = await next;
    if (!rows.length) return;
    next = fetch(rows[rows.length - 1]!.id);
    for (const r of rows) {
      let req = skills.get(r.skills);
      if (!req) skills.set(r.skills, (req = JSON.parse(r.skills) as Record<string, number>));
      onTask({ id: r.id, projectId, queueId: r.queue_id, status: STATUS[r.status], value: Number(r.value), createdAt: Number(r.created), dueAt: num(r.due),
        eligibleAt: num(r.eligible), expiresAt: num(r.expires), ownerAgentId: r.owner, requiredSkills: req, agentId: r.agent, gen: 0, where: 'none', phase: 'pre' });
    }
  }
}

/** A loaded task already shaped like the index's entry (pool.ts `Entry`), so a rebuild copies nothing. */
export type LoadedTask = Task & { gen: number; where: 'none'; phase: 'pre' };

interface OpenRow {
  id: string;
  queue_id: string;
  status: Task['status'];
  value: number;
  created: number;
  due: number | null;
  eligible: number | null;
  expires: number | null;
  owner: string | null;
  agent: string | null;
  skills: string;
}

/** Pending offers (to re-arm their timeouts) and past refusals per agent (so a declined task goes elsewhere). */
export async function loadOffers(db: Tx, projectId: string) {
  const rows = await db.selectFrom('task_offers').innerJoin('tasks', 'tasks.id', 'task_offers.task_id')
    .select(['task_offers.id', 'task_offers.task_id', 'task_offers.agent_id', 'task_offers.expires_at', 'task_offers.outcome'])
    .where('task_offers.project_id', '=', projectId)
    .where('tasks.status', 'in', ['queued', 'offered'])
    .where('task_offers.outcome', 'in', ['pending', 'declined', 'timed_out'])
    .execute();
  return rows.map((r) => ({ id: r.id, taskId: r.task_id, agentId: r.agent_id, expiresAt: ms(r.expires_at), outcome: r.outcome }));
}

/** Writes an agent transition if the agent is still in `from` (cross-process guard) and logs it. */
export async function saveAgentState(db: Tx, projectId: string, agentId: string, from: AgentState, p: Presence): Promise<boolean> {
  const r = await db.updateTable('agents')
    .set({ state: p.state, state_reason: p.reason, state_since: new Date(p.since), wrap_up_until: p.wrapUpUntil ? new Date(p.wrapUpUntil) : null, current_task_id: p.taskId })
    .where('id', '=', agentId).where('state', '=', from).returning('id').executeTakeFirst();
  if (!r) return false;
  await db.insertInto('agent_state_changes')
    .values({ project_id: projectId, agent_id: agentId, from_state: from, to_state: p.state, reason: p.reason, at: new Date(p.since) })
    .execute();
  return true;
}
