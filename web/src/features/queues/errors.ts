import { ApiError } from '../../api/client.ts';

/**
 * Server errors by field: `name`, `vertical`, or the settings key (`slaSeconds`, `weights`, …); the rest under
 * `form` (the form shows that one through `errorMessage`, which translates network failures).
 */
export function queueErrors(err: unknown): Record<string, string> {
  if (!err) return {};
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const out: Record<string, string> = {};
    for (const d of err.details as { field: string; message: string }[]) {
      const path = d.field.replace(/^body\.?/, '').replace(/^settings\./, '').split('.');
      out[path[0] || 'form'] ??= d.message;
    }
    return out;
  }
  if (err instanceof ApiError && err.code === 'QUEUE_NAME_TAKEN') return { name: err.message };
  return { form: err instanceof Error ? err.message : String(err) };
}
