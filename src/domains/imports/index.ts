import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/audit.ts';
import type { ProjectFacts } from '../contacts/project-facts.ts';
import { ContactExporter } from './exporter.ts';
import { ContactImporter, type ImportOptions } from './importer.ts';
import { listImports } from './history.ts';
import { SpooledJobs } from './spool.ts';

/**
 * CSV imports and exports of contacts. An upload is spooled to a temporary file first, so the
 * request returns the import id at once and the import runs in the background.
 */
export function createImports(deps: { db: Db; bus: EventBus; facts: ProjectFacts; log: Logger; options?: ImportOptions }) {
  const importer = new ContactImporter(deps.db, deps.bus, deps.facts, deps.options);
  const exporter = new ContactExporter(deps.db, deps.facts);
  const uploads = new SpooledJobs({ what: 'import', idKey: 'importId' }, deps.log);

  /** Starts a contact import of an uploaded CSV in the background; returns the import's id at once. */
  const startUpload = (projectId: string, file: Readable & { truncated?: boolean }, fileName: string, actor: Actor): Promise<string> =>
    uploads.start(file, () => importer.create(projectId, fileName, actor.kind === 'user' ? actor.id : null), (id, input) => importer.run(projectId, id, input, actor));

  async function get(projectId: string, importId: string) {
    const row = await deps.db.selectFrom('imports').selectAll().where('project_id', '=', projectId).where('id', '=', importId).executeTakeFirst();
    if (!row) throw notFound('IMPORT_NOT_FOUND', 'Import');
    return {
      id: row.id,
      kind: row.kind,
      fileName: row.file_name,
      status: row.status,
      rowsTotal: row.rows_total,
      rowsImported: row.rows_imported,
      rowsFailed: row.rows_failed,
      errors: row.errors as { row: number; field: string; reason: string }[],
      failure: row.failure_code ? { code: row.failure_code, message: row.failure, line: row.failure_line } : null,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  return {
    importer,
    exporter,
    startUpload,
    get,
    /** Past imports of the project, newest first, one page. */
    list: (projectId: string, page: { limit: number; offset: number }) => listImports(deps.db, projectId, page),
    /** Lets imports already started finish (each is one transaction) before the database closes. */
    stop: () => uploads.stop(),
  };
}

export type Imports = ReturnType<typeof createImports>;
