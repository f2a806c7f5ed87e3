import type { Readable } from 'node:stream';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { asFailure } from '../imports/importer.ts';
import { SpooledJobs } from '../imports/spool.ts';
import type { CampaignDeps } from './context.ts';
import { insertLeads, prepareLeads, type LeadTarget } from './lead-rows.ts';
import { phoneCsvRows } from './phone-csv.ts';
import type { LeadInput } from './schemas.ts';

const BATCH = 1000;
const MAX_ERRORS = 10_000;
const KNOWN: Record<string, keyof LeadInput> = { phone: 'phone', name: 'name', external_id: 'externalId', externalid: 'externalId', timezone: 'timezone', value: 'value' };

interface RowError { line: number; code: string; message: string }
interface Run { id: string; total: number; imported: number; failed: number; errors: RowError[] }

/**
 * Streams a lead CSV into a campaign: header names the columns (phone required; name, external_id, timezone,
 * value known; every other column is kept in the lead's details). Rows are checked and stored in batches, so
 * a bad row is reported with its line and the rest still arrive; progress is saved and published per batch.
 */
export class LeadImporter {
  private readonly uploads: SpooledJobs;

  constructor(private readonly deps: CampaignDeps) {
    this.uploads = new SpooledJobs({ what: 'lead import', idKey: 'leadImportId' }, deps.log);
  }

  start(target: LeadTarget, file: Readable & { truncated?: boolean }, fileName: string, actor: Actor): Promise<string> {
    return this.uploads.start(file, () => this.create(target, fileName, actor), (id, input) => this.run(target, id, input, actor));
  }

  private async create(target: LeadTarget, fileName: string, actor: Actor): Promise<string> {
    const row = await this.deps.db.insertInto('lead_imports').values({
      project_id: target.projectId, campaign_id: target.campaignId, file_name: fileName, errors: '[]', created_by: actor.kind === 'user' ? actor.id : null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async get(projectId: string, campaignId: string, leadImportId: string) {
    const r = await this.deps.db.selectFrom('lead_imports').selectAll().where('id', '=', leadImportId).where('project_id', '=', projectId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (!r) throw new AppError('LEAD_IMPORT_NOT_FOUND', 'Lead import not found');
    return {
      id: r.id, status: r.status, fileName: r.file_name, rowsTotal: r.rows_total, rowsImported: r.rows_imported, rowsFailed: r.rows_failed,
      errors: r.errors as RowError[], failure: r.failure, createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }

  /** Lets running imports finish before the database closes. */
  stop(): Promise<void> {
    return this.uploads.stop();
  }

  async run(t: LeadTarget, id: string, source: Readable, actor: Actor): Promise<void> {
    const s: Run = { id, total: 0, imported: 0, failed: 0, errors: [] };
    let failure: string | null = null;
    try {
      let batch: Array<{ line: number; input: LeadInput }> = [];
      for await (const { line, header, cells } of phoneCsvRows(source)) {
        s.total++;
        batch.push({ line, input: toInput(header, cells) });
        if (batch.length >= BATCH) {
          await this.flush(t, s, batch);
          batch = [];
        }
      }
      if (batch.length) await this.flush(t, s, batch);
      await recordAudit(this.deps.db, { projectId: t.projectId, actor, action: 'leads.import', entity: 'campaign', entityId: t.campaignId, details: { rowsImported: s.imported, rowsFailed: s.failed } });
    } catch (err) {
      source.destroy();
      failure = asFailure(err).message;
    }
    const status = failure ? 'failed' : 'done';
    await this.deps.db.updateTable('lead_imports').set({
      status, rows_total: s.total, rows_imported: s.imported, rows_failed: s.failed, errors: JSON.stringify(s.errors), failure, finished_at: new Date(),
    }).where('id', '=', id).execute();
    this.deps.bus.publish(t.projectId, 'campaign.lead_import', { campaignId: t.campaignId, leadImportId: id, rowsImported: s.imported, rowsFailed: s.failed, status });
  }

  private async flush(t: LeadTarget, s: Run, batch: Array<{ line: number; input: LeadInput }>): Promise<void> {
    const prepared = await prepareLeads(this.deps.db, t, batch.map((b) => b.input), this.deps.clock.now());
    const stored = await insertLeads(this.deps.db, prepared.rows);
    s.imported += stored.created.length;
    for (const r of [...prepared.rejected, ...stored.rejected].sort((a, b) => a.index - b.index)) {
      s.failed++;
      if (s.errors.length < MAX_ERRORS) s.errors.push({ line: batch[r.index]!.line, code: r.code, message: r.message });
    }
    await this.deps.db.updateTable('lead_imports').set({ rows_total: s.total, rows_imported: s.imported, rows_failed: s.failed }).where('id', '=', s.id).execute();
    this.deps.bus.publish(t.projectId, 'campaign.lead_import', { campaignId: t.campaignId, leadImportId: s.id, rowsImported: s.imported, rowsFailed: s.failed, status: 'running' });
  }
}

function toInput(header: string[], cells: string[]): LeadInput {
  const input: Record<string, unknown> = { phone: '' };
  const details: Record<string, string> = {};
  header.forEach((h, i) => {
    const v = (cells[i] ?? '').trim();
    const known = KNOWN[h];
    if (known === 'value') {
      if (v && Number.isFinite(Number(v))) input.value = Math.max(0, Number(v));
    } else if (known) {
      if (v || known === 'phone') input[known] = v;
    } else if (v && h) details[h] = v;
  });
  return { ...(input as LeadInput), details };
}
