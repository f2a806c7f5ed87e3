import { describe, expect, it } from 'vitest';
import { finalStatus } from './assembler.ts';
import { MAX_COLUMNS, MAX_ROWS, parseContent, type CardPart } from './parts.ts';

describe('parsing a source answer into a card part', () => {
  it('shows an object as key/value fields, nested values as short JSON', () => {
    expect(parseContent('fields', '{"LTV":"120 000 CZK","overdue":0,"tags":["vip"],"x":null}')).toEqual({
      ok: true,
      content: { fields: [{ key: 'LTV', value: '120 000 CZK' }, { key: 'overdue', value: '0' }, { key: 'tags', value: '["vip"]' }, { key: 'x', value: '' }] },
    });
  });

  it('shows an array, or the first array inside an object, as a table', () => {
    const r = parseContent('table', '{"count":2,"items":[{"no":"A1","sum":10},{"no":"A2","extra":true}]}');
    expect(r).toEqual({ ok: true, content: { table: { columns: ['no', 'sum', 'extra'], rows: [['A1', '10', ''], ['A2', '', 'true']], more: 0 } } });
    expect(parseContent('table', '["a","b"]')).toEqual({ ok: true, content: { table: { columns: ['value'], rows: [['a'], ['b']], more: 0 } } });
  });

  it('caps rows and columns so a big answer stays a glance', () => {
    const wide = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`c${i}`, i]));
    const r = parseContent('table', JSON.stringify(Array.from({ length: 70 }, () => wide)));
    if (!r.ok || !('table' in r.content)) throw new Error('expected a table');
    expect(r.content.table.columns).toHaveLength(MAX_COLUMNS);
    expect(r.content.table.rows).toHaveLength(MAX_ROWS);
    expect(r.content.table.more).toBe(20);
  });

  it('turns garbage and wrong shapes into an error the agent can read', () => {
    expect(parseContent('fields', '<html>oops')).toEqual({ ok: false, error: 'the source did not answer with valid JSON' });
    expect(parseContent('fields', '[1,2]')).toMatchObject({ ok: false, error: expect.stringMatching(/object/) });
    expect(parseContent('table', '{"a":1}')).toMatchObject({ ok: false, error: expect.stringMatching(/array/) });
  });

  it('calls a card complete only when every source answered or had nothing to be asked', () => {
    const part = (status: CardPart['status']): CardPart => ({ connectorId: 'c', name: 'n', display: 'fields', status, ms: 1, cached: false, content: null, error: null });
    expect(finalStatus([part('ok'), part('skipped')])).toBe('complete');
    expect(finalStatus([part('ok'), part('timeout')])).toBe('partial');
    expect(finalStatus([part('error')])).toBe('partial');
  });
});
