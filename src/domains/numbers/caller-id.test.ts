import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_POOLS, numbersFrom } from '../../demo/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { choosePool, indexPools, pickCallerId } from './caller-id.ts';
import { normalisePrefix, placeKey, type CallerIdPool } from './model.ts';
import { checkPools, normaliseNumbers, normalisePrefixes } from './validate.ts';

const pools: CallerIdPool[] = DEMO_POOLS.map((p, i) => ({ id: `pool-${i}`, name: p.name, cities: p.cities, regions: p.regions, areaPrefixes: p.areaPrefixes, numbers: numbersFrom(p.first), isDefault: p.isDefault ?? false }));
const index = indexPools(pools);
const first = () => 0;
const poolOf = (name: string) => pools.find((p) => p.name === name)!;

describe('the demo pools', () => {
  it('cover more than 20 regions and do not contradict each other', () => {
    expect(pools.length).toBeGreaterThanOrEqual(20);
    expect(() => checkPools(pools)).not.toThrow();
  });
});

describe('choosing the local caller ID', () => {
  // One row per region: a customer whose contact has only a city, only a region, or only a number.
  const byCity: [string, string][] = [
    ['Praha 4', 'Praha'], ['Kladno', 'Střední Čechy'], ['Tábor', 'České Budějovice'], ['PLZEŇ', 'Plzeň'], ['Cheb', 'Karlovy Vary'],
    ['Děčín', 'Ústí nad Labem'], ['Jablonec nad Nisou', 'Liberec'], ['Trutnov', 'Hradec Králové'], ['Chrudim', 'Pardubice'],
    ['Třebíč', 'Jihlava'], ['brno', 'Brno'], ['Prostějov', 'Olomouc'], ['Kromeriz', 'Zlín'], ['Frýdek-Místek', 'Ostrava'],
    ['Bratislava', 'Bratislava'], ['Košice', 'Košice'], ['Warsaw', 'Warszawa'], ['Krakow', 'Kraków'], ['Berlin', 'Berlin'],
    ['Munich', 'München'], ['Vienna', 'Wien'],
  ];
  it.each(byCity)('a contact in %s gets the %s pool by city', (city, pool) => {
    const c = pickCallerId(index, { phone: '+420601123456', city }, first)!;
    expect(c).toMatchObject({ poolName: pool, reason: 'city', number: poolOf(pool).numbers[0] });
  });

  const byRegion: [string, string][] = [
    ['Středočeský kraj', 'Střední Čechy'], ['Jihočeský kraj', 'České Budějovice'], ['Plzeňský kraj', 'Plzeň'], ['Karlovarský kraj', 'Karlovy Vary'],
    ['Ústecký kraj', 'Ústí nad Labem'], ['Liberecký kraj', 'Liberec'], ['Královéhradecký kraj', 'Hradec Králové'], ['Pardubický kraj', 'Pardubice'],
    ['Vysočina', 'Jihlava'], ['Jihomoravsky kraj', 'Brno'], ['Olomoucký kraj', 'Olomouc'], ['Zlínský kraj', 'Zlín'], ['Moravskoslezský kraj', 'Ostrava'],
    ['Hlavní město Praha', 'Praha'], ['Bratislavský kraj', 'Bratislava'], ['Košický kraj', 'Košice'], ['Mazowieckie', 'Warszawa'],
    ['Małopolskie', 'Kraków'], ['Bavaria', 'München'], ['Wien', 'Wien'],
  ];
  it.each(byRegion)('a contact in the region %s gets the %s pool', (region, pool) => {
    expect(pickCallerId(index, { phone: '+420601123456', city: 'Nowhere', region }, first)).toMatchObject({ poolName: pool, reason: 'region' });
  });

  const byArea: [string, string][] = [
    ['+420221234567', 'Praha'], ['+420312123456', 'Střední Čechy'], ['+420321123456', 'Střední Čechy'], ['+420386123456', 'České Budějovice'],
    ['+420377123456', 'Plzeň'], ['+420353123456', 'Karlovy Vary'], ['+420416123456', 'Ústí nad Labem'], ['+420475123456', 'Ústí nad Labem'],
    ['+420485123456', 'Liberec'], ['+420495123456', 'Hradec Králové'], ['+420466123456', 'Pardubice'], ['+420567123456', 'Jihlava'],
    ['+420516123456', 'Brno'], ['+420541123456', 'Brno'], ['+420585123456', 'Olomouc'], ['+420577123456', 'Zlín'], ['+420596123456', 'Ostrava'],
    ['+420553123456', 'Ostrava'], ['+421257101111', 'Bratislava'], ['+421556123456', 'Košice'], ['+48221234567', 'Warszawa'],
    ['+48121234567', 'Kraków'], ['+493012345678', 'Berlin'], ['+498912345678', 'München'], ['+4315123456', 'Wien'],
  ];
  it.each(byArea)('an unknown customer on %s gets the %s pool by the number prefix', (phone, pool) => {
    const c = pickCallerId(index, { phone }, first)!;
    expect(c).toMatchObject({ poolName: pool, reason: 'area' });
    expect(phone.startsWith(c.matched!)).toBe(true);
  });

  it('prefers city over region over area, and falls back to the default pool for mobiles', () => {
    expect(choosePool(index, { phone: '+420541123456', city: 'Ostrava', region: 'Zlínský kraj' })).toMatchObject({ reason: 'city', pool: { name: 'Ostrava' } });
    expect(choosePool(index, { phone: '+420541123456', region: 'Zlínský kraj' })).toMatchObject({ reason: 'region', pool: { name: 'Zlín' } });
    expect(choosePool(index, { phone: '+420601123456' })).toMatchObject({ reason: 'default', pool: { name: 'Praha' }, matched: null });
    expect(choosePool(index, { phone: undefined, city: '' })).toMatchObject({ reason: 'default' });
  });

  it('explains the choice for the agent', () => {
    expect(pickCallerId(index, { phone: '+420601123456', city: 'Brno' }, first)!.explanation).toBe('+420541000001 (Brno pool, matched by city Brno)');
  });

  it('answers null when nothing fits and there is no default pool', () => {
    const noDefault = indexPools(pools.map((p) => ({ ...p, isDefault: false })));
    expect(pickCallerId(noDefault, { phone: '+420601123456' }, first)).toBeNull();
    expect(pickCallerId(indexPools([]), { phone: '+420221234567', city: 'Praha' }, first)).toBeNull();
  });

  it('skips pools that have no numbers to show', () => {
    const empty = indexPools([{ ...poolOf('Brno'), numbers: [] }, poolOf('Praha')]);
    expect(pickCallerId(empty, { phone: '+420541123456', city: 'Brno' }, first)).toMatchObject({ reason: 'default', poolName: 'Praha' });
  });

  it('uses every number of a pool equally in turn (round robin)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 200 }), (size, calls) => {
      const pool = { ...poolOf('Brno'), numbers: numbersFrom('+420541000001', size) };
      const idx = indexPools([pool]);
      let turn = 0;
      const used = new Map<string, number>();
      for (let i = 0; i < calls; i++) {
        const n = pickCallerId(idx, { phone: '+420541123456' }, () => turn++)!.number;
        used.set(n, (used.get(n) ?? 0) + 1);
      }
      const counts = [...used.values()];
      return Math.max(...counts) - Math.min(...counts) <= 1 && used.size === Math.min(size, calls);
    }));
  });
});

describe('pool input', () => {
  it('reads national prefixes and numbers in the project country', () => {
    expect(normalisePrefix('05', 'CZ')).toBe('+4205');
    expect(normalisePrefix('+421 2', 'CZ')).toBe('+4212');
    expect(normalisePrefix('0049 30', 'CZ')).toBe('+4930');
    expect(normalisePrefix('5x', 'CZ')).toBeUndefined();
    expect(normaliseNumbers(['541 000 001', '+421220000001'], 'CZ', 'numbers')).toEqual(['+420541000001', '+421220000001']);
  });

  it('names the bad entry', () => {
    const err = (f: () => unknown) => { try { f(); } catch (e) { return e as AppError; } throw new Error('no error'); };
    expect(err(() => normaliseNumbers(['541000001', '12'], 'CZ', 'numbers'))).toMatchObject({ code: 'INVALID_PHONE', details: { field: 'numbers[1]' } });
    expect(err(() => normaliseNumbers(['541000001', '+420541000001'], 'CZ', 'numbers'))).toMatchObject({ code: 'CALLER_ID_NUMBER_TAKEN' });
    expect(err(() => normalisePrefixes(['+4205', '05'], 'CZ', 'areaPrefixes'))).toMatchObject({ code: 'PREFIX_DUPLICATE', details: { field: 'areaPrefixes[1]' } });
    expect(err(() => checkPools([...pools, { ...poolOf('Brno'), id: 'x', name: 'Brno 2', numbers: ['+420541999999'], cities: [], regions: [], areaPrefixes: ['+42054'] }]))).toMatchObject({ code: 'AREA_PREFIX_TAKEN' });
    expect(err(() => checkPools([...pools, { ...poolOf('Brno'), id: 'x', name: 'Brno 2', cities: [], regions: [], areaPrefixes: [] }]))).toMatchObject({ code: 'CALLER_ID_NUMBER_TAKEN' });
  });

  it('compares places without case, diacritics and district numbers', () => {
    expect(placeKey('Praha 4')).toBe('praha');
    expect(placeKey('  ÚSTÍ nad Labem ')).toBe('usti nad labem');
    expect(placeKey('Frýdek-Místek')).toBe('frydek mistek');
  });
});
