import type { CardPart } from './parts.ts';
import type { CallerRecord } from './repo.ts';

/** What Switchboard itself knows when the call rings: the first frame of the card. */
export interface CardBase extends CallerRecord {
  /** The PBX's call id (the id call events carry). */
  callId: string;
  direction: 'inbound' | 'outbound';
  /** The customer's number (the caller inbound, the called number outbound); null when withheld. */
  phone: string | null;
  /** The number the customer dialled (inbound) or the caller ID shown to them (outbound). */
  line: string | null;
  callerKind: string;
  rule: { id: string | null; name: string } | null;
  at: string;
}

export type CardStatus = 'loading' | 'complete' | 'partial';

export interface Card {
  base: CardBase;
  parts: CardPart[];
  status: CardStatus;
}

/** A card while its call lives, with who may see it and how to stop its fetches. */
export interface LiveCard {
  projectId: string;
  card: Card;
  recipients: Set<string>;
  cancel: AbortController;
  endedAt: number | null;
}

/** Cards of calls that never report an end are dropped after this long anyway. */
export const MAX_CARD_LIFE_MS = 4 * 3600_000;

/**
 * The only place connector data lives: memory, for the call's life plus the TTL. Nothing
 * here is written anywhere; a dropped card's fetches are cancelled.
 */
export class CardStore {
  private readonly cards = new Map<string, { live: LiveCard; timer: NodeJS.Timeout }>();

  constructor(private readonly ttlMs: number) {}

  get(projectId: string, callId: string): LiveCard | undefined {
    return this.cards.get(`${projectId} ${callId}`)?.live;
  }

  /** The cards a person may see right now (a reloaded desktop asks for them). */
  forUser(projectId: string, userId: string): LiveCard[] {
    return [...this.cards.values()].map((c) => c.live).filter((l) => l.projectId === projectId && l.recipients.has(userId));
  }

  add(live: LiveCard): void {
    const key = `${live.projectId} ${live.card.base.callId}`;
    this.cards.set(key, { live, timer: this.dropLater(key, MAX_CARD_LIFE_MS) });
  }

  /** The call ended: the card stays for the TTL, then it is gone. */
  ended(projectId: string, callId: string, now: number): void {
    const key = `${projectId} ${callId}`;
    const entry = this.cards.get(key);
    if (!entry || entry.live.endedAt !== null) return;
    entry.live.endedAt = now;
    clearTimeout(entry.timer);
    entry.timer = this.dropLater(key, this.ttlMs);
  }

  get size(): number {
    return this.cards.size;
  }

  close(): void {
    for (const key of [...this.cards.keys()]) this.drop(key);
  }

  private dropLater(key: string, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.drop(key), ms);
    timer.unref();
    return timer;
  }

  private drop(key: string): void {
    const entry = this.cards.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.live.cancel.abort();
    this.cards.delete(key);
  }
}
