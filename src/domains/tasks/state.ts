import type { AgentRow } from './repo.ts';
import type { Queue } from './model.ts';
import { TaskIndex } from './pool.ts';
import type { AgentCandidate } from './choose.ts';

/** An agent in memory: its row plus when it last became available (longest idle first). */
export interface AgentMem extends AgentRow {
  idleSince: number;
}

/** A pending offer in memory (the database row is the truth; this re-arms its timeout). */
export interface PendingOffer {
  offerId: string;
  agentId: string;
  expiresAt: number | null;
}

/** Everything the engine holds for one project; rebuilt from PostgreSQL on start. */
export class ProjectState {
  readonly queues = new Map<string, Queue>();
  readonly index = new TaskIndex();
  readonly agents = new Map<string, AgentMem>();
  readonly byUser = new Map<string, string>();
  /** agentId -> tasks they declined or let time out (offered to someone else next) */
  readonly declined = new Map<string, Set<string>>();
  /** taskId -> pending offer */
  readonly offers = new Map<string, PendingOffer>();
  /** tasks that just became offerable: placed by choosing an agent for them first */
  readonly fresh = new Set<string>();
  /** callId -> the agent its phone is ringing at, until when: no task is offered to a ringing agent */
  readonly ringing = new Map<string, { agentId: string; until: number }>();
  chain: Promise<unknown> = Promise.resolve();
  kickPending = false;

  constructor(
    readonly id: string,
    readonly timezone: string,
    readonly defaultCountry: string,
  ) {}

  setQueue(q: Queue, now: number): void {
    this.queues.set(q.id, q);
    const old = this.index.settings.get(q.id);
    this.index.settings.set(q.id, q.settings);
    if (old && JSON.stringify(old) !== JSON.stringify(q.settings)) {
      for (const e of [...this.index.ofQueue(q.id)]) this.index.upsert({ ...e }, now);
    }
  }

  /** True while a call rings at the agent (see RoutingEngine.ringAt). */
  isRinging(agentId: string, now: number): boolean {
    for (const r of this.ringing.values()) if (r.agentId === agentId && r.until > now) return true;
    return false;
  }

  setAgent(a: AgentMem): void {
    this.agents.set(a.id, a);
    this.byUser.set(a.userId, a.id);
  }

  /** Keeps the index's value bands aligned with the agents' score caps (call after agents or caps change). */
  syncCaps(now: number): void {
    this.index.setCaps([...this.agents.values()].map((a) => a.scoreCap), now);
  }

  candidate(a: AgentMem): AgentCandidate {
    return { id: a.id, skills: a.skills, scoreCap: a.scoreCap, idleSince: a.idleSince, declined: this.declined.get(a.id) };
  }

  addDecline(agentId: string, taskId: string): void {
    const set = this.declined.get(agentId) ?? new Set();
    this.declined.set(agentId, set.add(taskId));
  }

  /** Forgets refusals of a task that left the queue for good. */
  forgetTask(taskId: string): void {
    this.index.remove(taskId);
    this.offers.delete(taskId);
    for (const set of this.declined.values()) set.delete(taskId);
  }
}
