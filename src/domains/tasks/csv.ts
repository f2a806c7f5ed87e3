import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { TaskBody } from './schemas.ts';
import type { TaskInput } from './task-service.ts';

const KNOWN = new Set(['queue', 'title', 'phones', 'value', 'dueAt', 'scheduledAt', 'ttlSeconds', 'ownerAgentId', 'skills', 'externalId', 'contactId']);

/** "czech:3 german:2" (or with ; or ,) -> { czech: 3, german: 2 } */
function skillsOf(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[\s;,]+/).filter(Boolean)) {
    const [name, level] = part.split(':');
    out[name!] = Number(level ?? 1);
  }
  return out;
}

/**
 * Reads a task CSV (header row; columns: queue (name or id), title, phones (separated by ;), value, dueAt,
 * scheduledAt, ttlSeconds, ownerAgentId, skills ("czech:3 german:2"), externalId, contactId, and any
 * `details.<key>` column, kept in the task's details). Every row is validated like the JSON API; the first bad
 * row fails the whole file with its line number, so an import is all or nothing.
 */
export function parseTaskCsv(text: string, queueIdOf: (nameOrId: string) => string | undefined): TaskInput[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new AppError('CSV_INVALID', `Not a readable CSV: ${(err as Error).message}`);
  }
  return rows.map((r, i) => {
    const line = i + 2;
    const unknown = Object.keys(r).filter((k) => !KNOWN.has(k) && !k.startsWith('details.'));
    if (unknown.length) throw new AppError('CSV_INVALID', `Unknown column(s): ${unknown.join(', ')}`, { line });
    const queueId = queueIdOf(r.queue ?? '');
    if (!queueId) throw new AppError('QUEUE_NOT_FOUND', `Line ${line}: unknown queue "${r.queue ?? ''}"`, { line });
    const details = Object.fromEntries(Object.entries(r).filter(([k, v]) => k.startsWith('details.') && v !== '').map(([k, v]) => [k.slice(8), v]));
    const candidate = Object.fromEntries(Object.entries({
      queueId, title: r.title, externalId: r.externalId, contactId: r.contactId, ownerAgentId: r.ownerAgentId, dueAt: r.dueAt, scheduledAt: r.scheduledAt,
      phones: r.phones ? r.phones.split(';').map((p) => p.trim()).filter(Boolean) : undefined,
      value: r.value ? Number(r.value) : undefined, ttlSeconds: r.ttlSeconds ? Number(r.ttlSeconds) : undefined,
      requiredSkills: r.skills ? skillsOf(r.skills) : undefined, details: Object.keys(details).length ? details : undefined,
    }).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = TaskBody.safeParse(candidate);
    if (!parsed.success) {
      throw new AppError('CSV_INVALID', `Line ${line}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`, { line });
    }
    return parsed.data;
  });
}
