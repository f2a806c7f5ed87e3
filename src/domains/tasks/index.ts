import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { DomainEvent, EventBus, EventMap } from '../../platform/events/bus.ts';
import { AppError } from '../../platform/errors.ts';
import { applyCallPresence } from '../agents/call-presence.ts';
import { ConnectionTracker } from '../agents/presence-actions.ts';
import { expire } from './admin-actions.ts';
import { RoutingEngine } from './engine.ts';
import { releaseOffer } from './offer-actions.ts';
import { loadQueues } from './repo.ts';
import { systemClock, type Clock } from './scheduler.ts';
import type { ProjectState } from './state.ts';
import { endWrapUp } from './work-actions.ts';
import { forgetOldest } from '../../platform/forget-oldest.ts';

/** Wiring options of the routing domain (from config). */
export interface RoutingOptions {
  db: Db;
  bus: EventBus;
  log: Logger;
  clock?: Clock;
  /** how long an agent desktop may be gone before the agent leaves `available` */
  disconnectGraceMs: number;
  disconnectTo: 'break' | 'offline';
}

/** Builds the routing engine, wires its timers and keeps it in step with other processes' events. */
export function createRouting(opts: RoutingOptions) {
  const engine = new RoutingEngine({ db: opts.db, bus: opts.bus, log: opts.log, clock: opts.clock ?? systemClock });
  const connections = new ConnectionTracker(engine, { graceMs: opts.disconnectGraceMs, to: opts.disconnectTo });
  engine.timers = async (ps, kind, id) => {
    try {
      if (kind === 'offer') {
        const offer = ps.offers.get(id);
        if (offer) await releaseOffer(engine, ps, offer.agentId, id, 'timed_out');
      } else if (kind === 'wrap') {
        const a = ps.agents.get(id);
        if (a) await endWrapUp(engine, ps, a, null);
      } else if (kind === 'ttl') await expire(engine, ps, id);
      else await connections.graceOver(ps, id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      opts.log.debug({ kind, id, code: err.code }, 'routing timer found the work already done');
    }
  };
  /** `projectId:callId` of the calls holding an agent (see RoutingEngine.ringAt). */
  const ringHolds = new Set<string>();
  /** A call whose end never arrives must not stay here for ever: past this many, the oldest half goes (their holds expired long ago). */
  const MAX_RING_HOLDS = 10_000;
  const off = opts.bus.subscribe((event, meta) => {
    if (!engine.isLoaded(event.projectId)) return;
    if (event.type === 'call.updated') {
      const c = event.payload as EventMap['call.updated'];
      // Inbound calls ring at agents on their own; outbound ones were started by the agent or the dialer, which reserves its agents.
      const ringingAt = c.state === 'ringing' && c.direction === 'inbound' ? c.agentId : null;
      const key = `${event.projectId}:${c.callId}`;
      // Most call updates concern no hold: they stay off the project's engine queue (this runs for every routed call).
      if (!ringingAt && !ringHolds.delete(key)) return;
      if (ringingAt) {
        if (ringHolds.size >= MAX_RING_HOLDS) forgetOldest(ringHolds, MAX_RING_HOLDS / 2);
        ringHolds.add(key);
      }
      void engine.run(event.projectId, async (ps) => engine.ringAt(ps, c.callId, ringingAt, engine.now() + MAX_RING_HOLD_MS)).catch((err) => opts.log.error({ err }, 'ring hold failed'));
      return;
    }
    if (!meta.local) void engine.run(event.projectId, (ps) => mirror(engine, ps, event)).catch((err) => opts.log.error({ err }, 'routing sync failed'));
    else if (event.type === 'member.joined') void engine.run(event.projectId, (ps) => refreshAgents(engine, ps));
  });
  return {
    engine,
    connections,
    /** The person (users.id) is talking on a call: an available agent becomes busy, so no task is offered. */
    onCall: (projectId: string, userId: string) => engine.run(projectId, (ps) => applyCallPresence(engine, ps, userId, { kind: 'call' })),
    /** The person's call ended: from busy-on-a-call to wrap-up (or available when `wrapUpSeconds` is 0). */
    callEnded: (projectId: string, userId: string, wrapUpSeconds: number) =>
      engine.run(projectId, (ps) => applyCallPresence(engine, ps, userId, { kind: 'callEnd', wrapUpSeconds })),
    /** The agent row id (agents.id) -> the person (users.id), for ids that name either. */
    personOf: (projectId: string, id: string) => engine.run(projectId, (ps) => (ps.byUser.has(id) ? id : (ps.agents.get(id)?.userId ?? id))),
    /** The task the person (users.id) holds right now, if any: a call they place belongs to it. */
    taskOf: (projectId: string, userId: string) => engine.run(projectId, (ps) => ps.agents.get(ps.byUser.get(userId) ?? '')?.presence.taskId ?? null),
    /** Every agent's stored presence, for services that learn presence from events and start after a restart. */
    presenceSnapshot: () => opts.db.selectFrom('agents').select(['project_id as projectId', 'user_id as userId', 'state']).execute(),
    start: () => engine.start(),
    stop: () => {
      off();
      engine.stop();
    },
  };
}

/** A ringing call holds its agent at most this long, even if the PBX never reports the call again. */
const MAX_RING_HOLD_MS = 120_000;


/** The routing domain as services.ts holds it. */
export type Routing = ReturnType<typeof createRouting>;

const refreshAgents = (engine: RoutingEngine, ps: ProjectState) => engine.refreshAgents(ps);

/** Mirrors another process's change into memory: agent presence from the payload, tasks re-read from the database. */
async function mirror(engine: RoutingEngine, ps: ProjectState, event: DomainEvent): Promise<void> {
  const p = event.payload as unknown as Record<string, string | null | undefined>;
  if (event.type === 'agent.state_changed') {
    const a = ps.agents.get(p.agentId!);
    if (!a) return refreshAgents(engine, ps);
    const next = { state: p.to as never, since: Date.parse(p.since!), reason: p.reason ?? null, taskId: p.taskId ?? null, wrapUpUntil: p.wrapUpUntil ? Date.parse(p.wrapUpUntil) : null };
    engine.applyAgentQuietly(ps, a, next);
    return;
  }
  if (event.type === 'queue.changed') {
    for (const q of await loadQueues(engine.deps.db, ps.id, ps.timezone)) ps.setQueue(q, engine.now());
    if (p.change === 'deleted') ps.queues.delete(p.queueId!);
    return engine.kick(ps);
  }
  if (event.type === 'member.joined') return refreshAgents(engine, ps);
  if (!event.type.startsWith('task.') || !p.taskId) return;
  await engine.reload(ps, [p.taskId], []);
  if (event.type === 'task.offered' && p.expiresAt && !(p as Record<string, unknown>).autoAccepted) {
    ps.offers.set(p.taskId, { offerId: p.offerId!, agentId: p.agentId!, expiresAt: Date.parse(p.expiresAt) });
  } else if (event.type !== 'task.offered') {
    ps.offers.delete(p.taskId);
    engine.scheduler.cancel(`offer:${p.taskId}`);
  }
  const t = ps.index.tasks.get(p.taskId);
  if (t) engine.armTask(ps, t);
  if (['task.created', 'task.requeued'].includes(event.type)) ps.fresh.add(p.taskId);
  engine.kick(ps);
}
