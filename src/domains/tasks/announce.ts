import type { EventBus } from '../../platform/events/bus.ts';
import type { AgentState } from '../agents/presence.ts';
import type { OfferPlan } from './offers-repo.ts';
import type { AgentMem, ProjectState } from './state.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** agent.state_changed carries the whole presence, so other processes can mirror it without a query. */
export function publishAgent(bus: EventBus, projectId: string, a: AgentMem, from: AgentState): void {
  const p = a.presence;
  bus.publish(projectId, 'agent.state_changed', {
    agentId: a.id, userId: a.userId, from, to: p.state, reason: p.reason, since: new Date(p.since).toISOString(), taskId: p.taskId, wrapUpUntil: iso(p.wrapUpUntil),
  });
}

/** task.offered (and task.accepted for auto-accept queues) for offers already committed. */
export function publishOffers(bus: EventBus, ps: ProjectState, committed: OfferPlan[]): void {
  for (const p of committed) {
    const queueId = ps.index.tasks.get(p.taskId)?.queueId ?? '';
    bus.publish(ps.id, 'task.offered', {
      taskId: p.taskId, queueId, agentId: p.agentId, offerId: p.offerId, expiresAt: iso(p.expiresAt), autoAccepted: p.autoAccept, reason: p.trace.reason,
    });
    if (p.autoAccept) bus.publish(ps.id, 'task.accepted', { taskId: p.taskId, agentId: p.agentId, offerId: p.offerId });
  }
}
