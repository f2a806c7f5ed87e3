import { transition, type PresenceEvent } from './presence.ts';
import type { RoutingEngine } from '../tasks/engine.ts';
import type { ProjectState } from '../tasks/state.ts';
import { guarded, persistAgent } from '../tasks/txn.ts';

/**
 * Calls move an agent's presence so the routing engine offers no task to someone talking: an available agent
 * on a call is busy (reason 'call'); when the call ends they go to wrap-up, then back to available. An agent
 * already holding a task (the call is part of it), on break or offline is left as they are: one piece of
 * work per agent, and a call never ends a task. `userId` is the person (users.id) the PBX reached; people
 * without an agent row in the project (supervisors with a phone) are ignored.
 */
export async function applyCallPresence(eng: RoutingEngine, ps: ProjectState, userId: string, event: Extract<PresenceEvent, { kind: 'call' | 'callEnd' }>): Promise<boolean> {
  const id = ps.byUser.get(userId);
  const a = id ? ps.agents.get(id) : undefined;
  if (!a) return false;
  const r = transition(a.presence, event, eng.now());
  if (!r.ok) return false;
  await guarded(eng, ps, { agents: [a.id] }, (tx) => persistAgent(tx, ps, a, r.presence));
  eng.applyAgent(ps, a, r.presence);
  return true;
}
