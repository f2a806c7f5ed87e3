import type { CardPart, Content, PartStatus } from '../../../../src/domains/cards/parts.ts';
import type { Card, CardBase, CardStatus } from '../../../../src/domains/cards/store.ts';

/** The caller card as the server streams it (src/domains/cards): frame 1, then parts, then done. */
export type { Card, CardBase, CardPart, PartStatus };
export type PartContent = Content;

/** One `card.frame` message's payload. */
export type CardFrame =
  | { callId: string; kind: 'card'; card: Card }
  | { callId: string; kind: 'part'; part: CardPart }
  | { callId: string; kind: 'done'; status: Exclude<CardStatus, 'loading'> };

export type Cards = Record<string, Card>;

/** Applies one frame; a part or done frame for a card we never saw (page opened mid-call) is ignored. */
export function applyFrame(cards: Cards, f: CardFrame): Cards {
  if (f.kind === 'card') return { ...cards, [f.callId]: f.card };
  const card = cards[f.callId];
  if (!card) return cards;
  if (f.kind === 'part') return { ...cards, [f.callId]: { ...card, parts: card.parts.map((p) => (p.connectorId === f.part.connectorId ? f.part : p)) } };
  return { ...cards, [f.callId]: { ...card, status: f.status } };
}

/** The card the panel shows: the newest one not dismissed. */
export function currentCard(cards: Cards, dismissed: ReadonlySet<string>): Card | undefined {
  return Object.values(cards)
    .filter((c) => !dismissed.has(c.base.callId))
    .sort((a, b) => b.base.at.localeCompare(a.base.at))[0];
}
