import { AppError } from '../../platform/errors.ts';
import type { RoutingEngine } from './engine.ts';
import type { Tx } from './repo.ts';
import type { ProjectState } from './state.ts';
import { guarded, nextPresence, persistAgent } from './txn.ts';
import type { Presence } from '../agents/presence.ts';

/** The latest offer of a task to an agent, or why there is none for this agent. */
async function offerFor(tx: Tx, ps: ProjectState, taskId: string, agentId: string, now: number) {
  const task = await tx.selectFrom('tasks').select(['id', 'status', 'agent_id', 'offer_id']).where('id', '=', taskId).where('project_id', '=', ps.id).executeTakeFirst();
  if (!task) throw new AppError('TASK_NOT_FOUND', 'Task not found');
  const offer = await tx.selectFrom('task_offers').select(['id', 'outcome', 'expires_at']).where('task_id', '=', taskId).where('agent_id', '=', agentId)
    .orderBy('offered_at', 'desc').limit(1).executeTakeFirst();
  if (!offer) {
    if (task.status === 'offered' || task.status === 'accepted') throw new AppError('OFFER_NOT_YOURS', 'This task is offered to another agent');
    throw new AppError('NO_OFFER', 'This task was not offered to you');
  }
  const expired = offer.outcome === 'timed_out' || (offer.outcome === 'pending' && offer.expires_at !== null && offer.expires_at.getTime() <= now);
  if (expired) throw new AppError('OFFER_EXPIRED', 'The offer expired; the task went back to the queue');
  if (offer.outcome !== 'pending' || task.offer_id !== offer.id) throw new AppError('NO_OFFER', `This offer is already ${offer.outcome}`, { outcome: offer.outcome });
  return offer.id;
}

/** The agent takes the offered task: task offered -> accepted, agent reserved -> busy. */
export async function accept(eng: RoutingEngine, ps: ProjectState, agentId: string, taskId: string): Promise<void> {
  const a = ps.agents.get(agentId)!;
  const now = eng.now();
  let next: Presence | undefined;
  const offerId = await guarded(eng, ps, { tasks: [taskId], agents: [agentId] }, async (tx) => {
    const id = await offerFor(tx, ps, taskId, agentId, now);
    const t = await tx.updateTable('tasks').set({ status: 'accepted', updated_at: new Date(now) })
      .where('id', '=', taskId).where('status', '=', 'offered').where('offer_id', '=', id).returning('id').executeTakeFirst();
    if (!t) throw new AppError('OFFER_EXPIRED', 'The offer is no longer open');
    await tx.updateTable('task_offers').set({ outcome: 'accepted', decided_at: new Date(now) }).where('id', '=', id).execute();
    next = nextPresence(a, { kind: 'accept' }, now);
    await persistAgent(tx, ps, a, next);
    return id;
  });
  eng.scheduler.cancel(`offer:${taskId}`);
  ps.offers.delete(taskId);
  const e = ps.index.tasks.get(taskId);
  if (e) ps.index.upsert({ ...e, status: 'accepted', agentId }, now);
  eng.applyAgent(ps, a, next!);
  eng.deps.bus.publish(ps.id, 'task.accepted', { taskId, agentId, offerId });
}

/**
 * Returns an offered task to the queue: on decline the agent is available again, on timeout the agent goes to
 * the queue's missed-offer state. The task is not offered to this agent again; past its TTL it expires instead.
 */
export async function releaseOffer(eng: RoutingEngine, ps: ProjectState, agentId: string, taskId: string, how: 'declined' | 'timed_out'): Promise<void> {
  const a = ps.agents.get(agentId)!;
  const e = ps.index.tasks.get(taskId);
  const now = eng.now();
  const settings = e ? ps.queues.get(e.queueId)?.settings : undefined;
  const expired = e?.expiresAt != null && e.expiresAt <= now;
  let next: Presence | undefined;
  const offerId = await guarded(eng, ps, { tasks: [taskId], agents: [agentId] }, async (tx) => {
    const id = how === 'declined' ? await offerFor(tx, ps, taskId, agentId, now) : ps.offers.get(taskId)?.offerId;
    if (!id) throw new AppError('NO_OFFER', 'No open offer');
    const t = await tx.updateTable('tasks').set({ status: expired ? 'expired' : 'queued', agent_id: null, offer_id: null, updated_at: new Date(now) })
      .where('id', '=', taskId).where('status', '=', 'offered').where('offer_id', '=', id).returning('id').executeTakeFirst();
    if (!t) throw new AppError('OFFER_EXPIRED', 'The offer is no longer open');
    await tx.updateTable('task_offers').set({ outcome: how, decided_at: new Date(now) }).where('id', '=', id).execute();
    next = nextPresence(a, how === 'declined' ? { kind: 'decline' } : { kind: 'missed', to: settings?.missedOfferState ?? 'break' }, now);
    await persistAgent(tx, ps, a, next);
    return id;
  });
  eng.scheduler.cancel(`offer:${taskId}`);
  ps.offers.delete(taskId);
  eng.deps.bus.publish(ps.id, how === 'declined' ? 'task.declined' : 'task.offer_timed_out', { taskId, agentId, offerId });
  if (expired || !e) {
    ps.forgetTask(taskId);
    if (e) eng.deps.bus.publish(ps.id, 'task.expired', { taskId, queueId: e.queueId });
  } else {
    ps.addDecline(agentId, taskId);
    ps.index.upsert({ ...e, status: 'queued', agentId: null }, now);
    ps.fresh.add(taskId);
    eng.armTask(ps, e);
    eng.deps.bus.publish(ps.id, 'task.requeued', { taskId, queueId: e.queueId, eligibleAt: null, reason: how });
  }
  eng.applyAgent(ps, a, next!);
  eng.kick(ps);
}
