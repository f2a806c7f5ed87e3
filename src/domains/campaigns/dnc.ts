import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { dialable } from './hours.ts';
import { phoneCsvRows } from './phone-csv.ts';
import { projectFacts } from './repo.ts';

export type DncScope = 'project' | 'global';

const present = (r: { id: string; phone: string; scope: DncScope; reason: string; created_at: Date }) => ({
  id: r.id, phone: r.phone, scope: r.scope, reason: r.reason, createdAt: r.created_at.toISOString(),
});

/**
 * Do-not-call lists: the project's own and the organisation-wide (global) one. The dialer asks `blocked`
 * right before every dial, so a number added a second ago is already never dialled.
 */
export class DncLists {
  constructor(private readonly db: Db) {}

  /** Of these E.164 numbers, the ones on the project's or the organisation's list. */
  async blocked(projectId: string, phones: string[]): Promise<Set<string>> {
    if (!phones.length) return new Set();
    const rows = await this.db.selectFrom('dnc_entries').select('phone').where('phone', 'in', phones)
      .where((eb) => eb.or([
        eb.and([eb('scope', '=', 'project'), eb('project_id', '=', projectId)]),
        eb.and([eb('scope', '=', 'global'), eb('organisation_id', '=', sql<string>`(SELECT organisation_id FROM projects WHERE id = ${projectId})`)]),
      ])).execute();
    return new Set(rows.map((r) => r.phone));
  }

  async check(projectId: string, raw: string) {
    const { phone } = await this.normalise(projectId, raw);
    const rows = await this.scoped(projectId).where('phone', '=', phone).selectAll().execute();
    const hit = rows.find((r) => r.scope === 'project') ?? rows[0];
    return { phone, blocked: !!hit, scope: hit?.scope ?? null, reason: hit?.reason ?? null };
  }

  async list(projectId: string, q: { scope?: DncScope; q?: string; limit: number; offset: number }) {
    let base = this.scoped(projectId);
    if (q.scope) base = base.where('scope', '=', q.scope);
    if (q.q) base = base.where('phone', 'like', `%${q.q.replace(/[^0-9+]/g, '')}%`);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(present), total: Number(total.n) };
  }

  /** Adds a number; an already listed number answers its existing entry (`created: false`). */
  async add(projectId: string, input: { phone: string; reason?: string; scope: DncScope }, actor: Actor) {
    const { phone, organisationId } = await this.normalise(projectId, input.phone);
    const existing = await this.scoped(projectId).where('phone', '=', phone).where('scope', '=', input.scope).selectAll().executeTakeFirst();
    if (existing) return { entry: present(existing), created: false };
    const row = await this.db.transaction().execute(async (tx) => {
      const r = await tx.insertInto('dnc_entries').values({ project_id: projectId, organisation_id: organisationId, scope: input.scope, phone, reason: input.reason ?? '' })
        .returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: 'dnc.add', entity: 'dnc_entry', entityId: r.id, details: { phone, scope: input.scope } });
      return r;
    });
    return { entry: present(row), created: true };
  }

  async scopeOf(projectId: string, dncEntryId: string): Promise<DncScope> {
    const r = await this.scoped(projectId).where('id', '=', dncEntryId).select('scope').executeTakeFirst();
    if (!r) throw new AppError('DNC_ENTRY_NOT_FOUND', 'DNC entry not found');
    return r.scope;
  }

  async remove(projectId: string, dncEntryId: string, actor: Actor): Promise<void> {
    await this.scopeOf(projectId, dncEntryId);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('dnc_entries').where('id', '=', dncEntryId).execute();
      await recordAudit(tx, { projectId, actor, action: 'dnc.remove', entity: 'dnc_entry', entityId: dncEntryId });
    });
  }

  /** A CSV with a `phone` column (and optional `reason`); bad numbers are reported with their line. */
  async import(projectId: string, file: Readable, scope: DncScope, actor: Actor) {
    const { country, organisationId } = await projectFacts(this.db, projectId);
    const rows: Array<{ phone: string; reason: string }> = [];
    const rejected: Array<{ line: number; message: string }> = [];
    for await (const { line, header, cells } of phoneCsvRows(file)) {
      const raw = cells[header.indexOf('phone')] ?? '';
      const phone = dialable(raw, country);
      if (!phone) rejected.push({ line, message: `phone: "${raw}" is not a valid number` });
      else rows.push({ phone, reason: header.includes('reason') ? (cells[header.indexOf('reason')] ?? '').trim() : '' });
    }
    let added = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map((r) => ({ project_id: projectId, organisation_id: organisationId, scope: scope, phone: r.phone, reason: r.reason }));
      const out = await this.db.insertInto('dnc_entries').values(values).onConflict((oc) => oc.doNothing()).returning('id').execute();
      added += out.length;
    }
    await recordAudit(this.db, { projectId, actor, action: 'dnc.import', entity: 'dnc_entry', details: { added, scope } });
    return { added, alreadyListed: rows.length - added, rejected };
  }

  private async normalise(projectId: string, raw: string) {
    const { country, organisationId } = await projectFacts(this.db, projectId);
    const phone = dialable(raw, country);
    if (!phone) throw new AppError('INVALID_PHONE', `phone: "${raw}" is not a valid number`);
    return { phone, organisationId };
  }

  /** Entries visible to the project: its own and its organisation's global ones. */
  private scoped(projectId: string) {
    return this.db.selectFrom('dnc_entries').where((eb) => eb.or([
      eb.and([eb('scope', '=', 'project'), eb('project_id', '=', projectId)]),
      eb.and([eb('scope', '=', 'global'), eb('organisation_id', '=', sql<string>`(SELECT organisation_id FROM projects WHERE id = ${projectId})`)]),
    ]));
  }
}
