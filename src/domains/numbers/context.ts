import type { Db } from '../../platform/db/db.ts';
import type { EventBus, EventMap } from '../../platform/events/bus.ts';
import type { NumbersMemory } from './memory.ts';

/** What the numbers services share: the database, the bus, the in-memory snapshot and the project's country. */
export interface NumbersContext {
  db: Db;
  bus: EventBus;
  memory: NumbersMemory;
  defaultCountry: (projectId: string) => Promise<string>;
}

/**
 * After a committed change: reload this process's snapshot before the API answers (the next call already
 * uses it), then tell other processes to reload theirs.
 */
export async function changed(ctx: NumbersContext, projectId: string, change: EventMap['numbers.changed']['change']): Promise<void> {
  await ctx.memory.reload(projectId);
  ctx.bus.publish(projectId, 'numbers.changed', { change });
}
