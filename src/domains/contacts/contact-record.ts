import type { AccountKind } from '../../platform/db/schema.ts';

/** A contact with at least one number, as the directory reads it from the database. */
export interface ContactRow {
  project_id: string;
  id: string;
  external_id: string | null;
  name: string;
  account_id: string | null;
  owner_id: string | null;
  /** The e-mails joined by SEP; emails_json holds them instead when one contains SEP. */
  emails: string;
  emails_json: string | null;
  city: string | null;
  region: string | null;
  timezone: string | null;
  /** The tags as a JSON array. */
  tags: string;
  /** The custom fields as JSON text. */
  custom: string;
  /** epoch ms */
  created: number;
  updated: number;
  /** The numbers in position order joined by SEP, and their labels as a JSON array. */
  phones: string;
  labels: string;
}

/** A contact's own columns, before its numbers are known. */
export type ContactColumns = Omit<ContactRow, 'phones' | 'labels'>;

/** One number of a contact. */
export interface NumberRow {
  project_id: string;
  contact_id: string;
  phone: string;
  label: string;
}

export interface AccountRow {
  project_id: string;
  id: string;
  name: string;
  kind: AccountKind;
  owner_id: string | null;
  tags: string[];
}

/** An account's part of its contacts' records and routing facts, held once per account. */
export interface AccountFacts {
  id: string;
  name: string;
  kind: AccountKind;
  ownerId: string | null;
  tags: readonly string[];
}

export interface Place {
  city: string | null;
  region: string | null;
  timezone: string | null;
}

/** The separator of packed lists; the SQL that reads contacts uses the same one. */
export const SEP = '\u0001';
export const NONE = '\u0000';

/**
 * Values that repeat across contacts (owner and account ids, tag sets, label lists, places,
 * custom fields) numbered once, so a contact holds small integers instead of its own copies.
 * Entries are never removed: they are few compared with the contacts that share them.
 */
export class ValueTable<T> {
  private readonly index = new Map<string, number>();
  private readonly values: T[] = [];

  constructor(private readonly make: (key: string) => T) {}

  /** The number of the value with this key (-1 for null). */
  id(key: string | null): number {
    if (key === null) return -1;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.push(this.make(key)) - 1;
      this.index.set(key, i);
    }
    return i;
  }

  value(id: number): T | null {
    return id < 0 ? null : this.values[id]!;
  }
}


/** The tables every project's contacts share. */
export class SharedValues {
  readonly ids = new ValueTable<string>((k) => k);
  /** Tag sets and label lists, keyed by their JSON text. */
  readonly lists = new ValueTable<readonly string[]>((k) => Object.freeze(JSON.parse(k) as string[]));
  readonly places = new ValueTable<Place>((k) => {
    const [city, region, timezone] = JSON.parse(k) as Array<string | null>;
    return Object.freeze({ city: city!, region: region!, timezone: timezone! });
  });

  place(r: Pick<ContactRow, 'city' | 'region' | 'timezone'>): number {
    return this.places.id(JSON.stringify([r.city, r.region, r.timezone]));
  }

  private readonly singleLabels = new Map<string, number>();

  /** The list of one label, without building its key each time (most contacts have one number). */
  label(label: string): number {
    return this.singleLabels.get(label) ?? (this.singleLabels.set(label, this.lists.id(JSON.stringify([label]))), this.singleLabels.get(label)!);
  }

  tags(list: string[]): readonly string[] {
    return this.lists.value(this.lists.id(JSON.stringify(list)))!;
  }
}

/** The contact's own texts as one string: external id (NUL for none), name, e-mails. */
export function packTexts(r: Pick<ContactRow, 'external_id' | 'name' | 'emails' | 'emails_json'>): string | readonly string[] {
  const head = [r.external_id ?? NONE, r.name];
  if (r.emails_json !== null || head.some((t) => t.includes(SEP))) {
    const emails = r.emails_json !== null ? (JSON.parse(r.emails_json) as string[]) : r.emails === '' ? [] : r.emails.split(SEP);
    return Object.freeze([...head, ...emails]);
  }
  // One join makes one flat string; concatenation would keep its parts alive as a rope.
  if (r.emails !== '') head.push(r.emails);
  return head.join(SEP);
}

export function unpackTexts(t: string | readonly string[]): { externalId: string | null; name: string; emails: string[] } {
  const [externalId, name, ...emails] = typeof t === 'string' ? t.split(SEP) : t;
  return { externalId: externalId === NONE ? null : externalId!, name: name!, emails };
}

export function toAccount(r: AccountRow, shared: SharedValues): AccountFacts {
  const ownerId = shared.ids.value(shared.ids.id(r.owner_id));
  return { id: shared.ids.value(shared.ids.id(r.id))!, name: r.name, kind: r.kind, ownerId, tags: shared.tags(r.tags) };
}
