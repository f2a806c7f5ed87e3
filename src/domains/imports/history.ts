import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';

/** One past import as the history list shows it: no row errors (those are in the single-import report). */
export interface ImportSummary {
  id: string;
  kind: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsImported: number;
  rowsFailed: number;
  failure: { code: string; message: string | null; line: number | null } | null;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * The project's imports, newest first, so a supervisor can find last week's file and its report.
 * Uses the (project_id, created_at DESC) index; people who left keep their name on their imports.
 */
export async function listImports(db: Db, projectId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('imports').where('imports.project_id', '=', projectId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users', 'users.id', 'imports.created_by')
      .select([
        'imports.id', 'imports.kind', 'imports.file_name', 'imports.status', 'imports.rows_total', 'imports.rows_imported',
        'imports.rows_failed', 'imports.failure', 'imports.failure_code', 'imports.failure_line', 'imports.created_by',
        'imports.created_at', 'imports.finished_at', 'users.name as user_name', 'users.email as user_email',
      ])
      .orderBy('imports.created_at', 'desc')
      .orderBy('imports.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: ImportSummary[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    status: r.status,
    rowsTotal: r.rows_total,
    rowsImported: r.rows_imported,
    rowsFailed: r.rows_failed,
    failure: r.failure_code ? { code: r.failure_code, message: r.failure, line: r.failure_line } : null,
    createdBy: r.created_by ? { id: r.created_by, name: r.user_name ?? '', email: r.user_email ?? '' } : null,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
  return { items, total: Number(count.n), limit: page.limit, offset: page.offset };
}
