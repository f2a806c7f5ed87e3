import { randomUUID } from 'node:crypto';

/**
 * A time-ordered UUID (version 7) for rows an import creates: consecutive ids land on the same
 * index pages, so a million-row import appends to the primary-key b-trees instead of touching
 * random pages all over them (random v4 ids slowed large imports down as the tables grew).
 * The random part comes from `randomUUID`, whose pooled entropy is far cheaper than `randomBytes`.
 */
export function uuidv7(now = Date.now()): string {
  const r = randomUUID();
  const t = now.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${r.slice(15, 18)}${r.slice(18)}`;
}
