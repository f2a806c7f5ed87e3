import { randomUUID } from 'node:crypto';
import { canTakeOffer, transition } from '../agents/presence.ts';
import { publishOffers } from './announce.ts';
import type { RoutingEngine } from './engine.ts';
import { commitOffers, type OfferPlan } from './offers-repo.ts';
import { toTask } from './repo.ts';
import type { AgentMem, ProjectState } from './state.ts';

/** A live call that needs an agent now (a dialer call a person answered, a preview or callback dial). */
export interface CallWork {
  queueId: string;
  /** The agents allowed to take it; the one idle longest wins (equal distribution, R-23). */
  agentIds: readonly string[];
  title: string;
  phones: string[];
  value: number;
  details: Record<string, unknown>;
  contactId: string | null;
  ownerAgentId?: string | null;
}

/**
 * Hands a live call to a free agent at once, as an accepted task: the dialer cannot wait for an offer to be
 * accepted (a person is on the line), so the task is created and committed to the agent in the same step of
 * the project, with the same guards as any offer (the agent must still be available with no task). The agent
 * is then busy with it like with any task, and completing it starts wrap-up. Null when nobody is free.
 */
export async function assignCall(eng: RoutingEngine, projectId: string, work: CallWork): Promise<{ taskId: string; agentId: string } | null> {
  return eng.run(projectId, async (ps) => {
    const agent = freeAgent(ps, work.agentIds, eng.now());
    if (!agent || !ps.queues.has(work.queueId)) return null;
    const now = eng.now();
    const row = await eng.deps.db.insertInto('tasks').values({
      project_id: ps.id, queue_id: work.queueId, title: work.title, phones: work.phones, value: work.value,
      details: JSON.stringify(work.details), contact_id: work.contactId, owner_agent_id: work.ownerAgentId ?? null,
      required_skills: '{}', created_at: new Date(now), updated_at: new Date(now),
    }).returningAll().executeTakeFirstOrThrow();
    const task = toTask(row);
    const plan: OfferPlan = {
      offerId: randomUUID(), taskId: task.id, agentId: agent.id, autoAccept: true, expiresAt: null,
      trace: { trigger: 'task_eligible', at: new Date(now).toISOString(), taskId: task.id, agentId: agent.id, reason: 'dialer: a live campaign call for the agent idle longest', candidates: [] },
    };
    const result = await commitOffers(eng.deps.db, ps.id, [plan], now);
    if (!result.committed.length) {
      await eng.deps.db.updateTable('tasks').set({ status: 'cancelled', updated_at: new Date(now) }).where('id', '=', task.id).execute();
      await eng.reload(ps, [], [agent.id]);
      return null;
    }
    ps.index.upsert({ ...task, status: 'accepted', agentId: agent.id }, now);
    eng.deps.bus.publish(ps.id, 'task.created', { taskId: task.id, queueId: task.queueId, value: task.value, eligibleAt: null, ownerAgentId: task.ownerAgentId });
    let next = transition(agent.presence, { kind: 'offer', taskId: task.id }, now);
    if (next.ok) next = transition(next.presence, { kind: 'accept' }, now);
    if (next.ok) eng.applyAgent(ps, agent, next.presence);
    publishOffers(eng.deps.bus, ps, result.committed);
    return { taskId: task.id, agentId: agent.id };
  });
}

function freeAgent(ps: ProjectState, ids: readonly string[], now: number): AgentMem | undefined {
  let best: AgentMem | undefined;
  for (const id of ids) {
    const a = ps.agents.get(id);
    if (a && canTakeOffer(a.presence) && !ps.isRinging(a.id, now) && (!best || a.idleSince < best.idleSince)) best = a;
  }
  return best;
}
