/** How a connector's answer is shown: a key/value list, or a table of items (orders, invoices). */
export type Display = 'fields' | 'table';
export type PartStatus = 'loading' | 'ok' | 'error' | 'timeout' | 'skipped';

export interface Field {
  key: string;
  value: string;
}
export interface Table {
  columns: string[];
  rows: string[][];
  /** Rows the source sent beyond what the card shows. */
  more: number;
}
export type Content = { fields: Field[] } | { table: Table };

/** One section of the card: one connector's answer for this call, or why there is none. */
export interface CardPart {
  connectorId: string;
  name: string;
  display: Display;
  status: PartStatus;
  /** How long the source took (ms), null while loading or when it was not asked. */
  ms: number | null;
  cached: boolean;
  content: Content | null;
  error: string | null;
}

export const MAX_FIELDS = 40;
export const MAX_ROWS = 50;
export const MAX_COLUMNS = 8;
const MAX_TEXT = 300;

/** A scalar as display text; nested values become short JSON so nothing is lost silently. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of a table answer: the array itself, or the first array property of an object (`{orders: [...]}`). */
function itemsOf(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (isRecord(body)) for (const v of Object.values(body)) if (Array.isArray(v)) return v;
  return null;
}

function toTable(items: unknown[]): Table {
  const columns: string[] = [];
  for (const item of items.slice(0, MAX_ROWS)) {
    if (!isRecord(item)) continue;
    for (const k of Object.keys(item)) if (!columns.includes(k) && columns.length < MAX_COLUMNS) columns.push(k);
  }
  if (!columns.length) columns.push('value');
  const rows = items.slice(0, MAX_ROWS).map((item) => (isRecord(item) ? columns.map((c) => cellText(item[c])) : [cellText(item)]));
  return { columns, rows, more: Math.max(0, items.length - MAX_ROWS) };
}

/**
 * A source's JSON body as card content, or the reason it cannot be shown. Pure: the fetcher has
 * already enforced the deadline, the size cap and the content type.
 */
export function parseContent(display: Display, text: string): { ok: true; content: Content } | { ok: false; error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the source did not answer with valid JSON' };
  }
  if (display === 'table') {
    const items = itemsOf(body);
    if (!items) return { ok: false, error: 'expected a JSON array of items (or an object holding one)' };
    return { ok: true, content: { table: toTable(items) } };
  }
  if (!isRecord(body)) return { ok: false, error: 'expected a JSON object of fields' };
  const fields = Object.entries(body).slice(0, MAX_FIELDS).map(([key, value]) => ({ key, value: cellText(value) }));
  return { ok: true, content: { fields } };
}
