import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { UserChannel } from '../../platform/ws/user-channel.ts';
import { CardAssembler } from './assembler.ts';
import { Connectors } from './connectors.ts';
import { SourceFetcher } from './fetcher.ts';
import { CardStore } from './store.ts';

export interface CardDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  channel: UserChannel;
  ttlSeconds: number;
  /** Where path-only connector URLs go until the server knows its own listening address. */
  publicUrl: string;
  agentForExtension: (projectId: string, extension: string) => string | null;
  contactForPhone: (projectId: string, phone: string) => string | null;
}

/**
 * The caller card (R-12, R-40..R-43): connector settings in the database, card assembly from call
 * events, cards in memory only for the call's life plus CARD_TTL_SECONDS.
 */
export function createCards(deps: CardDeps) {
  let selfBase = deps.publicUrl;
  const fetcher = new SourceFetcher();
  const connectors = new Connectors(deps.db, fetcher, () => selfBase);
  const store = new CardStore(deps.ttlSeconds * 1000);
  const assembler = new CardAssembler({
    db: deps.db,
    bus: deps.bus,
    channel: deps.channel,
    connectors,
    fetcher,
    store,
    agentForExtension: deps.agentForExtension,
    contactForPhone: deps.contactForPhone,
    selfBase: () => selfBase,
    log: deps.log.child({ domain: 'cards' }),
  });
  return {
    connectors,
    store,
    fetcher,
    /** Called once the server listens: path-only connector URLs then go straight to this process. */
    listening(base: string): void {
      selfBase = base;
    },
    stop(): void {
      assembler.close();
      store.close();
    },
  };
}

export type Cards = ReturnType<typeof createCards>;
