import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.ts';
import type { Price, Trunk } from './model.ts';
import { parsePriceCsv } from './price-csv.ts';
import { billedSeconds, callCost, priceOf, rankTrunks } from './pricing.ts';
import { normalisePrices } from './trunks.ts';

const price = (prefix: string, ratePerMinute: number, connectionFee = 0): Price => ({ prefix, ratePerMinute, connectionFee, description: '' });
const list = (...ps: Price[]) => new Map(ps.map((p) => [p.prefix, p]));
const trunk = (id: string, over: Partial<Trunk> = {}): Trunk => ({ id, name: id, priority: 10, enabled: true, maxLines: null, currency: 'CZK', firstIncrement: 60, nextIncrement: 60, ...over });

describe('billing increments', () => {
  it.each([
    [0, 60, 60, 0], [1, 60, 60, 60], [60, 60, 60, 60], [61, 60, 60, 120], [125, 60, 60, 180],
    [1, 1, 1, 1], [61, 1, 1, 61], [5, 30, 6, 30], [31, 30, 6, 36], [42, 30, 6, 42], [43, 30, 6, 48],
  ])('%i s at %i/%i bills %i s', (seconds, first, next, billed) => {
    expect(billedSeconds(seconds, first, next)).toBe(billed);
  });

  it('never bills less than the call lasted, nor a whole step more', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), (s, first, next) => {
      const b = billedSeconds(s, first, next);
      return b >= s && b >= first && (b === first || b - s < next);
    }));
  });

  it('prices a call: connection fee plus billed minutes at the rate; an unconnected call costs nothing', () => {
    const p = price('+420', 0.6, 0.2);
    expect(callCost(p, { firstIncrement: 60, nextIncrement: 60 }, 61)).toEqual({ amount: 1.4, billedSeconds: 120 });
    expect(callCost(p, { firstIncrement: 1, nextIncrement: 1 }, 61)).toEqual({ amount: 0.81, billedSeconds: 61 });
    expect(callCost(p, { firstIncrement: 1, nextIncrement: 1 }, 0)).toEqual({ amount: 0, billedSeconds: 0 });
  });
});

describe('price lookup and trunk choice', () => {
  const cz = list(price('+420', 0.5), price('+4206', 0.9), price('+42060', 0.7), price('+421', 2));
  it('takes the longest matching prefix', () => {
    expect(priceOf(cz, '+420601123456')?.prefix).toBe('+42060');
    expect(priceOf(cz, '+420611123456')?.prefix).toBe('+4206');
    expect(priceOf(cz, '+420221123456')?.prefix).toBe('+420');
    expect(priceOf(cz, '+48221234567')).toBeUndefined();
  });

  it('orders trunks cheapest first, priority breaking ties, skipping disabled, full and unpriced ones', () => {
    const trunks = [
      { trunk: trunk('pricey'), prices: list(price('+420', 0.9)) },
      { trunk: trunk('cheap-backup', { priority: 20 }), prices: list(price('+420', 0.4)) },
      { trunk: trunk('cheap-main', { priority: 1 }), prices: list(price('+420', 0.4)) },
      { trunk: trunk('off', { enabled: false }), prices: list(price('+420', 0.1)) },
      { trunk: trunk('full', { maxLines: 2 }), prices: list(price('+420', 0.2)) },
      { trunk: trunk('abroad'), prices: list(price('+49', 0.1)) },
    ];
    const busy = (id: string) => (id === 'full' ? 2 : 0);
    expect(rankTrunks(trunks, '+420221123456', busy).map((t) => t.trunkId)).toEqual(['cheap-main', 'cheap-backup', 'pricey']);
    expect(rankTrunks(trunks, '+420221123456').map((t) => t.trunkId)).toEqual(['full', 'cheap-main', 'cheap-backup', 'pricey']);
    expect(rankTrunks(trunks, '+48221234567')).toEqual([]);
  });
});

describe('price lists', () => {
  const fail = (f: () => unknown) => { try { f(); } catch (e) { return e as AppError; } throw new Error('no error'); };

  it('reads a CSV with synonyms, semicolons and decimal commas', () => {
    const csv = 'Prefix;Rate;Setup fee;Destination\n420;0,49;0;Czechia\n+4206;0.99;;CZ mobile\n00421;1,9;0,1;Slovakia\n';
    expect(parsePriceCsv(csv)).toEqual([
      { prefix: '+420', ratePerMinute: 0.49, connectionFee: 0, description: 'Czechia' },
      { prefix: '+4206', ratePerMinute: 0.99, connectionFee: 0, description: 'CZ mobile' },
      { prefix: '+421', ratePerMinute: 1.9, connectionFee: 0.1, description: 'Slovakia' },
    ]);
  });

  it('reports every bad row with its line and saves nothing', () => {
    const e = fail(() => parsePriceCsv('prefix,ratePerMinute,connectionFee\n420,0.5,0\nabc,0.5,0\n421,-1,0\n420,0.6,0\n43,1,-0.5\n'));
    expect(e.code).toBe('PRICE_LIST_INVALID');
    expect((e.details as { errors: unknown[] }).errors).toEqual([
      { line: 3, field: 'prefix', message: expect.stringContaining('abc') },
      { line: 4, field: 'ratePerMinute', message: expect.any(String) },
      { line: 5, field: 'prefix', message: '+420 is already priced on line 2' },
      { line: 6, field: 'connectionFee', message: expect.any(String) },
    ]);
  });

  it('needs the prefix and rate columns', () => {
    expect(fail(() => parsePriceCsv('country,price_eur\nCZ,1\n'))).toMatchObject({ code: 'PRICE_LIST_INVALID' });
    expect(fail(() => parsePriceCsv(''))).toMatchObject({ code: 'PRICE_LIST_INVALID' });
  });

  it('rejects a JSON list with a repeated or malformed prefix', () => {
    expect(fail(() => normalisePrices([{ prefix: '420', ratePerMinute: 1 }, { prefix: '+420', ratePerMinute: 2 }]))).toMatchObject({ code: 'PREFIX_DUPLICATE', details: { field: 'prices[1].prefix' } });
    expect(fail(() => normalisePrices([{ prefix: '+42x', ratePerMinute: 1 }]))).toMatchObject({ code: 'INVALID_PREFIX' });
  });
});
