import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/audit.ts';
import type { ProjectFacts } from '../contacts/project-facts.ts';
import { ContactExporter } from './exporter.ts';
import { ContactImporter, type ImportOptions } from './importer.ts';
import { listImports } from './history.ts';

/**
 * CSV imports and exports of contacts. An upload is spooled to a temporary file first, so the
 * request returns the import id at once and the import runs in the background.
 */
export function createImports(deps: { db: Db; bus: EventBus; facts: ProjectFacts; log: Logger; options?: ImportOptions }) {
  const importer = new ContactImporter(deps.db, deps.bus, deps.facts, deps.options);
  const exporter = new ContactExporter(deps.db, deps.facts);
  const running = new Set<Promise<unknown>>();

  async function startUpload(projectId: string, file: Readable & { truncated?: boolean }, fileName: string, actor: Actor): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-import-'));
    const spooled = path.join(dir, 'upload.csv');
    try {
      await pipeline(file, createWriteStream(spooled));
      if (file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than the upload limit (UPLOAD_LIMIT_BYTES)');
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const importId = await importer.create(projectId, fileName, actor.kind === 'user' ? actor.id : null);
    const job = importer
      .run(projectId, importId, createReadStream(spooled), actor)
      .catch((err) => deps.log.error({ err, importId }, 'import failed'))
      .finally(() => rm(dir, { recursive: true, force: true }));
    running.add(job);
    void job.finally(() => running.delete(job));
    return importId;
  }

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
    stop: async () => {
      await Promise.allSettled([...running]);
    },
  };
}

export type Imports = ReturnType<typeof createImports>;
