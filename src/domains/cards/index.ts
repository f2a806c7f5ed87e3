import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { UserChannel } from '../../platform/ws/user-channel.ts';
import { CardAssembler, type CallContext } from './assembler.ts';
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
  /** A call's record (the calls domain), once what is known of the call is written. */
  recordedCall: (projectId: string, pbxCallId: string) => Promise<RecordedCall | undefined>;
}

/** The facts of a call record the card starts from. */
export interface RecordedCall {
  direction: 'inbound' | 'outbound';
  from_number: string | null;
  to_number: string | null;
  caller_id: string | null;
  contact_id: string | null;
  rule_id: string | null;
  rule_name: string | null;
}

/** A card's starting point from the call's record: the caller's number, the line, the contact, the rule. */
function contextOf(projectId: string, r: RecordedCall | undefined): CallContext | null {
  if (!r) return null;
  const inbound = r.direction === 'inbound';
  return {
    projectId,
    direction: r.direction,
    phone: inbound ? r.from_number : r.to_number,
    line: inbound ? r.to_number : r.caller_id,
    contactId: r.contact_id,
    callerKind: null,
    rule: inbound && r.rule_name ? { id: r.rule_id, name: r.rule_name } : null,
  };
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
    recordedContext: async (projectId, pbxCallId) => contextOf(projectId, await deps.recordedCall(projectId, pbxCallId)),
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
