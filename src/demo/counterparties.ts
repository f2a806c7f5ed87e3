import { sql } from 'kysely';
import type { Db } from '../platform/db/db.ts';
import type { AccountKind } from '../platform/db/schema.ts';
import { czechNames, type DemoCity, demoCities, pick, prng } from './czech-names.ts';

export interface Counterparty {
  account: { id: string; externalId: string; name: string; kind: AccountKind; city: string; region: string; ownerId: string; tags: string[] };
  contact: { id: string; externalId: string; name: string; email: string; phones: string[] };
}

const kinds: [AccountKind, number][] = [['customer', 0.8], ['supplier', 0.1], ['partner', 0.06], ['other', 0.04]];
const tagPool = ['vip', 'velkoodběratel', 'nový', 'e-shop', 'B2B', 'sezónní', 'dlužník'];
const mobilePrefixes = ['601', '602', '603', '604', '605', '606', '607', '608', '702', '720', '721', '723', '724', '725', '728', '730', '731', '732', '733', '736', '737', '739', '770', '773', '774', '775', '776', '777', '778', '792', '799'];

/**
 * The seeds' counterparties (14,500 numbers across six Czech cities), generated from a fixed seed
 * so every demo has the same data: company names, one person each, valid +420 mobile and city
 * landline numbers (some people have two), mostly customers, owners spread over the agents.
 */
export function generateCounterparties(count: number, ownerIds: string[], uuid: (n: number) => string, seed = 20260101): Counterparty[] {
  const rnd = prng(seed);
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const phone = (city: DemoCity, landline: boolean): string => {
    for (;;) {
      const head = landline ? pick(rnd, city.landlines) : pick(rnd, mobilePrefixes);
      const tail = String(Math.floor(rnd() * 10 ** (9 - head.length))).padStart(9 - head.length, '0');
      const n = `+420${head}${tail}`;
      if (!usedPhones.has(n)) return usedPhones.add(n), n;
    }
  };
  const out: Counterparty[] = [];
  for (let i = 0; i < count; i++) {
    const city = pickWeighted(rnd, demoCities.map((c) => [c, c.weight]));
    const company = uniqueCompany(rnd, usedNames, city);
    const person = czechNames.person(rnd);
    const phones = rnd() < 0.2 ? [phone(city, false), phone(city, true)] : [phone(city, rnd() < 0.3)];
    const tags = tagPool.filter(() => rnd() < 0.12);
    out.push({
      account: {
        id: uuid(2 * i), externalId: `ACC-${String(i + 1).padStart(5, '0')}`, name: company.name, kind: pickWeighted(rnd, kinds),
        city: city.name, region: city.region, ownerId: ownerIds[i % ownerIds.length], tags,
      },
      contact: {
        id: uuid(2 * i + 1), externalId: `CP-${String(i + 1).padStart(5, '0')}`, name: person.name,
        email: `${person.login}@${company.domain}`, phones,
      },
    });
  }
  return out;
}

function uniqueCompany(rnd: () => number, used: Set<string>, city: DemoCity) {
  for (let attempt = 0; ; attempt++) {
    const c = czechNames.company(rnd, city, attempt > 5);
    if (!used.has(c.name)) return used.add(c.name), c;
  }
}

function pickWeighted<T>(rnd: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

/** Inserts the counterparties with a few multi-row statements (~1 s for 14,500). */
export async function insertCounterparties(db: Db, projectId: string, parties: Counterparty[], chunk = 5000): Promise<void> {
  for (let i = 0; i < parties.length; i += chunk) {
    const part = parties.slice(i, i + chunk);
    const accounts = part.map(({ account: a }) => ({ id: a.id, external_id: a.externalId, name: a.name, kind: a.kind, owner_id: a.ownerId, city: a.city, region: a.region, tags: a.tags }));
    const contacts = part.map(({ account: a, contact: c }) => ({
      id: c.id, account_id: a.id, external_id: c.externalId, name: c.name, emails: [c.email], owner_id: a.ownerId, city: a.city, region: a.region, tags: a.tags,
    }));
    const phones = part.flatMap(({ contact: c }) => c.phones.map((phone, position) => ({ phone, contact_id: c.id, label: position ? 'landline' : 'main', position })));
    await sql`INSERT INTO accounts (id, project_id, external_id, name, kind, owner_id, city, region, timezone, tags)
      SELECT r.id, ${projectId}::uuid, r.external_id, r.name, r.kind, r.owner_id, r.city, r.region, 'Europe/Prague', r.tags
      FROM jsonb_to_recordset(${JSON.stringify(accounts)}::jsonb) AS r(id uuid, external_id text, name text, kind text, owner_id uuid, city text, region text, tags text[])`.execute(db);
    await sql`INSERT INTO contacts (id, project_id, account_id, external_id, name, emails, owner_id, city, region, timezone, tags)
      SELECT r.id, ${projectId}::uuid, r.account_id, r.external_id, r.name, r.emails, r.owner_id, r.city, r.region, 'Europe/Prague', r.tags
      FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS r(id uuid, account_id uuid, external_id text, name text, emails text[], owner_id uuid, city text, region text, tags text[])`.execute(db);
    await sql`INSERT INTO contact_phones (project_id, phone, contact_id, label, position)
      SELECT ${projectId}::uuid, r.phone, r.contact_id, r.label, r.position
      FROM jsonb_to_recordset(${JSON.stringify(phones)}::jsonb) AS r(phone text, contact_id uuid, label text, position smallint)`.execute(db);
  }
}
