import type { ImportRun } from './api.ts';

/**
 * Share of rows processed, 0-100. The server counts rows as it reads the stream, so while running
 * the total comes from `expectedRows` (counted in the browser before upload) when that is larger.
 */
export function percentDone(run: Pick<ImportRun, 'status' | 'rowsTotal' | 'rowsImported' | 'rowsFailed'>, expectedRows = 0): number {
  if (run.status !== 'running') return 100;
  const total = Math.max(run.rowsTotal, expectedRows);
  if (!total) return 0;
  return Math.min(99, Math.round(((run.rowsImported + run.rowsFailed) / total) * 100));
}

/** Data rows of a CSV file (line breaks minus the header), counted without loading it into one string. */
export async function countDataRows(file: Blob): Promise<number> {
  const reader = file.stream().getReader();
  let lines = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines++;
    if (value.length) last = value[value.length - 1]!;
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}
