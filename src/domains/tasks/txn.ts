import { AppError } from '../../platform/errors.ts';
import { transition, type Presence, type PresenceEvent } from '../agents/presence.ts';
import type { RoutingEngine } from './engine.ts';
import { saveAgentState, type Tx } from './repo.ts';
import type { AgentMem, ProjectState } from './state.ts';

/** The signed-in user's agent in this project (picking up new members), or NOT_AN_AGENT. */
export async function agentOfUser(eng: RoutingEngine, ps: ProjectState, userId: string): Promise<AgentMem> {
  if (!ps.byUser.has(userId)) await eng.refreshAgents(ps);
  const id = ps.byUser.get(userId);
  const a = id ? ps.agents.get(id) : undefined;
  if (!a) throw new AppError('NOT_AN_AGENT', 'You are not an agent of this project');
  return a;
}

/** The next presence for an event, or the matching 409 code. */
export function nextPresence(a: AgentMem, e: PresenceEvent, now: number): Presence {
  const r = transition(a.presence, e, now);
  if (r.ok) return r.presence;
  const code = r.code === 'AGENT_HAS_TASK' ? 'AGENT_HAS_TASK' : r.code === 'NO_OFFER' ? 'NO_OFFER' : 'AGENT_STATE_CONFLICT';
  throw new AppError(code, `Cannot do this while ${a.presence.state.replace('_', '-')}`, { state: a.presence.state });
}

/** Persists an agent transition inside `tx`; a concurrent change elsewhere aborts the transaction. */
export async function persistAgent(tx: Tx, ps: ProjectState, a: AgentMem, next: Presence): Promise<void> {
  if (!(await saveAgentState(tx, ps.id, a.id, a.presence.state, next))) {
    throw new AppError('AGENT_STATE_CONFLICT', 'The agent changed state meanwhile; try again');
  }
}

/**
 * Runs a transaction; when it fails on a lost race the named tasks and agents are re-read, so memory
 * follows the database, and the error goes to the caller unchanged.
 */
export async function guarded<T>(eng: RoutingEngine, ps: ProjectState, ids: { tasks?: string[]; agents?: string[] }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await eng.deps.db.transaction().execute(fn);
  } catch (err) {
    await eng.reload(ps, ids.tasks ?? [], ids.agents ?? []);
    throw err;
  }
}
