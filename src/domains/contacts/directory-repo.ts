import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { SEP, type AccountRow, type ContactColumns, type ContactRow, type NumberRow } from './contact-record.ts';

const PAGE = 50_000;
const BATCH = 5_000;

async function fetch<T>(tx: Db, cursor: string): Promise<T[]> {
  return (await sql<T>`FETCH ${sql.raw(String(BATCH))} FROM ${sql.raw(cursor)}`.execute(tx)).rows;
}

/** Contacts' own columns, packed the way the directory stores them. */
const COLUMNS = sql` c.project_id, c.id, c.external_id, c.name, c.account_id, c.owner_id, c.city, c.region, c.timezone,
      array_to_string(c.emails, ${SEP}) AS emails,
      CASE WHEN strpos(array_to_string(c.emails, ''), ${SEP}) > 0 THEN to_json(c.emails)::text END AS emails_json,
      to_json(c.tags)::text AS tags, c.custom::text AS custom,
      floor(extract(epoch FROM c.created_at) * 1000)::float8 AS created, floor(extract(epoch FROM c.updated_at) * 1000)::float8 AS updated`;

function contacts(db: Db, where: RawBuilder<boolean>) {
  return sql<ContactColumns>`SELECT ${COLUMNS} FROM contacts c WHERE ${where}`.execute(db);
}

/** One contact with its numbers in position order; undefined when it has none. */
async function withNumbers(db: Db, rows: ContactColumns[]): Promise<ContactRow[]> {
  if (!rows.length) return [];
  const numbers = await db.selectFrom('contact_phones').select(['contact_id', 'phone', 'label']).where('contact_id', 'in', rows.map((r) => r.id)).orderBy('position').execute();
  const byContact = new Map<string, { phones: string[]; labels: string[] }>();
  for (const n of numbers) {
    const e = byContact.get(n.contact_id) ?? byContact.set(n.contact_id, { phones: [], labels: [] }).get(n.contact_id)!;
    e.phones.push(n.phone);
    e.labels.push(n.label);
  }
  const out: ContactRow[] = [];
  for (const r of rows) {
    const e = byContact.get(r.id);
    if (e) out.push({ ...r, phones: e.phones.join(SEP), labels: JSON.stringify(e.labels) });
  }
  return out;
}

/** Where a whole read goes: contacts first, then every number (in position order). */
export interface ScanSink {
  contacts(rows: ContactColumns[]): void;
  numbers(rows: NumberRow[]): void;
}

/**
 * The reads behind the phone directory. A whole read is two sequential scans through cursors in
 * one snapshot (contacts, then numbers): a million contacts arrive in batches, in the order they
 * lie on disk, without an index lookup or a join per contact.
 */
export class DirectoryRepo {
  constructor(private readonly db: Db) {}

  /** Every contact and number (of one project, or of all). */
  async scan(projectId: string | undefined, sink: ScanSink): Promise<void> {
    const only = projectId ? sql`WHERE project_id = ${projectId}::uuid` : sql``;
    await this.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
      await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
      await sql`DECLARE directory_contacts NO SCROLL CURSOR FOR SELECT ${COLUMNS} FROM contacts c ${only}`.execute(tx);
      for (let rows = await fetch<ContactColumns>(tx, 'directory_contacts'); rows.length; rows = await fetch(tx, 'directory_contacts')) sink.contacts(rows);
      await sql`DECLARE directory_numbers NO SCROLL CURSOR FOR SELECT project_id, contact_id, phone, label FROM contact_phones ${only} ORDER BY position`.execute(tx);
      for (let rows = await fetch<NumberRow>(tx, 'directory_numbers'); rows.length; rows = await fetch(tx, 'directory_numbers')) sink.numbers(rows);
    });
  }

  /** Every account (of one project, or of all), page by page. */
  async *allAccounts(projectId?: string): AsyncGenerator<AccountRow[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      let q = this.db.selectFrom('accounts').select(['project_id', 'id', 'name', 'kind', 'owner_id', 'tags']).where('id', '>', after).orderBy('id').limit(PAGE);
      if (projectId) q = q.where('project_id', '=', projectId);
      const rows = await q.execute();
      if (rows.length) yield rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** One contact now; undefined when it was deleted or has no number. */
  async contact(projectId: string, contactId: string): Promise<ContactRow | undefined> {
    const { rows } = await contacts(this.db, sql<boolean>`c.id = ${contactId}::uuid AND c.project_id = ${projectId}::uuid`);
    return (await withNumbers(this.db, rows))[0];
  }

  account(projectId: string, accountId: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .select(['project_id', 'id', 'name', 'kind', 'owner_id', 'tags'])
      .where('project_id', '=', projectId)
      .where('id', '=', accountId)
      .executeTakeFirst();
  }
}
