import { AppError } from '../../platform/errors.ts';
import { nextOpen } from './calendar.ts';
import type { RoutingEngine } from './engine.ts';
import type { ProjectState } from './state.ts';
import { guarded, nextPresence, persistAgent } from './txn.ts';
import type { Presence } from '../agents/presence.ts';
import type { AgentMem } from './state.ts';

/**
 * Takes an open task out of anyone's hands: cancelled for good, or back to the queue (optionally at a retry
 * time, moved to the queue's next opening). An agent holding it is released to available.
 */
export async function withdraw(eng: RoutingEngine, ps: ProjectState, taskId: string, how: { cancel: true } | { cancel: false; retryAt: number | null }): Promise<void> {
  const now = eng.now();
  const row = await eng.deps.db.selectFrom('tasks').select(['status', 'agent_id', 'queue_id', 'offer_id']).where('id', '=', taskId).where('project_id', '=', ps.id).executeTakeFirst();
  if (!row) throw new AppError('TASK_NOT_FOUND', 'Task not found');
  if (!['queued', 'offered', 'accepted'].includes(row.status)) throw new AppError('TASK_NOT_OPEN', `The task is ${row.status}`, { status: row.status });
  const q = ps.queues.get(row.queue_id);
  let eligibleAt: number | null = null;
  if (!how.cancel && how.retryAt !== null) {
    if (how.retryAt <= now) throw new AppError('SCHEDULE_IN_PAST', 'The retry time must be in the future');
    eligibleAt = q ? nextOpen({ ...q.settings, timezone: q.timezone }, how.retryAt) : how.retryAt;
    if (eligibleAt === null) throw new AppError('OUTSIDE_BUSINESS_HOURS', 'The queue never opens after that time');
  }
  const holder: AgentMem | undefined = row.agent_id ? ps.agents.get(row.agent_id) : undefined;
  let next: Presence | undefined;
  await guarded(eng, ps, { tasks: [taskId], agents: holder ? [holder.id] : [] }, async (tx) => {
    const t = await tx.updateTable('tasks')
      .set({ status: how.cancel ? 'cancelled' : 'queued', agent_id: null, offer_id: null, updated_at: new Date(now), ...(how.cancel ? {} : { eligible_at: eligibleAt ? new Date(eligibleAt) : null }) })
      .where('id', '=', taskId).where('status', '=', row.status).returning('id').executeTakeFirst();
    if (!t) throw new AppError('TASK_NOT_OPEN', 'The task changed meanwhile; try again');
    if (row.offer_id) await tx.updateTable('task_offers').set({ outcome: 'withdrawn', decided_at: new Date(now) }).where('id', '=', row.offer_id).where('outcome', '=', 'pending').execute();
    if (holder && holder.presence.taskId === taskId) {
      next = nextPresence(holder, { kind: 'release' }, now);
      await persistAgent(tx, ps, holder, next);
    }
  });
  eng.scheduler.cancel(`offer:${taskId}`);
  ps.offers.delete(taskId);
  const e = ps.index.tasks.get(taskId);
  if (how.cancel) {
    ps.forgetTask(taskId);
    eng.scheduler.cancel(`ttl:${taskId}`);
    eng.deps.bus.publish(ps.id, 'task.cancelled', { taskId, queueId: row.queue_id });
  } else if (e) {
    const t = { ...e, status: 'queued' as const, agentId: null, eligibleAt };
    ps.index.upsert(t, now);
    ps.fresh.add(taskId);
    eng.armTask(ps, t);
    eng.deps.bus.publish(ps.id, 'task.requeued', { taskId, queueId: row.queue_id, eligibleAt: eligibleAt ? new Date(eligibleAt).toISOString() : null, reason: 'requeue' });
  }
  if (holder && next) eng.applyAgent(ps, holder, next);
  eng.kick(ps);
}

/** TTL reached while queued: the task expires (an offered task expires when its offer ends). */
export async function expire(eng: RoutingEngine, ps: ProjectState, taskId: string): Promise<void> {
  const now = eng.now();
  const r = await eng.deps.db.updateTable('tasks').set({ status: 'expired', updated_at: new Date(now) })
    .where('id', '=', taskId).where('project_id', '=', ps.id).where('status', '=', 'queued').where('expires_at', '<=', new Date(now))
    .returning('queue_id').executeTakeFirst();
  if (!r) return;
  ps.forgetTask(taskId);
  eng.deps.bus.publish(ps.id, 'task.expired', { taskId, queueId: r.queue_id });
}
