import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { assignTargets } from '../imports/batch-writer.ts';
import type { ImportRow } from '../imports/csv-columns.ts';
import { isTimeZone, normalisePhone, normalisePhones } from './model.ts';

describe('normalisePhone', () => {
  it.each([
    ['601 123 456', 'CZ', '+420601123456'],
    ['+420 601-123-456', 'CZ', '+420601123456'],
    ['00420601123456', 'CZ', '+420601123456'],
    ['(541) 000 222', 'CZ', '+420541000222'],
    ['0532 123 45 67', 'TR', '+905321234567'],
    ['+7 912 345-67-89', 'CZ', '+79123456789'],
    ['12ab', 'CZ', undefined],
    ['', 'CZ', undefined],
    ['123', 'CZ', undefined],
  ])('%s in %s -> %s', (raw, country, expected) => {
    expect(normalisePhone(raw, country)).toBe(expected);
  });

  it('names the invalid entry and drops repeats', () => {
    expect(normalisePhones([{ number: '601123456' }, { number: '+420601123456' }], 'CZ')).toEqual([{ number: '+420601123456', label: 'main' }]);
    try {
      normalisePhones([{ number: '601123456' }, { number: 'x' }], 'CZ');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details).toMatchObject({ field: 'phones[1].number' });
    }
  });

  it('knows IANA zones', () => {
    expect([isTimeZone('Europe/Prague'), isTimeZone('Europe/Atlantis'), isTimeZone('Europe/Prague')]).toEqual([true, false, true]);
  });
});

const row = (n: number, externalId: string | null, phones: string[]): ImportRow => ({
  row: n, externalId, name: `R${n}`, account: null, phones: phones.map((number, i) => ({ number, column: i ? `phone${i + 1}` : 'phone' })),
  emails: [], city: null, region: null, timezone: null, ownerId: null, tags: [], custom: {},
});

describe('assignTargets (import matching)', () => {
  it('matches by external id first, else by any phone, else creates', () => {
    const { targets, errors } = assignTargets(
      [row(2, 'E1', ['+420601000001']), row(3, null, ['+420601000009', '+420601000002']), row(4, null, ['+420601000003'])],
      new Map([['E1', 'c1']]),
      new Map([['+420601000001', 'c1'], ['+420601000002', 'c2']]),
    );
    expect(errors).toEqual([]);
    expect([targets.get(2), targets.get(3)]).toEqual(['c1', 'c2']);
    expect(targets.get(4)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a phone held by another contact, repeats within the batch, and two rows for one contact', () => {
    const { targets, errors } = assignTargets(
      [row(2, 'E1', ['+420601000002']), row(3, 'E2', ['+420601000005']), row(4, 'E3', ['+420601000005']), row(5, 'E2', []), row(6, null, ['+420601000007']), row(7, 'E7', ['+420601000007'])],
      new Map([['E7', 'c7']]),
      new Map([['+420601000002', 'c2'], ['+420601000007', 'c7']]),
    );
    expect(errors.map((e) => [e.row, e.field, e.reason.split(':')[0]])).toEqual([
      [2, 'phone', 'PHONE_TAKEN'],
      [4, 'phone', 'PHONE_TAKEN'],
      [5, 'external_id', 'EXTERNAL_ID_TAKEN'],
      [7, '*', 'the same contact as row 6'],
    ]);
    expect([...targets.keys()]).toEqual([3, 6]);
  });
});

describe('uuidv7 (ids of imported rows)', () => {
  it('is a valid version 7 UUID that sorts by creation time', async () => {
    const { uuidv7 } = await import('../imports/ids.ts');
    const ids = [uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_001), uuidv7(1_800_000_000_000)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
