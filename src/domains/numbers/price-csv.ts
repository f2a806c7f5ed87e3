import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { internationalPrefix, type Price } from './model.ts';

export interface RowError {
  line: number;
  field: string;
  message: string;
}

/** Column names people write for each field, compared without case, spaces, dashes and underscores. */
const ALIASES: Record<keyof Price, string[]> = {
  prefix: ['prefix', 'predvolba', 'předvolba', 'destinationprefix', 'code'],
  ratePerMinute: ['rateperminute', 'rate', 'price', 'cena', 'perminute'],
  connectionFee: ['connectionfee', 'setupfee', 'connection', 'setup'],
  description: ['description', 'destination', 'name', 'popis'],
};
const MAX_ROWS = 100_000;

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-]/g, '');

function columnsOf(header: string[]): Partial<Record<keyof Price, number>> {
  const out: Partial<Record<keyof Price, number>> = {};
  header.forEach((h, i) => {
    const key = (Object.keys(ALIASES) as (keyof Price)[]).find((k) => ALIASES[k].includes(squash(h)));
    if (key && out[key] === undefined) out[key] = i;
  });
  return out;
}

/** "0,45" (Czech decimal comma) and "0.45" alike; empty -> the fallback. */
function amount(text: string | undefined, fallback: number | undefined): number | undefined {
  const t = (text ?? '').trim().replace(/\s/g, '');
  if (!t) return fallback;
  const n = Number(t.replace(/^(-?\d+),(\d+)$/, '$1.$2'));
  return Number.isFinite(n) ? n : undefined;
}

/** The separator the header row uses most: semicolons come with decimal commas in Czech spreadsheets. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length;
  return [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

function readRows(text: string): string[][] {
  try {
    return parse(text, { delimiter: delimiterOf(text), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new AppError('CSV_INVALID', `Not a readable CSV: ${(err as Error).message}`);
  }
}

function priceRow(cells: string[], cols: Partial<Record<keyof Price, number>>, line: number, errors: RowError[]): Price | undefined {
  const at = (k: keyof Price) => (cols[k] === undefined ? undefined : cells[cols[k]!]);
  const before = errors.length;
  const prefix = internationalPrefix(at('prefix') ?? '');
  if (!prefix) errors.push({ line, field: 'prefix', message: `"${at('prefix') ?? ''}" is not a number prefix such as +420 or 420` });
  const rate = amount(at('ratePerMinute'), undefined);
  if (rate === undefined || rate < 0) errors.push({ line, field: 'ratePerMinute', message: `"${at('ratePerMinute') ?? ''}" is not a rate of 0 or more` });
  const fee = amount(at('connectionFee'), 0);
  if (fee === undefined || fee < 0) errors.push({ line, field: 'connectionFee', message: `"${at('connectionFee') ?? ''}" is not a fee of 0 or more` });
  if (errors.length > before) return undefined;
  return { prefix: prefix!, ratePerMinute: rate!, connectionFee: fee!, description: (at('description') ?? '').slice(0, 200) };
}

/**
 * Reads a carrier's price list: a header row naming the columns (prefix, ratePerMinute, connectionFee,
 * description; common synonyms too), separated by commas, semicolons or tabs. Prefixes without "+" are read
 * as international ("420" = "+420"). Every bad row is reported with its line; any error rejects the whole file.
 */
export function parsePriceCsv(text: string): Price[] {
  const [header, ...rows] = readRows(text);
  if (!header) throw new AppError('PRICE_LIST_INVALID', 'The file is empty', { errors: [] });
  const cols = columnsOf(header);
  if (cols.prefix === undefined || cols.ratePerMinute === undefined) {
    throw new AppError('PRICE_LIST_INVALID', 'The header must name at least the columns "prefix" and "ratePerMinute"', { errors: [{ line: 1, field: 'header', message: `found: ${header.join(', ')}` }] });
  }
  if (rows.length > MAX_ROWS) throw new AppError('PRICE_LIST_INVALID', `At most ${MAX_ROWS} prices per list`, { errors: [] });
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const prices: Price[] = [];
  rows.forEach((cells, i) => {
    const line = i + 2;
    const p = priceRow(cells, cols, line, errors);
    if (!p) return;
    const first = seen.get(p.prefix);
    if (first) errors.push({ line, field: 'prefix', message: `${p.prefix} is already priced on line ${first}` });
    else seen.set(p.prefix, line);
    prices.push(p);
  });
  if (errors.length) throw new AppError('PRICE_LIST_INVALID', `${errors.length} error(s) in the price list; nothing was saved`, { errors: errors.slice(0, 500) });
  return prices;
}
