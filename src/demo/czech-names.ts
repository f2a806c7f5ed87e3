/** A small, fast, seeded PRNG (mulberry32): the demo data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

export interface DemoCity {
  name: string;
  region: string;
  /** Landline area prefixes of the city (the first digits of the 9-digit national number). */
  landlines: string[];
  weight: number;
}

export const demoCities: DemoCity[] = [
  { name: 'Praha', region: 'Hlavní město Praha', landlines: ['222', '224', '233', '241', '257', '266', '271', '283'], weight: 40 },
  { name: 'Brno', region: 'Jihomoravský kraj', landlines: ['541', '542', '543', '545', '548'], weight: 20 },
  { name: 'Ostrava', region: 'Moravskoslezský kraj', landlines: ['595', '596', '597', '599'], weight: 14 },
  { name: 'Plzeň', region: 'Plzeňský kraj', landlines: ['377', '378'], weight: 10 },
  { name: 'Liberec', region: 'Liberecký kraj', landlines: ['482', '485', '488'], weight: 8 },
  { name: 'Olomouc', region: 'Olomoucký kraj', landlines: ['585', '587', '588'], weight: 8 },
];

const male = ['Jan', 'Petr', 'Pavel', 'Tomáš', 'Martin', 'Jiří', 'Josef', 'Lukáš', 'Jakub', 'Milan', 'Zdeněk', 'Michal', 'Ondřej', 'Václav', 'David', 'Karel', 'Radek', 'Vojtěch'];
const female = ['Jana', 'Eva', 'Hana', 'Anna', 'Lenka', 'Kateřina', 'Lucie', 'Věra', 'Alena', 'Petra', 'Martina', 'Tereza', 'Markéta', 'Zuzana', 'Jitka', 'Veronika', 'Barbora', 'Ivana'];
/** Surnames with their female form. */
const surnames: [string, string][] = [
  ['Novák', 'Nováková'], ['Svoboda', 'Svobodová'], ['Novotný', 'Novotná'], ['Dvořák', 'Dvořáková'], ['Černý', 'Černá'],
  ['Procházka', 'Procházková'], ['Kučera', 'Kučerová'], ['Veselý', 'Veselá'], ['Horák', 'Horáková'], ['Němec', 'Němcová'],
  ['Pokorný', 'Pokorná'], ['Marek', 'Marková'], ['Pospíšil', 'Pospíšilová'], ['Hájek', 'Hájková'], ['Jelínek', 'Jelínková'],
  ['Král', 'Králová'], ['Růžička', 'Růžičková'], ['Beneš', 'Benešová'], ['Fiala', 'Fialová'], ['Sedláček', 'Sedláčková'],
  ['Doležal', 'Doležalová'], ['Zeman', 'Zemanová'], ['Kolář', 'Kolářová'], ['Navrátil', 'Navrátilová'], ['Čermák', 'Čermáková'],
  ['Vaněk', 'Vaňková'], ['Urban', 'Urbanová'], ['Blažek', 'Blažková'], ['Kříž', 'Křížová'], ['Kovář', 'Kovářová'],
  ['Bartoš', 'Bartošová'], ['Vlček', 'Vlčková'], ['Polák', 'Poláková'], ['Musil', 'Musilová'], ['Kopecký', 'Kopecká'],
  ['Šimek', 'Šimková'], ['Konečný', 'Konečná'], ['Malý', 'Malá'], ['Holub', 'Holubová'], ['Štěpánek', 'Štěpánková'],
];
const trades = [
  'Stavby', 'Pekárna', 'Autoservis', 'Elektro', 'Kovovýroba', 'Truhlářství', 'Tiskárna', 'Zahradnictví', 'Logistika', 'Strojírny',
  'Potraviny', 'Agro', 'Textil', 'IT služby', 'Účetnictví', 'Doprava', 'Sklárna', 'Keramika', 'Vinařství', 'Instalatérství',
  'Nábytek', 'Velkoobchod', 'Lékárna', 'Cukrárna', 'Pivovar', 'Zámečnictví', 'Reality', 'Obaly', 'Kancelářské potřeby', 'Hydraulika',
];
const forms = ['s.r.o.', 's.r.o.', 's.r.o.', 'a.s.', 'spol. s r.o.', 'v.o.s.'];
const qualifiers = ['Plus', 'Servis', 'Group', 'Trade', 'CZ', 'Morava', 'Bohemia', 'Centrum', 'Partner', 'Expres'];

/** Plain ASCII for e-mail addresses and domains: "Dvořák" -> "dvorak". */
export const ascii = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

export const czechNames = {
  person(rnd: () => number): { name: string; login: string } {
    const isFemale = rnd() < 0.5;
    const first = pick(rnd, isFemale ? female : male);
    const last = pick(rnd, surnames)[isFemale ? 1 : 0];
    return { name: `${first} ${last}`, login: `${ascii(first)}.${ascii(last)}` };
  },
  /** "Pekárna Dvořák Brno s.r.o."; `more` adds a qualifier once the plain combinations run out. */
  company(rnd: () => number, city: DemoCity, more: boolean): { name: string; domain: string } {
    const trade = pick(rnd, trades);
    const family = pick(rnd, surnames)[0];
    const where = rnd() < 0.5 ? ` ${city.name}` : '';
    const extra = more || rnd() < 0.3 ? ` ${pick(rnd, qualifiers)}` : '';
    const core = `${trade} ${family}${extra}${where}`;
    return { name: `${core} ${pick(rnd, forms)}`, domain: `${ascii(trade)}-${ascii(family)}${extra ? ascii(extra) : ''}.cz` };
  },
};
