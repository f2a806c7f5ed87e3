import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import { keys, type Task } from '../supervisor/api.ts';
import type { TaskInput } from '../../../../src/domains/tasks/task-service.ts';

/** What the New task form sends: the routing API's task body (POST /tasks). */
export type { TaskInput };

/** The supervisor view listens to task events already; refreshing here makes the change visible even before they arrive. */
function useRefreshSupervisor() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.stats(projectId) });
    void qc.invalidateQueries({ queryKey: keys.tasks(projectId) });
  };
}

/** Creates one task; errors stay silent here because the form shows them next to their fields. */
export function useCreateTask() {
  const { projectId } = useProject();
  const refresh = useRefreshSupervisor();
  return useMutation({
    mutationFn: (body: TaskInput) => api<Task>(`/projects/${projectId}/tasks`, { method: 'POST', body }),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

/** Uploads a task CSV (all or nothing); the dialog shows the count or the failing line. */
export function useImportTasks() {
  const { projectId } = useProject();
  const refresh = useRefreshSupervisor();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<{ imported: number }>(`/projects/${projectId}/tasks/import`, { method: 'POST', body: form });
    },
    onSuccess: refresh,
    meta: { silent: true },
  });
}

/** Field of the form an error belongs to: `phones.1`, `value`, … or `form` when it names none. */
export type FieldErrors = Record<string, string>;

const BY_CODE: Record<string, string> = {
  OWNER_NOT_AGENT: 'ownerAgentId',
  SCHEDULE_IN_PAST: 'scheduledAt',
  QUEUE_NOT_FOUND: 'queueId',
};

/**
 * Puts the server's refusal next to the field it is about: VALIDATION_FAILED lists `body.<path>` fields,
 * INVALID_PHONE names the phone, other codes map to one field; anything else goes to the form as a whole.
 */
export function fieldErrors(err: unknown, phones: string[]): FieldErrors {
  if (!(err instanceof ApiError)) return err ? { form: String((err as Error).message ?? err) } : {};
  if (err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const out: FieldErrors = {};
    for (const d of err.details as { field: string; message: string }[]) {
      const path = d.field.replace(/^body\.?/, '').split('.');
      const key = path[0] === 'phones' && path[1] !== undefined ? `phones.${path[1]}` : path[0] || 'form';
      out[key] ??= d.message;
    }
    return out;
  }
  if (err.code === 'INVALID_PHONE') {
    const phone = (err.details as { phone?: string } | undefined)?.phone;
    const i = phones.findIndex((p) => p.trim() === phone);
    return { [i >= 0 ? `phones.${i}` : 'phones.0']: err.message };
  }
  const field = BY_CODE[err.code];
  return { [field ?? 'form']: err.message };
}
