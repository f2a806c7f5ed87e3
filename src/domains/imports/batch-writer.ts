import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Header, ImportRow, RowError } from './csv-columns.ts';
import { uuidv7 } from './ids.ts';

/** CSV column -> contacts column it fills; only columns present in the file are overwritten on re-import. */
const updatable: [string, string, string][] = [
  ['account', 'account_id', 'EXCLUDED.account_id'],
  ['email', 'emails', 'EXCLUDED.emails'],
  ['city', 'city', 'EXCLUDED.city'],
  ['region', 'region', 'EXCLUDED.region'],
  ['timezone', 'timezone', 'EXCLUDED.timezone'],
  ['owner_email', 'owner_id', 'EXCLUDED.owner_id'],
  ['tags', 'tags', 'EXCLUDED.tags'],
];

/**
 * Writes one batch of parsed rows with a fixed handful of statements whatever the batch size:
 * find or create the accounts, match rows to contacts (external id first, else any phone),
 * upsert the contacts, replace their phones. Returns the rows it refused and why.
 */
export class BatchWriter {
  private readonly updateSet: string;
  private readonly replacesPhones: boolean;

  constructor(
    private readonly tx: Db,
    private readonly projectId: string,
    header: Header,
  ) {
    const sets = ['name = EXCLUDED.name', 'external_id = COALESCE(EXCLUDED.external_id, contacts.external_id)', 'updated_at = now()'];
    for (const [col, target, value] of updatable) if (header.index.has(col)) sets.push(`${target} = ${value}`);
    if (header.custom.length) sets.push('custom = contacts.custom || EXCLUDED.custom');
    this.updateSet = sets.join(', ');
    this.replacesPhones = header.phones.length > 0;
  }

  async write(rows: ImportRow[]): Promise<{ written: number; errors: RowError[] }> {
    const accounts = await this.accounts(rows);
    const { targets, errors, existing } = await this.match(rows);
    const ok = rows.filter((r) => targets.has(r.row));
    if (!ok.length) return { written: 0, errors };
    const contacts = ok.map((r) => ({
      id: targets.get(r.row)!,
      external_id: r.externalId,
      name: r.name,
      account_id: r.account ? accounts.get(r.account.name.toLowerCase()) : null,
      emails: r.emails,
      owner_id: r.ownerId,
      city: r.city,
      region: r.region,
      timezone: r.timezone,
      tags: r.tags,
      custom: r.custom,
    }));
    await sql`INSERT INTO contacts (id, project_id, external_id, name, account_id, emails, owner_id, city, region, timezone, tags, custom)
      SELECT r.id, ${this.projectId}::uuid, r.external_id, r.name, r.account_id, r.emails, r.owner_id, r.city, r.region, r.timezone, r.tags, r.custom
      FROM jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS r(id uuid, external_id text, name text, account_id uuid,
        emails text[], owner_id uuid, city text, region text, timezone text, tags text[], custom jsonb)
      ON CONFLICT (id) DO UPDATE SET ${sql.raw(this.updateSet)}`.execute(this.tx);
    if (this.replacesPhones) await this.writePhones(ok, targets, existing);
    return { written: ok.length, errors };
  }

  private async writePhones(rows: ImportRow[], targets: Map<number, string>, existing: Set<string>): Promise<void> {
    const ids = rows.map((r) => targets.get(r.row)!).filter((id) => existing.has(id));
    if (ids.length) await sql`DELETE FROM contact_phones WHERE project_id = ${this.projectId}::uuid AND contact_id = ANY(${ids}::uuid[])`.execute(this.tx);
    const phones = rows.flatMap((r) =>
      r.phones.map((p, position) => ({ phone: p.number, contact_id: targets.get(r.row)!, label: position === 0 ? 'main' : 'other', position })),
    );
    if (!phones.length) return;
    await sql`INSERT INTO contact_phones (project_id, phone, contact_id, label, position)
      SELECT ${this.projectId}::uuid, r.phone, r.contact_id, r.label, r.position
      FROM jsonb_to_recordset(${JSON.stringify(phones)}::jsonb) AS r(phone text, contact_id uuid, label text, position smallint)`.execute(this.tx);
  }

  /** Account name (lower case) -> id, creating the accounts this batch names for the first time. */
  private async accounts(rows: ImportRow[]): Promise<Map<string, string>> {
    const wanted = new Map<string, ImportRow>();
    for (const r of rows) if (r.account && !wanted.has(r.account.name.toLowerCase())) wanted.set(r.account.name.toLowerCase(), r);
    if (!wanted.size) return new Map();
    const found = await sql<{ id: string; key: string; kind: string }>`SELECT DISTINCT ON (lower(name)) id, lower(name) AS key, kind FROM accounts
      WHERE project_id = ${this.projectId}::uuid AND lower(name) = ANY(${[...wanted.keys()]}::text[]) ORDER BY lower(name), created_at, id`.execute(this.tx);
    const ids = new Map(found.rows.map((a) => [a.key, a.id]));
    const fresh = [...wanted].filter(([key]) => !ids.has(key)).map(([key, r]) => {
      ids.set(key, uuidv7());
      return { id: ids.get(key), name: r.account!.name, kind: r.account!.kind, owner_id: r.ownerId, city: r.city, region: r.region, timezone: r.timezone };
    });
    const rekind = found.rows
      .map((a) => ({ id: a.id, kind: wanted.get(a.key)!.account! }))
      .filter((a) => a.kind.kindGiven)
      .map((a) => ({ id: a.id, kind: a.kind.kind }));
    if (fresh.length) {
      await sql`INSERT INTO accounts (id, project_id, name, kind, owner_id, city, region, timezone)
        SELECT r.id, ${this.projectId}::uuid, r.name, r.kind, r.owner_id, r.city, r.region, r.timezone
        FROM jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) AS r(id uuid, name text, kind text, owner_id uuid, city text, region text, timezone text)`.execute(this.tx);
    }
    if (rekind.length) {
      await sql`UPDATE accounts a SET kind = r.kind, updated_at = now() FROM jsonb_to_recordset(${JSON.stringify(rekind)}::jsonb) AS r(id uuid, kind text)
        WHERE a.id = r.id AND a.kind <> r.kind`.execute(this.tx);
    }
    return ids;
  }

  /** Row -> the contact id it writes: existing by external id, else by phone, else a new one. */
  private async match(rows: ImportRow[]): Promise<{ targets: Map<number, string>; errors: RowError[]; existing: Set<string> }> {
    const exts = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
    const phones = rows.flatMap((r) => r.phones.map((p) => p.number));
    const [byExt, byPhone] = await Promise.all([
      exts.length
        ? sql<{ id: string; external_id: string }>`SELECT id, external_id FROM contacts WHERE project_id = ${this.projectId}::uuid AND external_id = ANY(${exts}::text[])`.execute(this.tx)
        : { rows: [] },
      phones.length
        ? sql<{ phone: string; contact_id: string }>`SELECT phone, contact_id FROM contact_phones WHERE project_id = ${this.projectId}::uuid AND phone = ANY(${phones}::text[])`.execute(this.tx)
        : { rows: [] },
    ]);
    const existing = new Set([...byExt.rows.map((c) => c.id), ...byPhone.rows.map((p) => p.contact_id)]);
    const matched = assignTargets(rows, new Map(byExt.rows.map((c) => [c.external_id, c.id])), new Map(byPhone.rows.map((p) => [p.phone, p.contact_id])));
    return { ...matched, existing };
  }
}

/**
 * The pure part of matching: each row gets an existing or new contact id unless its external id
 * or a phone is claimed by another row of the batch, or a phone belongs to a different contact.
 */
export function assignTargets(rows: ImportRow[], byExt: Map<string, string>, phoneOwner: Map<string, string>) {
  const targets = new Map<number, string>();
  const errors: RowError[] = [];
  const claimedExt = new Map<string, number>();
  const claimedPhone = new Map<string, { row: number; id: string }>();
  const claimedId = new Map<string, number>();
  for (const r of rows) {
    const existing = r.externalId ? byExt.get(r.externalId) : r.phones.map((p) => phoneOwner.get(p.number)).find(Boolean);
    const id = existing ?? uuidv7();
    const rowErrors: RowError[] = [];
    if (claimedId.has(id)) rowErrors.push({ row: r.row, field: '*', reason: `the same contact as row ${claimedId.get(id)}` });
    else if (r.externalId && claimedExt.has(r.externalId)) {
      rowErrors.push({ row: r.row, field: 'external_id', reason: `EXTERNAL_ID_TAKEN: also in row ${claimedExt.get(r.externalId)}` });
    }
    for (const p of r.phones) {
      const owner = phoneOwner.get(p.number);
      const claim = claimedPhone.get(p.number);
      if (owner && owner !== id) rowErrors.push({ row: r.row, field: p.column, reason: `PHONE_TAKEN: ${p.number} belongs to another contact` });
      else if (claim && claim.id !== id) rowErrors.push({ row: r.row, field: p.column, reason: `PHONE_TAKEN: ${p.number} is also in row ${claim.row}` });
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    claimedId.set(id, r.row);
    if (r.externalId) claimedExt.set(r.externalId, r.row);
    for (const p of r.phones) claimedPhone.set(p.number, { row: r.row, id });
    targets.set(r.row, id);
  }
  return { targets, errors };
}
