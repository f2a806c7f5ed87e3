import { transition } from '../agents/presence.ts';
import { publishOffers } from './announce.ts';
import type { RoutingEngine } from './engine.ts';
import { commitOffers, type OfferPlan } from './offers-repo.ts';
import type { ProjectState } from './state.ts';

/**
 * Commits planned offers (guarded, one statement), then puts the winners in memory, arms their timeouts and
 * announces them; losers are re-read from the database and the engine dispatches again.
 */
export async function commitPlans(eng: RoutingEngine, ps: ProjectState, plans: OfferPlan[], now: number): Promise<void> {
  let result;
  try {
    result = await commitOffers(eng.deps.db, ps.id, plans, now);
  } catch (err) {
    eng.deps.log.warn({ err }, 'offer batch failed; reloading its tasks and agents');
    await eng.reload(ps, plans.map((p) => p.taskId), plans.map((p) => p.agentId));
    return eng.kick(ps);
  }
  const ok = new Set(result.committed.map((p) => p.taskId));
  for (const p of plans) {
    if (ok.has(p.taskId)) continue;
    const e = ps.index.tasks.get(p.taskId);
    if (e) ps.index.upsert({ ...e, status: 'queued', agentId: null }, now);
  }
  for (const p of result.committed) applyOffer(eng, ps, p, now);
  publishOffers(eng.deps.bus, ps, result.committed);
  await eng.reload(ps, result.lostTasks, result.lostAgents);
  eng.kick(ps);
}

function applyOffer(eng: RoutingEngine, ps: ProjectState, p: OfferPlan, now: number): void {
  const a = ps.agents.get(p.agentId)!;
  const e = ps.index.tasks.get(p.taskId)!;
  ps.index.upsert({ ...e, status: p.autoAccept ? 'accepted' : 'offered', agentId: a.id }, now);
  eng.scheduler.cancel(`ttl:${p.taskId}`);
  let next = transition(a.presence, { kind: 'offer', taskId: p.taskId }, now);
  if (next.ok && p.autoAccept) next = transition(next.presence, { kind: 'accept' }, now);
  if (next.ok) eng.applyAgent(ps, a, next.presence);
  if (!p.autoAccept) {
    ps.offers.set(p.taskId, { offerId: p.offerId, agentId: a.id, expiresAt: p.expiresAt });
    eng.scheduler.at(`offer:${p.taskId}`, p.expiresAt!, () => eng.onTimer(ps, 'offer', p.taskId));
  }
}
