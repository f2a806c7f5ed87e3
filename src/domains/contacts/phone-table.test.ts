import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { e164Digits, PhoneTable } from './phone-table.ts';

describe('phone table', () => {
  it('reads only E.164 numbers as digits', () => {
    expect(e164Digits('+420601123456')).toBe(420601123456);
    expect(e164Digits('+999999999999999')).toBe(999999999999999);
    for (const other of ['', '+', '420601123456', '+0420601', '+42060112345a', '+1234567890123456', 'anonymous']) expect(e164Digits(other)).toBe(0);
  });

  it('answers like a Map through any mix of additions, replacements and removals, across resizes', () => {
    // A few numbers in a small table wrap around its end; thousands make it grow.
    const phone = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((i) => `+4207${i}`),
      fc.integer({ min: 0, max: 3000 }).map((i) => `+4206010${String(i).padStart(5, '0')}`),
      fc.integer({ min: 0, max: 50 }).map((i) => `+1${i}`),
      fc.constantFrom('0601 123 456', 'sip:alice@example.test', '+0123'),
    );
    const op = fc.tuple(fc.constantFrom('set', 'delete'), phone, fc.nat(1_000_000));
    fc.assert(
      fc.property(fc.constantFrom(2, 8, 1024), fc.oneof(fc.array(op.filter(([, p]) => p.startsWith('+4207')), { minLength: 100, maxLength: 400 }), fc.array(op, { minLength: 500, maxLength: 2000 })), (capacity, ops) => {
        const table = new PhoneTable(capacity);
        const model = new Map<string, number>();
        for (const [kind, p, slot] of ops) {
          if (kind === 'set') {
            table.set(p, slot);
            model.set(p, slot);
          } else {
            expect(table.delete(p)).toBe(model.delete(p));
          }
          // A removal that loses a neighbour shows at once (a later addition could hide it); small tables in full.
          for (const [q, slot] of model.size <= 64 ? model : [[p, model.get(p)] as const]) expect(table.get(q)).toBe(slot);
        }
        expect(table.size).toBe(model.size);
        for (const [p, slot] of model) expect(table.get(p)).toBe(slot);
        for (const [, p] of ops) expect(table.has(p)).toBe(model.has(p));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a million consecutive numbers apart', () => {
    const table = new PhoneTable();
    for (let i = 0; i < 1_000_000; i++) table.set(`+420601${String(i).padStart(6, '0')}`, i);
    expect(table.size).toBe(1_000_000);
    for (let i = 0; i < 1_000_000; i += 997) expect(table.get(`+420601${String(i).padStart(6, '0')}`)).toBe(i);
    expect(table.get('+420602000000')).toBeUndefined();
  });
});
