import type { AccountKind } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { accountKinds, cleanEmails, cleanTags, isEmail, isTimeZone, normalisePhone } from '../contacts/model.ts';

/** The columns a contacts CSV may have; `phone2`, `phone3`, ... and `custom.<key>` are open-ended. */
export const baseColumns = ['external_id', 'name', 'account', 'account_kind', 'email', 'city', 'region', 'timezone', 'owner_email', 'tags'] as const;
const known = new Set<string>(baseColumns);
const phoneColumn = /^phone(\d*)$/;

export interface Header {
  names: string[];
  /** Column name -> index in each record. */
  index: Map<string, number>;
  /** Phone columns in order: phone, phone2, phone3, ... */
  phones: string[];
  custom: string[];
}

export interface ImportRow {
  row: number;
  externalId: string | null;
  name: string;
  account: { name: string; kind: AccountKind; kindGiven: boolean } | null;
  phones: { number: string; column: string }[];
  emails: string[];
  city: string | null;
  region: string | null;
  timezone: string | null;
  ownerId: string | null;
  tags: string[];
  custom: Record<string, string>;
}

export interface RowError {
  row: number;
  field: string;
  reason: string;
}

/** Reads the header line; a missing `name` or an unknown column fails the file before anything is written. */
export function readHeader(names: string[]): Header {
  const trimmed = names.map((n) => n.trim().toLowerCase());
  const unknown = trimmed.filter((n) => !known.has(n) && !phoneColumn.test(n) && !(n.startsWith('custom.') && n.length > 7));
  if (unknown.length) throw new AppError('CSV_INVALID', `line 1: unknown column(s) ${unknown.join(', ')}`, { line: 1, columns: unknown });
  if (!trimmed.includes('name')) throw new AppError('CSV_INVALID', 'line 1: the header has no "name" column', { line: 1 });
  const phones = trimmed.filter((n) => phoneColumn.test(n)).sort((a, b) => phoneRank(a) - phoneRank(b));
  return {
    names: trimmed,
    index: new Map(trimmed.map((n, i) => [n, i])),
    phones,
    custom: trimmed.filter((n) => n.startsWith('custom.')),
  };
}

const phoneRank = (col: string) => Number(phoneColumn.exec(col)![1] || 1);

export interface RowContext {
  country: string;
  /** Member e-mail (lower case) -> user id. */
  owners: Map<string, string>;
}

/** One CSV record to a contact, or every reason it cannot be one (row number, field, reason). */
export function parseRow(h: Header, cells: string[], row: number, ctx: RowContext): ImportRow | RowError[] {
  const errors: RowError[] = [];
  const fail = (field: string, reason: string) => errors.push({ row, field, reason });
  if (cells.length !== h.names.length) return [{ row, field: '*', reason: `has ${cells.length} fields, the header has ${h.names.length}` }];
  const get = (col: string): string | null => {
    const i = h.index.get(col);
    const v = i === undefined ? '' : cells[i].trim();
    return v === '' ? null : v;
  };
  const name = get('name');
  if (!name) fail('name', 'required');
  const phones = readPhones(h, get, ctx.country, fail);
  const emails = cleanEmails((get('email') ?? '').split(';'));
  const badEmail = emails.find((e) => !isEmail(e));
  if (badEmail) fail('email', `"${badEmail}" is not an e-mail address`);
  const timezone = get('timezone');
  if (timezone && !isTimeZone(timezone)) fail('timezone', `"${timezone}" is not an IANA time zone`);
  const ownerEmail = get('owner_email');
  const ownerId = ownerEmail ? ctx.owners.get(ownerEmail.toLowerCase()) : undefined;
  if (ownerEmail && !ownerId) fail('owner_email', `OWNER_NOT_AGENT: ${ownerEmail} is not a member of this project`);
  const kindText = get('account_kind')?.toLowerCase();
  if (kindText && !(accountKinds as readonly string[]).includes(kindText)) fail('account_kind', `must be one of ${accountKinds.join(', ')}`);
  if (errors.length) return errors;
  const accountName = get('account');
  return {
    row,
    externalId: get('external_id'),
    name: name!,
    account: accountName ? { name: accountName, kind: (kindText as AccountKind) ?? 'customer', kindGiven: !!kindText } : null,
    phones,
    emails,
    city: get('city'),
    region: get('region'),
    timezone,
    ownerId: ownerId ?? null,
    tags: cleanTags((get('tags') ?? '').split(';')),
    custom: Object.fromEntries(h.custom.flatMap((col) => (get(col) === null ? [] : [[col.slice(7), get(col)!]]))),
  };
}

type Cell = (col: string) => string | null;

function readPhones(h: Header, get: Cell, country: string, fail: (field: string, reason: string) => void): ImportRow['phones'] {
  const phones: ImportRow['phones'] = [];
  for (const col of h.phones) {
    const raw = get(col);
    if (!raw) continue;
    const number = normalisePhone(raw, country);
    if (!number) fail(col, `INVALID_PHONE: "${raw}" is not a valid phone number`);
    else if (!phones.some((p) => p.number === number)) phones.push({ number, column: col });
  }
  return phones;
}

export const isRowErrors = (r: ImportRow | RowError[]): r is RowError[] => Array.isArray(r);
