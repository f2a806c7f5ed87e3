import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useLiveEvent } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';

export interface RowError {
  row: number;
  field?: string | null;
  reason: string;
}

export interface ImportRun {
  id: string;
  fileName?: string;
  status: 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsImported: number;
  rowsFailed: number;
  errors: RowError[];
  failure?: ImportFailure | null;
  createdAt?: string;
  finishedAt?: string | null;
}

/** Why a whole file was refused (`CSV_INVALID`, `CSV_ENCODING`) and on which line. */
export interface ImportFailure {
  code: string;
  message: string | null;
  line: number | null;
}

/** One past import in the history list (the row errors are only in the single import). */
export interface ImportSummary extends Omit<ImportRun, 'errors'> {
  fileName: string;
  createdAt: string;
  createdBy: { id: string; name: string; email: string } | null;
}

/** Sends a CSV file; the import runs in the background and is followed with `useImport`. */
export function uploadCsv(projectId: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ id: string }>(`/projects/${projectId}/imports`, { method: 'POST', body: form });
}

/** The project's past imports, newest first; refreshed whenever any import reports progress. */
export function useImports(page: { limit: number; offset: number }) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  useLiveEvent<{ status: string }>('import.progress', (e) => {
    if (e.payload?.status !== 'running') void qc.invalidateQueries({ queryKey: ['imports', projectId] });
  });
  return useQuery({
    queryKey: ['imports', projectId, page],
    queryFn: () => api<{ items: ImportSummary[]; total: number }>(`/projects/${projectId}/imports`, { query: { ...page } }),
    placeholderData: keepPreviousData,
  });
}

/** One import's progress: polled every 500 ms while running, and refreshed at once on `import.progress`. */
export function useImport(importId: string | null) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const key = ['import', projectId, importId];
  useLiveEvent<{ importId: string }>('import.progress', (e) => {
    if (e.payload?.importId === importId) void qc.invalidateQueries({ queryKey: key });
  });
  return useQuery({
    queryKey: key,
    enabled: Boolean(importId),
    queryFn: () => api<ImportRun>(`/projects/${projectId}/imports/${importId}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
  });
}
