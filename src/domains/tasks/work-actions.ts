import { AppError } from '../../platform/errors.ts';
import type { Presence } from '../agents/presence.ts';
import { isOpen, nextOpen } from './calendar.ts';
import type { RoutingEngine } from './engine.ts';
import type { Tx } from './repo.ts';
import type { AgentMem, ProjectState } from './state.ts';
import { guarded, nextPresence, persistAgent } from './txn.ts';

/** The agent's accepted task, or the precise reason it is not one. */
async function acceptedTask(tx: Tx, ps: ProjectState, taskId: string, agentId: string) {
  const t = await tx.selectFrom('tasks').select(['id', 'status', 'agent_id', 'queue_id']).where('id', '=', taskId).where('project_id', '=', ps.id).executeTakeFirst();
  if (!t) throw new AppError('TASK_NOT_FOUND', 'Task not found');
  if (t.agent_id !== agentId) throw new AppError('OFFER_NOT_YOURS', 'This task is not assigned to you');
  if (t.status === 'wrap_up' || t.status === 'done') throw new AppError('TASK_ALREADY_COMPLETED', 'This task is already completed');
  if (t.status !== 'accepted') throw new AppError('TASK_NOT_ACCEPTED', `Accept the task first (it is ${t.status})`);
  return t;
}

/** Finishes the agent's task with a disposition: task -> wrap-up (or done), agent -> wrap-up (or available). */
export async function complete(eng: RoutingEngine, ps: ProjectState, a: AgentMem, taskId: string, disposition: string, notes: string | null): Promise<void> {
  const now = eng.now();
  let next: Presence | undefined;
  await guarded(eng, ps, { tasks: [taskId], agents: [a.id] }, async (tx) => {
    const t = await acceptedTask(tx, ps, taskId, a.id);
    const wrap = ps.queues.get(t.queue_id)?.settings.wrapUpSeconds ?? 0;
    next = nextPresence(a, { kind: 'complete', wrapUpSeconds: wrap }, now);
    await tx.updateTable('tasks').set({ status: wrap > 0 ? 'wrap_up' : 'done', disposition, notes, completed_at: new Date(now), updated_at: new Date(now), ...(wrap > 0 ? {} : { offer_id: null }) })
      .where('id', '=', taskId).execute();
    await persistAgent(tx, ps, a, next);
  });
  eng.deps.bus.publish(ps.id, 'task.completed', { taskId, agentId: a.id, disposition });
  if (next!.state === 'wrap_up') {
    const e = ps.index.tasks.get(taskId);
    if (e) ps.index.upsert({ ...e, status: 'wrap_up' }, now);
  } else {
    ps.forgetTask(taskId);
    eng.deps.bus.publish(ps.id, 'task.done', { taskId, agentId: a.id });
  }
  eng.applyAgent(ps, a, next!);
}

/** Ends wrap-up (timer, or the agent choosing a presence): the task is done, the agent moves on. */
export async function endWrapUp(eng: RoutingEngine, ps: ProjectState, a: AgentMem, to: Presence | null): Promise<void> {
  if (a.presence.state !== 'wrap_up') return;
  const now = eng.now();
  const taskId = a.presence.taskId;
  const next = to ?? nextPresence(a, { kind: 'wrapUpEnd' }, now);
  await guarded(eng, ps, { tasks: taskId ? [taskId] : [], agents: [a.id] }, async (tx) => {
    if (taskId) await tx.updateTable('tasks').set({ status: 'done', updated_at: new Date(now) }).where('id', '=', taskId).where('status', '=', 'wrap_up').execute();
    await persistAgent(tx, ps, a, next);
  });
  if (taskId) {
    ps.forgetTask(taskId);
    eng.deps.bus.publish(ps.id, 'task.done', { taskId, agentId: a.id });
  }
  eng.applyAgent(ps, a, next);
}

/**
 * Schedules a callback on the agent's current task: it goes back to the queue, eligible at `at`, owned by
 * this agent; the agent is free at once. `at` must be in the future and inside the queue's business hours.
 */
export async function scheduleCallback(eng: RoutingEngine, ps: ProjectState, a: AgentMem, taskId: string, at: number, notes: string | null): Promise<void> {
  const now = eng.now();
  const e = ps.index.tasks.get(taskId);
  const q = e ? ps.queues.get(e.queueId) : undefined;
  if (at <= now) throw new AppError('SCHEDULE_IN_PAST', 'The callback time must be in the future', { now: new Date(now).toISOString() });
  if (q && !isOpen({ ...q.settings, timezone: q.timezone }, at)) {
    const open = nextOpen({ ...q.settings, timezone: q.timezone }, at);
    throw new AppError('OUTSIDE_BUSINESS_HOURS', 'The queue is closed at that time', { nextOpen: open ? new Date(open).toISOString() : null, timezone: q.timezone });
  }
  let next: Presence | undefined;
  await guarded(eng, ps, { tasks: [taskId], agents: [a.id] }, async (tx) => {
    await acceptedTask(tx, ps, taskId, a.id);
    next = nextPresence(a, { kind: 'release' }, now);
    await tx.updateTable('tasks').set((eb) => ({
      status: 'queued', scheduled_at: new Date(at), eligible_at: new Date(at), agent_id: null, offer_id: null, notes, updated_at: new Date(now),
      owner_agent_id: eb.fn.coalesce('owner_agent_id', eb.val(a.id)),
    })).where('id', '=', taskId).execute();
    await persistAgent(tx, ps, a, next);
  });
  if (e) {
    const t = { ...e, status: 'queued' as const, eligibleAt: at, agentId: null, ownerAgentId: e.ownerAgentId ?? a.id };
    ps.index.upsert(t, now);
    eng.armTask(ps, t);
  }
  eng.deps.bus.publish(ps.id, 'task.requeued', { taskId, queueId: e?.queueId ?? '', eligibleAt: new Date(at).toISOString(), reason: 'callback' });
  eng.applyAgent(ps, a, next!);
}
