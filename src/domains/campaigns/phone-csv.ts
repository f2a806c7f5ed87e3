import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../platform/errors.ts';
import { Utf8Guard } from '../imports/utf8-guard.ts';

/** One data row of a phone list, with its line in the file and the header's column names. */
export interface PhoneCsvRow {
  line: number;
  /** Column names, trimmed and lower-cased. */
  header: string[];
  cells: string[];
}

/**
 * The data rows of an uploaded phone list (lead CSVs, DNC lists): UTF-8, `,` or `;` separated, a header
 * line that must name a `phone` column. An empty file or a header without `phone` is CSV_INVALID, so a
 * wrong file is refused whole before any row is used.
 */
export async function* phoneCsvRows(source: Readable): AsyncGenerator<PhoneCsvRow> {
  const records = pipeline(source, new Utf8Guard(), parse({ bom: true, skip_empty_lines: true, delimiter: [',', ';'], relax_column_count: true }), () => undefined);
  let header: string[] | undefined;
  let line = 0;
  for await (const cells of records as AsyncIterable<string[]>) {
    line++;
    if (header) {
      yield { line, header, cells };
      continue;
    }
    header = cells.map((c) => c.trim().toLowerCase());
    if (!header.includes('phone')) throw new AppError('CSV_INVALID', 'line 1: the header needs a "phone" column', { line: 1 });
  }
  if (!header) throw new AppError('CSV_INVALID', 'line 1: the file is empty; it needs at least a header line', { line: 1 });
}
