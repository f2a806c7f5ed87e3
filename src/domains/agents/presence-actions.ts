import type { RoutingEngine } from '../tasks/engine.ts';
import type { AgentMem, ProjectState } from '../tasks/state.ts';
import { guarded, nextPresence, persistAgent } from '../tasks/txn.ts';
import { endWrapUp } from '../tasks/work-actions.ts';

export type PresenceChoice = { state: 'available' | 'offline' } | { state: 'break'; reason: string };

/**
 * The agent chooses a presence. From wrap-up this ends wrap-up (the task is done). While an offer is pending or a
 * task is being worked, only the task actions (accept, decline, complete) move the agent: AGENT_HAS_TASK.
 */
export async function setPresence(eng: RoutingEngine, ps: ProjectState, a: AgentMem, choice: PresenceChoice): Promise<void> {
  const now = eng.now();
  const event = choice.state === 'break' ? { kind: 'set' as const, to: 'break' as const, reason: choice.reason } : { kind: 'set' as const, to: choice.state };
  const next = nextPresence(a, event, now);
  if (a.presence.state === 'wrap_up') return endWrapUp(eng, ps, a, next);
  if (a.presence.state === next.state && a.presence.reason === next.reason) return;
  await guarded(eng, ps, { agents: [a.id] }, (tx) => persistAgent(tx, ps, a, next));
  eng.applyAgent(ps, a, next);
}

/**
 * Tracks agent desktop sockets. When an agent's last socket closes, a grace timer starts; when it fires and the
 * agent is still available, the agent goes to the configured state with reason 'disconnected'. A socket coming
 * back cancels the timer, and an agent moved out for being disconnected becomes available again.
 */
export class ConnectionTracker {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly eng: RoutingEngine,
    private readonly opts: { graceMs: number; to: 'break' | 'offline' },
  ) {}

  connected(projectId: string, userId: string): void {
    const key = `${projectId}:${userId}`;
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
    void this.eng.run(projectId, async (ps) => {
      const a = this.agent(ps, userId);
      if (!a || !this.open.has(key)) return;
      this.eng.scheduler.cancel(`grace:${a.id}`);
      if (a.presence.reason !== 'disconnected') return;
      const next = nextPresence(a, { kind: 'reconnected' }, this.eng.now());
      await guarded(this.eng, ps, { agents: [a.id] }, (tx) => persistAgent(tx, ps, a, next));
      this.eng.applyAgent(ps, a, next);
    }).catch(() => undefined);
  }

  disconnected(projectId: string, userId: string): void {
    const key = `${projectId}:${userId}`;
    const left = (this.open.get(key) ?? 1) - 1;
    if (left > 0) return void this.open.set(key, left);
    this.open.delete(key);
    void this.eng.project(projectId).then((ps) => {
      const a = this.agent(ps, userId);
      if (a) this.eng.scheduler.at(`grace:${a.id}`, this.eng.now() + this.opts.graceMs, () => this.eng.onTimer(ps, 'grace', a.id));
    }).catch(() => undefined);
  }

  /** The grace period ended without a new socket. */
  async graceOver(ps: ProjectState, agentId: string): Promise<void> {
    const a = ps.agents.get(agentId);
    if (!a || a.presence.state !== 'available' || this.open.has(`${ps.id}:${a.userId}`)) return;
    const next = nextPresence(a, { kind: 'disconnected', to: this.opts.to }, this.eng.now());
    await guarded(this.eng, ps, { agents: [a.id] }, (tx) => persistAgent(tx, ps, a, next));
    this.eng.applyAgent(ps, a, next);
  }

  private agent(ps: ProjectState, userId: string): AgentMem | undefined {
    const id = ps.byUser.get(userId);
    return id ? ps.agents.get(id) : undefined;
  }
}

