import type { RoutingEngine } from './engine.ts';
import { forEachOpenTask, loadAgents, loadOffers, loadOpenTasks, loadQueues, projectInfo, syncAgents } from './repo.ts';
import { ProjectState } from './state.ts';

/** Picks up agents added to the project since it was loaded (new members with the agent role). */
export async function refreshAgents(eng: RoutingEngine, ps: ProjectState): Promise<void> {
  await syncAgents(eng.deps.db, ps.id);
  for (const a of await loadAgents(eng.deps.db, ps.id)) if (!ps.agents.has(a.id)) ps.setAgent({ ...a, idleSince: a.presence.since });
  ps.syncCaps(eng.now());
}

/** Re-reads tasks and agents from the database after a lost race; the database is the truth. */
export async function reload(eng: RoutingEngine, ps: ProjectState, taskIds: string[], agentIds: string[]): Promise<void> {
  const now = eng.now();
  if (taskIds.length) {
    const open = new Map((await loadOpenTasks(eng.deps.db, ps.id, taskIds)).map((t) => [t.id, t]));
    for (const id of taskIds) {
      const t = open.get(id);
      if (t) ps.index.upsert(t, now);
      else ps.forgetTask(id);
    }
  }
  for (const id of new Set(agentIds)) {
    const [row] = await loadAgents(eng.deps.db, ps.id, id);
    const mem = ps.agents.get(id);
    if (row) ps.setAgent({ ...row, idleSince: mem?.idleSince ?? row.presence.since });
  }
  if (agentIds.length) ps.syncCaps(now);
}

/**
 * Rebuilds a project's routing state from PostgreSQL: queues, agents (with their presence), pending offers and
 * past refusals, every open task; then re-arms TTL, offer, wrap-up and scheduled-task timers and dispatches.
 * This is what makes a restart after kill -9 lose nothing: all of it was committed before it was announced.
 */
export async function loadProject(eng: RoutingEngine, projectId: string): Promise<ProjectState> {
  const { db } = eng.deps;
  const info = await projectInfo(db, projectId);
  if (!info) throw new Error(`project ${projectId} not found`);
  const ps = new ProjectState(projectId, info.timezone, info.defaultCountry);
  const now = eng.now();
  await syncAgents(db, projectId);
  for (const q of await loadQueues(db, projectId, info.timezone)) ps.setQueue(q, now);
  for (const a of await loadAgents(db, projectId)) ps.setAgent({ ...a, idleSince: a.presence.since });
  ps.syncCaps(now);
  for (const o of await loadOffers(db, projectId)) {
    if (o.outcome === 'pending') ps.offers.set(o.taskId, { offerId: o.id, agentId: o.agentId, expiresAt: o.expiresAt });
    else ps.addDecline(o.agentId, o.taskId);
  }
  await forEachOpenTask(db, projectId, (t) => {
    t.queueId = ps.queues.get(t.queueId)?.id ?? t.queueId;
    if (ps.index.tasks.has(t.id)) ps.index.upsert(t, now);
    else ps.index.adopt(t, now);
    if (t.expiresAt !== null || ps.offers.has(t.id)) eng.armTask(ps, t, false);
  });
  eng.armWake(ps);
  for (const a of ps.agents.values()) if (a.presence.state === 'wrap_up' && a.presence.wrapUpUntil) eng.armWrapUp(ps, a);
  eng.kick(ps);
  return ps;
}
