import { pipeline, type Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import type { ProjectFacts } from '../contacts/project-facts.ts';
import { BatchWriter } from './batch-writer.ts';
import { isRowErrors, parseRow, readHeader, type Header, type ImportRow, type RowContext, type RowError } from './csv-columns.ts';
import { Utf8Guard } from './utf8-guard.ts';

export interface ImportProgress {
  importId: string;
  rowsTotal: number;
  rowsImported: number;
  rowsFailed: number;
  status: 'running' | 'done' | 'failed';
}

export interface ImportOptions {
  batchSize?: number;
  progressMs?: number;
  /** Rows beyond this many failures are counted but not listed in the report. */
  maxReportedErrors?: number;
}

/** `import.progress` goes out every this many rows read, or every `progressMs`, whichever comes first. */
const PROGRESS_ROWS = 1000;

interface RunState extends ImportProgress {
  errors: RowError[];
  lastReport: number;
  lastReportRows: number;
  lastSaved: number;
}

/**
 * Streams a contacts CSV into the project: strict UTF-8, csv-parse, batches of rows upserted in
 * one transaction for the whole file. Bad rows are reported and skipped; a broken file (quoting,
 * encoding, header) rolls everything back, so nothing already stored changes.
 */
export class ContactImporter {
  private readonly batchSize: number;
  private readonly progressMs: number;
  private readonly maxErrors: number;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly facts: ProjectFacts,
    opts: ImportOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 5000;
    this.progressMs = opts.progressMs ?? 500;
    this.maxErrors = opts.maxReportedErrors ?? 10_000;
  }

  async create(projectId: string, fileName: string, createdBy: string | null): Promise<string> {
    const row = await this.db
      .insertInto('imports')
      .values({ project_id: projectId, kind: 'contacts', file_name: fileName, status: 'running', errors: '[]', created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async run(projectId: string, importId: string, source: Readable, actor: Actor, onProgress?: (p: ImportProgress) => void) {
    const s: RunState = { importId, rowsTotal: 0, rowsImported: 0, rowsFailed: 0, status: 'running', errors: [], lastReport: Date.now(), lastReportRows: 0, lastSaved: 0 };
    const report = (force: boolean) => this.progress(projectId, s, force, onProgress);
    let failure: ReturnType<typeof asFailure> | null = null;
    try {
      const ctx: RowContext = { country: await this.facts.country(projectId), owners: await this.facts.ownersByEmail(projectId) };
      await this.db.transaction().execute(async (tx) => {
        await this.stream(tx, projectId, source, ctx, s, report);
        await recordAudit(tx, { projectId, actor, action: 'import', entity: 'import', entityId: importId, details: { rowsImported: s.rowsImported, rowsFailed: s.rowsFailed } });
      });
      s.status = 'done';
      await this.finish(s, null);
    } catch (err) {
      source.destroy();
      s.status = 'failed';
      s.rowsImported = 0;
      failure = asFailure(err);
      await this.finish(s, failure);
    }
    await report(true);
    return { status: s.status, rowsTotal: s.rowsTotal, rowsImported: s.rowsImported, rowsFailed: s.rowsFailed, errors: s.errors, failure };
  }

  private async stream(tx: Db, projectId: string, source: Readable, ctx: RowContext, s: RunState, report: (force: boolean) => Promise<void>) {
    const records = pipeline(source, new Utf8Guard(), parse({ bom: true, skip_empty_lines: true }), () => undefined);
    let header: Header | undefined;
    let writer: BatchWriter | undefined;
    let batch: ImportRow[] = [];
    let recordNo = 0;
    /** The batch being written while the next one is parsed: parsing overlaps the database round trips. */
    let pending: Promise<void> = Promise.resolve();
    for await (const cells of records as AsyncIterable<string[]>) {
      recordNo++;
      if (!header) {
        header = readHeader(cells);
        writer = new BatchWriter(tx, projectId, header);
        continue;
      }
      s.rowsTotal++;
      const parsed = parseRow(header, cells, recordNo, ctx);
      if (isRowErrors(parsed)) this.rowFailed(s, parsed);
      else batch.push(parsed);
      if (s.rowsTotal % PROGRESS_ROWS === 0) await report(false);
      if (batch.length >= this.batchSize) {
        await pending;
        pending = this.flush(writer!, batch, s);
        pending.catch(() => undefined);
        batch = [];
      }
    }
    await pending;
    if (!header) throw new AppError('CSV_INVALID', 'line 1: the file is empty; it needs at least a header line', { line: 1 });
    if (batch.length) await this.flush(writer!, batch, s);
  }

  private async flush(writer: BatchWriter, batch: ImportRow[], s: RunState): Promise<void> {
    const { written, errors } = await writer.write(batch);
    s.rowsImported += written;
    const byRow = new Map<number, RowError[]>();
    for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
    for (const rowErrors of byRow.values()) this.rowFailed(s, rowErrors);
  }

  private rowFailed(s: RunState, errors: RowError[]): void {
    s.rowsFailed++;
    for (const e of errors) if (s.errors.length < this.maxErrors) s.errors.push(e);
  }

  /** Publishes `import.progress` (every 1,000 rows or `progressMs`) and saves the counts (every `progressMs`). */
  private async progress(projectId: string, s: RunState, force: boolean, onProgress?: (p: ImportProgress) => void) {
    const now = Date.now();
    if (!force && s.rowsTotal - s.lastReportRows < PROGRESS_ROWS && now - s.lastReport < this.progressMs) return;
    s.lastReport = now;
    s.lastReportRows = s.rowsTotal;
    const p: ImportProgress = { importId: s.importId, rowsTotal: s.rowsTotal, rowsImported: s.rowsImported, rowsFailed: s.rowsFailed, status: s.status };
    onProgress?.(p);
    if (s.status === 'running' && now - s.lastSaved >= this.progressMs) {
      s.lastSaved = now;
      await this.db.updateTable('imports').set({ rows_total: s.rowsTotal, rows_imported: s.rowsImported, rows_failed: s.rowsFailed }).where('id', '=', s.importId).execute();
    }
    this.bus.publish(projectId, 'import.progress', { importId: s.importId, rowsImported: s.rowsImported, rowsFailed: s.rowsFailed, status: s.status });
  }

  private async finish(s: RunState, failure: { code: string; message: string; line: number | null } | null): Promise<void> {
    await this.db
      .updateTable('imports')
      .set({
        status: s.status,
        rows_total: s.rowsTotal,
        rows_imported: s.rowsImported,
        rows_failed: s.rowsFailed,
        errors: JSON.stringify(s.errors),
        failure: failure?.message ?? null,
        failure_code: failure?.code ?? null,
        failure_line: failure?.line ?? null,
        finished_at: new Date(),
      })
      .where('id', '=', s.importId)
      .execute();
  }
}

/** Why a whole file failed: our own codes pass through, csv-parse's become CSV_INVALID with the line. */
export function asFailure(err: unknown): { code: string; message: string; line: number | null } {
  if (err instanceof AppError) {
    const line = (err.details as { line?: number } | undefined)?.line ?? null;
    return { code: err.code, message: err.message, line };
  }
  if (err instanceof CsvError || (err as { code?: string }).code?.startsWith('CSV_')) {
    const line = Number((err as { lines?: number }).lines) || null;
    return { code: 'CSV_INVALID', message: `line ${line ?? '?'}: ${(err as Error).message}`, line };
  }
  return { code: 'INTERNAL', message: (err as Error).message ?? String(err), line: null };
}
