import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { PresenceAvailability, type AgentAvailability } from './availability.ts';
import { CallerIndex, type CallerDirectory } from './caller-index.ts';
import { RoutingDesk } from './desk.ts';
import { CallGroups } from './groups.ts';
import { RoutingRepo } from './repo.ts';
import { CallRoutingAdmin } from './service.ts';
import { RoutingSnapshots } from './snapshots.ts';

/**
 * Inbound call routing: per-project rules over the caller's data answer the PBX's "where does this
 * call go?" from memory within a deadline. `desk` is the port's CallRouter and call event sink.
 * Callers are identified through `directory`, the contacts domain's in-memory phone directory.
 */
export function createCallRouting(deps: {
  db: Db;
  bus: EventBus;
  log: Logger;
  deadlineMs: number;
  directory: CallerDirectory;
  availability?: AgentAvailability;
  clock?: () => number;
}) {
  const repo = new RoutingRepo(deps.db);
  const snapshots = new RoutingSnapshots(repo, deps.bus, deps.log);
  const callers = new CallerIndex(deps.directory);
  const presence = new PresenceAvailability(deps.bus);
  const availability = deps.availability ?? presence;
  const admin = new CallRoutingAdmin(deps.db, repo, snapshots, deps.bus);
  const groups = new CallGroups(deps.db, repo, admin);
  const desk = new RoutingDesk({
    snapshots,
    callers,
    availability,
    bus: deps.bus,
    log: deps.log.child({ domain: 'call-routing' }),
    clock: deps.clock ?? Date.now,
    deadlineMs: deps.deadlineMs,
  });
  return {
    admin,
    groups,
    desk,
    snapshots,
    callers,
    presence,
    /** Loads every project's routing; the server answers calls after this (and the phone directory's load). */
    async start(): Promise<void> {
      await snapshots.start();
    },
    stop(): void {
      snapshots.close();
      presence.close();
      desk.close();
    },
  };
}

export type CallRouting = ReturnType<typeof createCallRouting>;
