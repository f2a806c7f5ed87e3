import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/db.ts';
import type { AccountKind } from '../../platform/db/schema.ts';
import type { Phone } from './model.ts';

/** What the API shows of a contact: its phones in order and its account's name and kind. */
export interface ContactView {
  id: string;
  externalId: string | null;
  name: string;
  account: { id: string; name: string; kind: AccountKind } | null;
  phones: Phone[];
  emails: string[];
  ownerId: string | null;
  city: string | null;
  region: string | null;
  timezone: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContactFilter {
  /** Part of the name, a whole e-mail, or (as qPhone) a number. */
  q?: string;
  qPhone?: string;
  /** Already normalised to E.164 (or the raw text when it is not a number, which then matches nothing). */
  phone?: string;
  email?: string;
  tag?: string;
  city?: string;
  kind?: AccountKind;
  accountId?: string;
  ownerId?: string;
}

function base(db: Db, projectId: string) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .where('c.project_id', '=', projectId);
}

function select(q: ReturnType<typeof base>) {
  return q.select((eb) => [
    'c.id', 'c.external_id as externalId', 'c.name', 'c.emails', 'c.owner_id as ownerId', 'c.city', 'c.region',
    'c.timezone', 'c.tags', 'c.custom', 'c.created_at as createdAt', 'c.updated_at as updatedAt',
    'a.id as accountId', 'a.name as accountName', 'a.kind as accountKind',
    jsonArrayFrom(
      eb.selectFrom('contact_phones as p').select(['p.phone as number', 'p.label']).whereRef('p.contact_id', '=', 'c.id').orderBy('p.position'),
    ).as('phones'),
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

function toView(r: Row): ContactView {
  const { accountId, accountName, accountKind, ...rest } = r;
  return {
    ...rest,
    custom: (r.custom ?? {}) as Record<string, unknown>,
    account: accountId ? { id: accountId, name: accountName!, kind: accountKind! } : null,
  };
}

function filtered(db: Db, projectId: string, f: ContactFilter) {
  let q = base(db, projectId);
  const phoneOwner = (phone: string) =>
    db.selectFrom('contact_phones').select('contact_id').where('project_id', '=', projectId).where('phone', '=', phone);
  if (f.phone) q = q.where('c.id', 'in', phoneOwner(f.phone));
  if (f.email) q = q.where(sql<boolean>`c.emails @> ARRAY[${f.email.toLowerCase()}]::text[]`);
  if (f.tag) q = q.where(sql<boolean>`c.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.city) q = q.where(sql`lower(c.city)`, '=', f.city.toLowerCase());
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.accountId) q = q.where('c.account_id', '=', f.accountId);
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.q) {
    const text = f.q.trim().toLowerCase();
    const qPhone = f.qPhone;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(c.name)`, 'like', `%${escapeLike(text)}%`),
        sql<boolean>`c.emails @> ARRAY[${text}]::text[]`,
        ...(qPhone ? [eb('c.id', 'in', phoneOwner(qPhone))] : []),
      ]),
    );
  }
  return q;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Reads of contacts; every query is scoped to one project. */
export class ContactsRepo {
  constructor(private readonly db: Db) {}

  async get(projectId: string, id: string): Promise<ContactView | undefined> {
    const row = await select(base(this.db, projectId)).where('c.id', '=', id).executeTakeFirst();
    return row && toView(row);
  }

  /** One indexed lookup on (project_id, phone): what inbound routing and the caller card rely on. */
  async byPhone(projectId: string, phone: string): Promise<ContactView | undefined> {
    const { rows } = await sql<{ c: ContactView | null }>`SELECT contact_by_phone(${projectId}::uuid, ${phone}) AS c`.execute(this.db);
    const c = rows[0]?.c;
    return c ? { ...c, createdAt: new Date(c.createdAt), updatedAt: new Date(c.updatedAt) } : undefined;
  }

  async search(projectId: string, f: ContactFilter, page: { limit: number; offset: number }) {
    const q = filtered(this.db, projectId, f);
    const [rows, count] = await Promise.all([
      select(q).orderBy(sql`lower(c.name)`).orderBy('c.id').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n), ...page };
  }

  /** Owners of any of these numbers in the project, to refuse a number another contact holds. */
  phoneOwners(db: Db, projectId: string, phones: string[]) {
    if (!phones.length) return Promise.resolve([]);
    return db
      .selectFrom('contact_phones')
      .select(['phone', 'contact_id as contactId'])
      .where('project_id', '=', projectId)
      .where('phone', 'in', phones)
      .execute();
  }
}
