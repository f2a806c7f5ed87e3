import { describe, expect, it } from 'vitest';
import { applyFrame, currentCard, type Card, type CardPart } from '../../web/src/features/desktop/card-model.ts';

const part = (connectorId: string, status: CardPart['status']): CardPart => ({ connectorId, name: connectorId, display: 'fields', status, ms: null, cached: false, content: null, error: null });
const card = (callId: string, at: string): Card => ({
  base: { callId, direction: 'inbound', phone: '+420601555777', line: null, callerKind: 'customer', rule: null, at, contact: null, account: null, owner: null, openTasks: [] },
  parts: [part('a', 'loading'), part('b', 'loading')],
  status: 'loading',
});

describe('the desktop card state', () => {
  it('fills the card part by part and ends with the final status', () => {
    let cards = applyFrame({}, { callId: 'c1', kind: 'card', card: card('c1', '2026-11-22T10:00:00Z') });
    cards = applyFrame(cards, { callId: 'c1', kind: 'part', part: { ...part('b', 'timeout'), error: 'no answer within 300 ms' } });
    cards = applyFrame(cards, { callId: 'c1', kind: 'part', part: { ...part('a', 'ok'), content: { fields: [{ key: 'LTV', value: '1' }] } } });
    cards = applyFrame(cards, { callId: 'c1', kind: 'done', status: 'partial' });
    expect(cards.c1!.parts.map((p) => p.status)).toEqual(['ok', 'timeout']);
    expect(cards.c1!.status).toBe('partial');
  });

  it('ignores parts of a card it never saw, and shows the newest card not dismissed', () => {
    expect(applyFrame({}, { callId: 'x', kind: 'part', part: part('a', 'ok') })).toEqual({});
    const cards = { c1: card('c1', '2026-11-22T10:00:00Z'), c2: card('c2', '2026-11-22T10:05:00Z') };
    expect(currentCard(cards, new Set())?.base.callId).toBe('c2');
    expect(currentCard(cards, new Set(['c2']))?.base.callId).toBe('c1');
    expect(currentCard(cards, new Set(['c1', 'c2']))).toBeUndefined();
  });
});
