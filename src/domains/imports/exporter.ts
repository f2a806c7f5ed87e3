import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { stringify } from 'csv-stringify';
import type { Db } from '../../platform/db/db.ts';
import type { ProjectFacts } from '../contacts/project-facts.ts';

interface ExportRow {
  id: string;
  external_id: string | null;
  name: string;
  account: string | null;
  account_kind: string | null;
  phones: string[];
  emails: string[];
  city: string | null;
  region: string | null;
  timezone: string | null;
  owner_id: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}

/**
 * The project's contacts as CSV in the import format, so export -> import round-trips. Pages
 * through contacts by id (keyset) and streams, so memory stays flat whatever the size.
 */
export class ContactExporter {
  constructor(
    private readonly db: Db,
    private readonly facts: ProjectFacts,
    private readonly pageSize = 2000,
  ) {}

  async csv(projectId: string): Promise<Readable> {
    const shape = await sql<{ phones: number | null; keys: string[] | null }>`SELECT
        (SELECT max(n) FROM (SELECT count(*) AS n FROM contact_phones WHERE project_id = ${projectId}::uuid GROUP BY contact_id) x) AS phones,
        (SELECT array_agg(DISTINCT k ORDER BY k) FROM contacts, jsonb_object_keys(custom) k WHERE project_id = ${projectId}::uuid) AS keys`.execute(this.db);
    const phoneCols = Math.max(2, Number(shape.rows[0].phones ?? 0));
    const customKeys = shape.rows[0].keys ?? [];
    const emailOf = new Map([...(await this.facts.ownersByEmail(projectId))].map(([email, id]) => [id, email]));
    const columns = [
      'external_id', 'name', 'account', 'account_kind',
      ...Array.from({ length: phoneCols }, (_, i) => (i === 0 ? 'phone' : `phone${i + 1}`)),
      'email', 'city', 'region', 'timezone', 'owner_email', 'tags', ...customKeys.map((k) => `custom.${k}`),
    ];
    const toCells = (r: ExportRow) => [
      r.external_id, r.name, r.account, r.account_kind,
      ...Array.from({ length: phoneCols }, (_, i) => r.phones[i] ?? ''),
      r.emails.join(';'), r.city, r.region, r.timezone, r.owner_id ? (emailOf.get(r.owner_id) ?? '') : '', r.tags.join(';'),
      ...customKeys.map((k) => cell(r.custom[k])),
    ];
    const rows = Readable.from(this.pages(projectId, toCells));
    return rows.pipe(stringify({ header: true, columns }));
  }

  private async *pages(projectId: string, toCells: (r: ExportRow) => unknown[]) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await sql<ExportRow>`SELECT c.id, c.external_id, c.name, a.name AS account, a.kind AS account_kind,
          COALESCE((SELECT array_agg(p.phone ORDER BY p.position) FROM contact_phones p WHERE p.contact_id = c.id), '{}') AS phones,
          c.emails, c.city, c.region, c.timezone, c.owner_id, c.tags, c.custom
        FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
        WHERE c.project_id = ${projectId}::uuid AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${this.pageSize}`.execute(this.db);
      for (const r of page.rows) yield toCells(r);
      if (page.rows.length < this.pageSize) return;
      after = page.rows[page.rows.length - 1].id;
    }
  }
}

const cell = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
