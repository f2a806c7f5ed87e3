import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { RoutingEngine } from '../tasks/engine.ts';
import { getTask } from '../tasks/task-service.ts';
import type { AgentMem, ProjectState } from '../tasks/state.ts';

function present(a: AgentMem, now: number) {
  const p = a.presence;
  return {
    id: a.id, userId: a.userId, name: a.name, state: p.state, reason: p.reason, since: new Date(p.since).toISOString(),
    secondsInState: Math.max(0, Math.round((now - p.since) / 1000)), taskId: p.taskId,
    wrapUpUntil: p.wrapUpUntil ? new Date(p.wrapUpUntil).toISOString() : null, skills: a.skills, scoreCap: a.scoreCap,
  };
}

/** Every agent of the project with live state and time in state (supervisor view). */
export function listAgents(eng: RoutingEngine, ps: ProjectState) {
  const now = eng.now();
  return { items: [...ps.agents.values()].sort((x, y) => x.name.localeCompare(y.name)).map((a) => present(a, now)) };
}

/** A supervisor changes an agent's skills and/or score cap; a raised cap may produce an offer at once. */
export async function updateAgent(eng: RoutingEngine, ps: ProjectState, agentId: string, input: { skills?: Record<string, number>; scoreCap?: number | null }, actor: Actor) {
  const a = ps.agents.get(agentId);
  if (!a) throw new AppError('AGENT_NOT_FOUND', 'Agent not found');
  const set = { ...(input.skills ? { skills: JSON.stringify(input.skills) } : {}), ...(input.scoreCap !== undefined ? { score_cap: input.scoreCap } : {}) };
  await eng.deps.db.transaction().execute(async (tx) => {
    if (Object.keys(set).length) await tx.updateTable('agents').set(set).where('id', '=', agentId).where('project_id', '=', ps.id).execute();
    await recordAudit(tx, { projectId: ps.id, actor, action: 'agent.update', entity: 'agent', entityId: agentId, details: input });
  });
  if (input.skills) a.skills = input.skills;
  if (input.scoreCap !== undefined) a.scoreCap = input.scoreCap;
  ps.syncCaps(eng.now());
  eng.kick(ps);
  return present(a, eng.now());
}

/** The signed-in agent's presence plus the one task offered to or held by them, with its offer. */
export async function myWork(eng: RoutingEngine, ps: ProjectState, a: AgentMem) {
  const me = present(a, eng.now());
  if (!a.presence.taskId) return { agent: me, task: null, offer: null };
  const task = await getTask(eng, ps.id, a.presence.taskId);
  const offer = task.offers.filter((o) => o.agentId === a.id).at(-1) ?? null;
  return { agent: me, task, offer };
}
