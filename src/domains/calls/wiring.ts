import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { TelephonyHub } from '../../telephony/hub.ts';
import type { CallRouting } from '../call-routing/index.ts';
import type { ContactsDomain } from '../contacts/index.ts';
import type { Routing } from '../tasks/index.ts';
import { listTasks } from '../tasks/task-service.ts';
import { createCalls } from './index.ts';
import type { NumbersLookup } from './ports.ts';

/** The calls domain built on the other domains' services (services.ts calls this once). */
export function createCallsFrom(p: {
  db: Db;
  bus: EventBus;
  log: Logger;
  wrapUpSeconds: number;
  liveCallsMax?: number;
  telephony: TelephonyHub;
  routing: Routing;
  callRouting: CallRouting;
  contacts: ContactsDomain;
  numbers?: NumbersLookup;
}) {
  const snapshot = (projectId: string) => p.callRouting.snapshots.get(projectId);
  return createCalls({
    db: p.db,
    bus: p.bus,
    log: p.log.child({ domain: 'calls' }),
    telephony: p.telephony,
    wrapUpSeconds: p.wrapUpSeconds,
    liveCallsMax: p.liveCallsMax,
    numbers: p.numbers,
    presence: { onCall: p.routing.onCall, callEnded: p.routing.callEnded, personOf: p.routing.personOf, taskOf: p.routing.taskOf },
    plan: {
      extensions: async (projectId) => (await snapshot(projectId))?.extensions ?? new Map(),
      extensionsNow: (projectId) => p.callRouting.snapshots.peek(projectId)?.extensions,
      timezone: async (projectId) => (await snapshot(projectId))?.settings.timezone ?? 'UTC',
    },
    contacts: {
      get: (projectId, id) => p.contacts.contacts.get(projectId, id),
      byPhone: (projectId, phone) => p.contacts.contacts.byPhone(projectId, phone),
      country: (projectId) => p.contacts.facts.country(projectId),
    },
    tasks: async (projectId, contactId) => (await listTasks(p.routing.engine, projectId, { contactId, limit: 50, offset: 0 })).items,
  });
}
