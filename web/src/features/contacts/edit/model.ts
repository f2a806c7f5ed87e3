import { ApiError } from '../../../api/client.ts';
import type { Account, AccountKind, Contact } from '../api.ts';
import type { AccountBody, ContactBody } from '../edit-api.ts';

export interface PhoneRow { number: string; label: string }
export interface KeyValue { key: string; value: string }

/** Fields both forms share: who owns the record, where it is, how it is tagged. */
export interface CommonValues {
  name: string;
  ownerId: string | null;
  city: string;
  region: string;
  timezone: string | null;
  tags: string[];
  custom: KeyValue[];
}
export interface ContactValues extends CommonValues { accountId: string | null; phones: PhoneRow[]; emails: string[] }
export interface AccountValues extends CommonValues { kind: AccountKind }

/** Form errors keyed like `name`, `phones.1.number`, `emails.0`. */
export type FieldErrors = Record<string, string>;

/** How a custom value is edited: text as is, anything else (numbers, lists) as JSON. */
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function commonValues(r: Partial<Contact | Account> | undefined): CommonValues {
  return {
    name: r?.name ?? '',
    ownerId: r?.ownerId ?? null,
    city: r?.city ?? '',
    region: r?.region ?? '',
    timezone: r?.timezone ?? null,
    tags: r?.tags ?? [],
    custom: Object.entries(r?.custom ?? {}).map(([key, value]) => ({ key, value: show(value) })),
  };
}

export function contactValues(c?: Contact, accountId?: string): ContactValues {
  return {
    ...commonValues(c),
    accountId: c ? c.account?.id ?? null : accountId ?? null,
    phones: c?.phones.length ? c.phones.map((p) => ({ ...p })) : [{ number: '', label: 'main' }],
    emails: c?.emails ?? [],
  };
}

export function accountValues(a?: Account): AccountValues {
  return { ...commonValues(a), kind: a?.kind ?? 'customer' };
}

/** Custom pairs back to an object; values that were not edited keep their original type. */
function customObject(pairs: KeyValue[], original: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of pairs) {
    const k = key.trim();
    if (!k) continue;
    out[k] = k in original && show(original[k]) === value ? original[k] : value;
  }
  return out;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function commonBody(v: CommonValues, original?: Record<string, unknown>) {
  return {
    name: v.name.trim(), ownerId: v.ownerId, city: orNull(v.city), region: orNull(v.region),
    timezone: v.timezone, tags: v.tags, custom: customObject(v.custom, original),
  };
}

/**
 * The request body of the contact form. Empty phone rows are left out, so `phoneRows[i]` tells
 * which form row the server's `phones[i]` is (to put its error next to the right field).
 */
export function contactBody(v: ContactValues, original?: Contact): { body: ContactBody; phoneRows: number[] } {
  const phoneRows: number[] = [];
  const phones: ContactBody['phones'] = [];
  v.phones.forEach((p, i) => {
    if (!p.number.trim()) return;
    phoneRows.push(i);
    phones.push(p.label.trim() ? { number: p.number.trim(), label: p.label.trim() } : { number: p.number.trim() });
  });
  return { body: { ...commonBody(v, original?.custom), accountId: v.accountId, phones, emails: v.emails }, phoneRows };
}

export function accountBody(v: AccountValues, original?: Account): AccountBody {
  return { ...commonBody(v, original?.custom), kind: v.kind };
}

/** `body.phones.1.number` and `phones[1].number` both become `phones.1.number`. */
export function fieldKey(field: string): string {
  return field.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Turns an API error into messages next to the fields it names (`details.field`, or each
 * `details[].field` of a validation error), mapping phone indexes back to form rows. `known` gives
 * translated messages for error codes the form explains itself.
 */
export function fieldErrors(err: unknown, phoneRows: number[] = [], known: Record<string, string> = {}): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const d = err.details as { field?: string; message?: string } | { field?: string; message?: string }[] | undefined;
  const list = Array.isArray(d) ? d : d?.field ? [{ field: d.field, message: err.message }] : [];
  const out: FieldErrors = {};
  for (const item of list) {
    if (!item.field) continue;
    const key = fieldKey(item.field).replace(/^phones\.(\d+)/, (_, i: string) => `phones.${phoneRows[Number(i)] ?? i}`);
    const message = known[err.code] ?? (Array.isArray(d) ? `${item.message ?? err.code}` : err.message.replace(/^[\w.[\]]+: /, ''));
    out[key] ??= message;
  }
  return out;
}
