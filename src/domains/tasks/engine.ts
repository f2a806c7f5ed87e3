import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { canTakeOffer, type Presence } from '../agents/presence.ts';
import { chooseAgent, chooseTask, type DecisionTrace } from './choose.ts';
import type { Task } from './model.ts';
import type { OfferPlan } from './offers-repo.ts';
import { commitPlans } from './commit.ts';
import { projectsWithQueues } from './repo.ts';
import { loadProject, refreshAgents, reload } from './rebuild.ts';
import { Scheduler, type Clock } from './scheduler.ts';
import { ProjectState, type AgentMem } from './state.ts';
import { publishAgent } from './announce.ts';

/** What the engine needs; the clock is injected so tests and benchmarks control time. */
export interface EngineDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  clock: Clock;
  /** most offers committed in one transaction */
  batchSize?: number;
}

/**
 * The routing engine: per-project state in memory, every decision made there and committed to PostgreSQL
 * (with guards) before it is announced. All work on one project runs one step at a time (`run`), so memory and
 * database move together in this process; other processes are kept out by the guarded UPDATEs.
 */
export class RoutingEngine {
  readonly scheduler: Scheduler;
  private readonly projects = new Map<string, Promise<ProjectState>>();
  private readonly batchSize: number;

  constructor(readonly deps: EngineDeps) {
    this.scheduler = new Scheduler(deps.clock);
    this.batchSize = deps.batchSize ?? 500;
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** Loads every project that has queues, so offers, wrap-ups and scheduled tasks resume after a restart. */
  async start(): Promise<void> {
    for (const id of await projectsWithQueues(this.deps.db)) await this.project(id);
  }

  stop(): void {
    this.scheduler.stop();
  }

  project(projectId: string): Promise<ProjectState> {
    let p = this.projects.get(projectId);
    if (!p) {
      p = this.load(projectId);
      this.projects.set(projectId, p);
      p.catch(() => this.projects.delete(projectId));
    }
    return p;
  }

  /** Whether this process holds the project in memory (remote events for other projects are ignored). */
  isLoaded(projectId: string): boolean {
    return this.projects.has(projectId);
  }

  /** Runs `fn` after every earlier step of this project; the one door to a project's state. */
  async run<T>(projectId: string, fn: (ps: ProjectState) => Promise<T> | T): Promise<T> {
    const ps = await this.project(projectId);
    const step = ps.chain.then(() => fn(ps));
    ps.chain = step.catch(() => undefined);
    return step;
  }

  /** Asks for a dispatch soon; many kicks in one tick make one dispatch. */
  kick(ps: ProjectState): void {
    if (ps.kickPending) return;
    ps.kickPending = true;
    setImmediate(() => {
      void this.run(ps.id, async () => {
        ps.kickPending = false;
        await this.dispatch(ps);
      }).catch((err) => this.deps.log.error({ err, projectId: ps.id }, 'routing dispatch failed'));
    });
  }

  /** Applies a presence change in memory, (re)arms the wrap-up timer and publishes it. */
  applyAgent(ps: ProjectState, a: AgentMem, next: Presence): void {
    const from = a.presence.state;
    a.presence = next;
    if (next.state === 'available') a.idleSince = next.since;
    if (next.state === 'wrap_up' && next.wrapUpUntil) this.armWrapUp(ps, a);
    else this.scheduler.cancel(`wrap:${a.id}`);
    publishAgent(this.deps.bus, ps.id, a, from);
    if (next.state === 'available') this.kick(ps);
  }

  /** Mirrors a presence another process already committed and announced: memory and timers only. */
  applyAgentQuietly(ps: ProjectState, a: AgentMem, next: Presence): void {
    a.presence = next;
    if (next.state === 'available') a.idleSince = next.since;
    if (next.state === 'wrap_up' && next.wrapUpUntil) this.armWrapUp(ps, a);
    else this.scheduler.cancel(`wrap:${a.id}`);
    if (next.state === 'available') this.kick(ps);
  }

  armWrapUp(ps: ProjectState, a: AgentMem): void {
    this.scheduler.at(`wrap:${a.id}`, a.presence.wrapUpUntil!, () => this.onTimer(ps, 'wrap', a.id));
  }

  /** Arms a task's TTL and pending-offer timers, and the project's wake-up for scheduled tasks. */
  armTask(ps: ProjectState, t: Task, wake = true): void {
    if (t.expiresAt !== null && t.status === 'queued') this.scheduler.at(`ttl:${t.id}`, t.expiresAt, () => this.onTimer(ps, 'ttl', t.id));
    const offer = ps.offers.get(t.id);
    if (offer?.expiresAt) this.scheduler.at(`offer:${t.id}`, offer.expiresAt, () => this.onTimer(ps, 'offer', t.id));
    if (wake) this.armWake(ps);
  }

  armWake(ps: ProjectState): void {
    const wake = ps.index.nextWake();
    if (wake !== null) this.scheduler.at(`wake:${ps.id}`, wake, () => this.kick(ps));
  }

  /** Timer callbacks are routed through `timers` (set by the service) so the engine stays orchestration only. */
  timers: (ps: ProjectState, kind: 'wrap' | 'ttl' | 'offer' | 'grace', id: string) => Promise<void> = async () => undefined;

  onTimer(ps: ProjectState, kind: 'wrap' | 'ttl' | 'offer' | 'grace', id: string): void {
    void this.run(ps.id, () => this.timers(ps, kind, id)).catch((err) => this.deps.log.error({ err, kind, id }, 'routing timer failed'));
  }

  /**
   * A call rings at the person `userId` (null: it rings nowhere now) until `until`: the agent gets no
   * task offer meanwhile, so the phone and an offer never compete. A hold that ends frees the agent.
   */
  ringAt(ps: ProjectState, callId: string, userId: string | null, until: number): void {
    const agentId = userId ? ps.byUser.get(userId) : undefined;
    const had = ps.ringing.delete(callId);
    this.scheduler.cancel(`ring:${ps.id}:${callId}`);
    if (agentId) {
      ps.ringing.set(callId, { agentId, until });
      this.scheduler.at(`ring:${ps.id}:${callId}`, until, () => {
        ps.ringing.delete(callId);
        this.kick(ps);
      });
    }
    if (had) this.kick(ps);
  }

  /** Offers tasks to every free agent: fresh tasks pick their agent, then free agents pick their task. */
  async dispatch(ps: ProjectState): Promise<void> {
    const now = this.now();
    for (const e of ps.index.advance(now)) ps.fresh.add(e.id);
    this.armWake(ps);
    const free = [...ps.agents.values()].filter((a) => canTakeOffer(a.presence) && !ps.isRinging(a.id, now)).sort((a, b) => a.idleSince - b.idleSince);
    const plans: OfferPlan[] = [];
    const planned = new Set<string>();
    const plan = (task: Task, agent: AgentMem, trace: DecisionTrace) => {
      const s = ps.queues.get(task.queueId)!.settings;
      plans.push({ offerId: randomUUID(), taskId: task.id, agentId: agent.id, autoAccept: s.autoAccept, expiresAt: s.autoAccept ? null : now + s.offerTimeoutSeconds * 1000, trace });
      planned.add(agent.id);
      ps.index.upsert({ ...task, status: 'offered', agentId: agent.id }, now);
    };
    for (const id of ps.fresh) {
      const e = ps.index.tasks.get(id);
      if (!e || e.status !== 'queued' || plans.length >= this.batchSize) continue;
      const left = free.filter((a) => !planned.has(a.id));
      if (!left.length) break;
      const trace = chooseAgent(e, ps.queues.get(e.queueId)!.settings, left.map((a) => ps.candidate(a)), now);
      if (trace.agentId) plan(e, ps.agents.get(trace.agentId)!, trace);
    }
    ps.fresh.clear();
    for (const a of free) {
      if (planned.has(a.id) || plans.length >= this.batchSize) continue;
      const cands = ps.index.candidates(ps.candidate(a), now);
      const trace = chooseTask(ps.candidate(a), cands.map((t) => ({ task: t, settings: ps.queues.get(t.queueId)!.settings })), now);
      if (trace.taskId) plan(ps.index.tasks.get(trace.taskId)!, a, trace);
    }
    if (plans.length) await commitPlans(this, ps, plans, now);
  }

  /** Picks up agents added to the project since it was loaded (new members with the agent role). */
  refreshAgents(ps: ProjectState): Promise<void> {
    return refreshAgents(this, ps);
  }

  /** Re-reads tasks and agents from the database after a lost race; the database is the truth. */
  reload(ps: ProjectState, taskIds: string[], agentIds: string[]): Promise<void> {
    return reload(this, ps, taskIds, agentIds);
  }

  private load(projectId: string): Promise<ProjectState> {
    return loadProject(this, projectId);
  }
}
