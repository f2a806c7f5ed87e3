import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { RoutingEngine } from './engine.ts';
import type { QueueSettings } from './model.ts';
import { mergeSettings } from './repo.ts';
import type { ProjectState } from './state.ts';
import { effectiveDueAt, rampStartAt, type PriorityWeights } from './priority.ts';

/** What a supervisor sends to create or change a queue; settings are partial and merge. */
export interface QueueInput {
  name: string;
  vertical?: string;
  taskType?: string;
  settings?: Partial<Omit<QueueSettings, 'weights'>> & { weights?: Partial<PriorityWeights> };
}

function present(ps: ProjectState, r: { id: string; name: string; vertical: string; task_type: string; settings: unknown; created_at: Date }) {
  return { id: r.id, name: r.name, vertical: r.vertical, taskType: r.task_type, timezone: ps.timezone, settings: mergeSettings(r.settings), createdAt: r.created_at.toISOString() };
}

const taken = (err: { code?: string }) => {
  if (err.code === '23505') throw new AppError('QUEUE_NAME_TAKEN', 'A queue with this name already exists');
  throw err;
};

/** The project's queues with their settings merged over the defaults. */
export async function listQueues(eng: RoutingEngine, ps: ProjectState) {
  const rows = await eng.deps.db.selectFrom('queues').selectAll().where('project_id', '=', ps.id).orderBy('name').execute();
  return { items: rows.map((r) => present(ps, r)) };
}

/** Creates or changes a queue; settings merge over the current ones (or the defaults). */
export async function saveQueue(eng: RoutingEngine, ps: ProjectState, queueId: string | null, input: Partial<QueueInput>, actor: Actor) {
  const { db } = eng.deps;
  const current = queueId ? ps.queues.get(queueId) : undefined;
  if (queueId && !current) throw new AppError('QUEUE_NOT_FOUND', 'Queue not found');
  const base = current?.settings ?? mergeSettings({});
  const settings = mergeSettings({ ...base, ...input.settings, weights: { ...base.weights, ...input.settings?.weights } });
  const values = { name: input.name, vertical: input.vertical, task_type: input.taskType, settings: JSON.stringify(settings), updated_at: new Date() };
  const row = await db.transaction().execute(async (tx) => {
    const r = queueId
      ? await tx.updateTable('queues').set(values).where('id', '=', queueId).where('project_id', '=', ps.id).returningAll().executeTakeFirstOrThrow().catch(taken)
      : await tx.insertInto('queues').values({ ...values, name: input.name!, project_id: ps.id }).returningAll().executeTakeFirstOrThrow().catch(taken);
    await recordAudit(tx, { projectId: ps.id, actor, action: queueId ? 'queue.update' : 'queue.create', entity: 'queue', entityId: r.id, details: { name: r.name } });
    return r;
  });
  ps.setQueue({ id: row.id, projectId: ps.id, name: row.name, timezone: ps.timezone, settings }, eng.now());
  eng.deps.bus.publish(ps.id, 'queue.changed', { queueId: row.id, change: queueId ? 'updated' : 'created' });
  eng.kick(ps);
  return present(ps, row);
}

/** Deletes an empty queue; one with open tasks is refused so no task is orphaned. */
export async function deleteQueue(eng: RoutingEngine, ps: ProjectState, queueId: string, actor: Actor) {
  if (!ps.queues.has(queueId)) throw new AppError('QUEUE_NOT_FOUND', 'Queue not found');
  for (const _ of ps.index.ofQueue(queueId)) throw new AppError('QUEUE_HAS_OPEN_TASKS', 'Cancel or move the open tasks of this queue first');
  await eng.deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('queues').where('id', '=', queueId).where('project_id', '=', ps.id).execute();
    await recordAudit(tx, { projectId: ps.id, actor, action: 'queue.delete', entity: 'queue', entityId: queueId });
  });
  ps.queues.delete(queueId);
  eng.deps.bus.publish(ps.id, 'queue.changed', { queueId, change: 'deleted' });
  return { ok: true };
}

/** Live figures per queue from memory: waiting, offered/in progress, oldest waiting age, SLA risk. */
export function queueStats(eng: RoutingEngine, ps: ProjectState) {
  const now = eng.now();
  return {
    items: [...ps.queues.values()].map((q) => {
      let waiting = 0, scheduled = 0, inProgress = 0, oldest: number | null = null, atRisk = 0, overdue = 0;
      for (const t of ps.index.ofQueue(q.id)) {
        if (t.status !== 'queued') inProgress++;
        else if (t.eligibleAt !== null && t.eligibleAt > now) scheduled++;
        else {
          waiting++;
          oldest = Math.max(oldest ?? 0, now - Math.max(t.createdAt, t.eligibleAt ?? 0));
          if (effectiveDueAt(t, q.settings) <= now) overdue++;
          else if (rampStartAt(t, q.settings) <= now) atRisk++;
        }
      }
      return { queueId: q.id, name: q.name, waiting, scheduled, inProgress, oldestWaitingSeconds: oldest === null ? null : Math.round(oldest / 1000), slaAtRisk: atRisk, slaOverdue: overdue };
    }),
  };
}
