import type { Db } from '../platform/db/db.ts';

export interface DemoPool {
  name: string;
  cities: string[];
  regions: string[];
  areaPrefixes: string[];
  /** The first number; the pool gets it and the next two. */
  first: string;
  isDefault?: boolean;
}

/** The demo's local numbers: one pool per Czech region (kraj) and a few neighbouring countries' cities. */
export const DEMO_POOLS: DemoPool[] = [
  { name: 'Praha', cities: ['Praha', 'Prague'], regions: ['Hlavní město Praha'], areaPrefixes: ['+4202'], first: '+420234000001', isDefault: true },
  { name: 'Střední Čechy', cities: ['Kladno', 'Mladá Boleslav', 'Kolín', 'Příbram'], regions: ['Středočeský kraj'], areaPrefixes: ['+42031', '+42032'], first: '+420321000001' },
  { name: 'České Budějovice', cities: ['České Budějovice', 'Tábor', 'Písek'], regions: ['Jihočeský kraj'], areaPrefixes: ['+42038'], first: '+420387000001' },
  { name: 'Plzeň', cities: ['Plzeň', 'Klatovy'], regions: ['Plzeňský kraj'], areaPrefixes: ['+42037'], first: '+420377000001' },
  { name: 'Karlovy Vary', cities: ['Karlovy Vary', 'Cheb', 'Sokolov'], regions: ['Karlovarský kraj'], areaPrefixes: ['+42035'], first: '+420353000001' },
  { name: 'Ústí nad Labem', cities: ['Ústí nad Labem', 'Teplice', 'Děčín', 'Most', 'Chomutov'], regions: ['Ústecký kraj'], areaPrefixes: ['+42041', '+42047'], first: '+420475000001' },
  { name: 'Liberec', cities: ['Liberec', 'Jablonec nad Nisou'], regions: ['Liberecký kraj'], areaPrefixes: ['+42048'], first: '+420485000001' },
  { name: 'Hradec Králové', cities: ['Hradec Králové', 'Trutnov', 'Náchod'], regions: ['Královéhradecký kraj'], areaPrefixes: ['+42049'], first: '+420495000001' },
  { name: 'Pardubice', cities: ['Pardubice', 'Chrudim', 'Svitavy'], regions: ['Pardubický kraj'], areaPrefixes: ['+42046'], first: '+420466000001' },
  { name: 'Jihlava', cities: ['Jihlava', 'Třebíč', 'Havlíčkův Brod'], regions: ['Kraj Vysočina', 'Vysočina'], areaPrefixes: ['+42056'], first: '+420567000001' },
  { name: 'Brno', cities: ['Brno', 'Znojmo', 'Břeclav', 'Hodonín'], regions: ['Jihomoravský kraj'], areaPrefixes: ['+42051', '+42053', '+42054'], first: '+420541000001' },
  { name: 'Olomouc', cities: ['Olomouc', 'Prostějov', 'Přerov'], regions: ['Olomoucký kraj'], areaPrefixes: ['+42058'], first: '+420585000001' },
  { name: 'Zlín', cities: ['Zlín', 'Uherské Hradiště', 'Kroměříž', 'Vsetín'], regions: ['Zlínský kraj'], areaPrefixes: ['+42057'], first: '+420577000001' },
  { name: 'Ostrava', cities: ['Ostrava', 'Opava', 'Frýdek-Místek', 'Karviná'], regions: ['Moravskoslezský kraj'], areaPrefixes: ['+42055', '+42059'], first: '+420596000001' },
  { name: 'Bratislava', cities: ['Bratislava'], regions: ['Bratislavský kraj'], areaPrefixes: ['+4212'], first: '+421220000001' },
  { name: 'Košice', cities: ['Košice'], regions: ['Košický kraj'], areaPrefixes: ['+42155'], first: '+421556000001' },
  { name: 'Warszawa', cities: ['Warszawa', 'Warsaw'], regions: ['Mazowieckie'], areaPrefixes: ['+4822'], first: '+48222000001' },
  { name: 'Kraków', cities: ['Kraków', 'Krakow'], regions: ['Małopolskie'], areaPrefixes: ['+4812'], first: '+48122000001' },
  { name: 'Berlin', cities: ['Berlin'], regions: ['Berlin'], areaPrefixes: ['+4930'], first: '+493020000001' },
  { name: 'München', cities: ['München', 'Munich'], regions: ['Bayern', 'Bavaria'], areaPrefixes: ['+4989'], first: '+498920000001' },
  { name: 'Wien', cities: ['Wien', 'Vienna'], regions: ['Wien'], areaPrefixes: ['+431'], first: '+4312000001' },
];

/** "+420234000001" -> its next `count` numbers (the last digits counted up). */
export const numbersFrom = (first: string, count = 3): string[] => Array.from({ length: count }, (_, i) => `+${BigInt(first.slice(1)) + BigInt(i)}`);

const TRACKING = [
  { number: '+420234100001', source: 'Billboard D1', campaign: 'Spring 2026' },
  { number: '+420541100001', source: 'Google Ads', campaign: 'Google Ads Brno' },
  { number: '+420234100002', source: 'Google Ads', campaign: 'Google Ads Praha' },
  { number: '+420234100003', source: 'Radio Impuls', campaign: 'Morning show' },
  { number: '+420234100004', source: 'Website', campaign: '' },
];

/** Two carriers: the cheap one billed per minute, the backup billed per second; prices per minute in CZK. */
const TRUNKS = [
  { name: 'O2 SIP', priority: 1, first_increment: 60, next_increment: 60, max_lines: 30, prices: [['+420', 0.49, 0], ['+4206', 0.99, 0], ['+4207', 0.99, 0], ['+421', 1.9, 0], ['+48', 2.2, 0], ['+49', 1.5, 0], ['+43', 1.6, 0]] },
  { name: 'Backup SIP', priority: 2, first_increment: 1, next_increment: 1, max_lines: null, prices: [['+420', 0.59, 0.1], ['+4206', 0.89, 0.1], ['+4207', 0.89, 0.1], ['+421', 2.1, 0.1], ['+4', 4.9, 0.2]] },
] as const;

/** Demo caller ID pools (21 regions), tracking numbers and two trunks with price lists, in the seed's transaction. */
export async function seedDemoNumbers(db: Db, projectId: string): Promise<void> {
  await db.insertInto('caller_id_pools').values(DEMO_POOLS.map((p) => ({
    project_id: projectId, name: p.name, cities: p.cities, regions: p.regions, area_prefixes: p.areaPrefixes, numbers: numbersFrom(p.first), is_default: p.isDefault ?? false,
  }))).execute();
  await db.insertInto('tracking_numbers').values(TRACKING.map((t) => ({ project_id: projectId, ...t }))).execute();
  for (const { prices, ...t } of TRUNKS) {
    const trunk = await db.insertInto('trunks').values({ project_id: projectId, currency: 'CZK', ...t }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('trunk_prices').values(prices.map(([prefix, rate, fee]) => ({ project_id: projectId, trunk_id: trunk.id, prefix, rate_per_minute: rate, connection_fee: fee }))).execute();
  }
}
