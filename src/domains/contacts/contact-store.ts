import type { ContactView } from './contacts-repo.ts';
import { PhoneTable } from './phone-table.ts';
import { packTexts, SEP, unpackTexts, type AccountFacts, type ContactColumns, type ContactRow, type SharedValues } from './contact-record.ts';

/** Per-slot integer fields: account, owner, tags, labels, place (numbers in the shared tables; -1 for none). */
const ACCOUNT = 0;
const OWNER = 1;
const TAGS = 2;
const LABELS = 3;
const PLACE = 4;
const FIELDS = 5;
const EMPTY_CUSTOM = '{}';

/**
 * One project's contacts that have a number, stored by column: each contact is a slot, its
 * repeated values are numbers in typed arrays, its own texts one packed string, its times two
 * doubles. Objects per contact would cost several times as much at a million contacts.
 */
export class ContactStore {
  readonly byPhone = new PhoneTable();
  private readonly byId = new Map<string, number>();
  private readonly ids: Array<string | undefined> = [];
  private readonly phones: Array<string | readonly string[] | undefined> = [];
  private readonly texts: Array<string | readonly string[] | undefined> = [];
  /** Custom fields other than `{}`, by slot (most contacts have none). */
  private readonly customs = new Map<number, string>();
  private ints = new Int32Array(FIELDS * 1024);
  private times = new Float64Array(2 * 1024);
  private readonly free: number[] = [];
  private used = 0;

  constructor(private readonly shared: SharedValues) {}

  /** Adds the contact with its numbers, replacing what was held for it. */
  put(r: ContactRow): void {
    this.hold(r);
    const labels = JSON.parse(r.labels) as string[];
    r.phones.split(SEP).forEach((phone, i) => this.addNumber(r.id, phone, labels[i]!));
  }

  /** Adds the contact's own fields, replacing what was held for it; its numbers follow with addNumber. */
  hold(r: ContactColumns): void {
    this.remove(r.id);
    const slot = this.free.pop() ?? this.used++;
    this.grow(slot + 1);
    this.ids[slot] = r.id;
    this.phones[slot] = undefined;
    this.texts[slot] = packTexts(r);
    const o = slot * FIELDS;
    const s = this.shared;
    this.ints[o + ACCOUNT] = s.ids.id(r.account_id);
    this.ints[o + OWNER] = s.ids.id(r.owner_id);
    this.ints[o + TAGS] = s.lists.id(r.tags);
    this.ints[o + LABELS] = -1;
    this.ints[o + PLACE] = s.place(r);
    this.times[2 * slot] = r.created;
    this.times[2 * slot + 1] = r.updated;
    if (r.custom !== EMPTY_CUSTOM) this.customs.set(slot, r.custom);
    this.byId.set(r.id, slot);
  }

  /** Appends a number to a held contact (numbers arrive in position order). */
  addNumber(contactId: string, phone: string, label: string): void {
    const slot = this.byId.get(contactId);
    if (slot === undefined) return;
    const had = this.phones[slot];
    const o = slot * FIELDS + LABELS;
    if (had === undefined) {
      this.phones[slot] = phone;
      this.ints[o] = this.shared.label(label);
    } else {
      this.phones[slot] = Object.freeze([...(typeof had === 'string' ? [had] : had), phone]);
      this.ints[o] = this.shared.lists.id(JSON.stringify([...this.shared.lists.value(this.ints[o]!)!, label]));
    }
    this.byPhone.set(phone, slot);
  }

  /** Drops the held contacts that got no number (the directory knows contacts by their numbers). */
  dropUnnumbered(): void {
    for (const [id, slot] of this.byId) if (this.phones[slot] === undefined) this.remove(id);
  }

  remove(contactId: string): void {
    const slot = this.byId.get(contactId);
    if (slot === undefined) return;
    for (const n of this.numbers(slot)) if (this.byPhone.get(n) === slot) this.byPhone.delete(n);
    this.byId.delete(contactId);
    this.ids[slot] = this.phones[slot] = this.texts[slot] = undefined;
    this.customs.delete(slot);
    this.free.push(slot);
  }

  /** The slot of a held contact. */
  slotOf(contactId: string): number | undefined {
    return this.byId.get(contactId);
  }

  contactId(slot: number): string {
    return this.ids[slot]!;
  }

  accountId(slot: number): string | null {
    return this.shared.ids.value(this.ints[slot * FIELDS + ACCOUNT]!);
  }

  ownerId(slot: number): string | null {
    return this.shared.ids.value(this.ints[slot * FIELDS + OWNER]!);
  }

  tags(slot: number): readonly string[] {
    return this.shared.lists.value(this.ints[slot * FIELDS + TAGS]!)!;
  }

  /** The contact as the API shows it (the same shape as a read from the database). */
  view(slot: number, account: AccountFacts | undefined): ContactView {
    const { externalId, name, emails } = unpackTexts(this.texts[slot]!);
    const labels = this.shared.lists.value(this.ints[slot * FIELDS + LABELS]!)!;
    const place = this.shared.places.value(this.ints[slot * FIELDS + PLACE]!)!;
    return {
      id: this.ids[slot]!,
      externalId,
      name,
      account: account ? { id: account.id, name: account.name, kind: account.kind } : null,
      phones: this.numbers(slot).map((number, i) => ({ number, label: labels[i]! })),
      emails,
      ownerId: this.ownerId(slot),
      city: place.city,
      region: place.region,
      timezone: place.timezone,
      tags: [...this.tags(slot)],
      custom: JSON.parse(this.customs.get(slot) ?? EMPTY_CUSTOM) as Record<string, unknown>,
      createdAt: new Date(this.times[2 * slot]!),
      updatedAt: new Date(this.times[2 * slot + 1]!),
    };
  }

  private numbers(slot: number): readonly string[] {
    const p = this.phones[slot];
    return p === undefined ? [] : typeof p === 'string' ? [p] : p;
  }

  private grow(slots: number): void {
    if (slots * FIELDS <= this.ints.length) return;
    const capacity = Math.max(slots, this.ints.length / FIELDS * 2);
    const ints = new Int32Array(capacity * FIELDS);
    ints.set(this.ints);
    this.ints = ints;
    const times = new Float64Array(capacity * 2);
    times.set(this.times);
    this.times = times;
  }
}
