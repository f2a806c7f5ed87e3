import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { DomainEvent, EventBus } from '../../platform/events/bus.ts';
import type { AccountKind } from '../../platform/db/schema.ts';
import { unknownCaller, type CallerFacts } from './model.ts';

interface Entry {
  contactId: string;
  accountId: string | null;
  kind: AccountKind;
  ownerId: string | null;
  tags: readonly string[];
}

interface Row {
  project_id: string;
  phone: string;
  contact_id: string;
  account_id: string | null;
  kind: AccountKind | null;
  owner_id: string | null;
  tags: string[];
}

const NO_TAGS: readonly string[] = Object.freeze([]);
const PAGE = 50_000;

/**
 * Every number of every contact, in memory: E.164 -> who calls (contact, account kind, owner, tags).
 * Routing reads only this, so a route answer never waits on the database. Loaded completely at start
 * and kept current from contact/account events (a changed contact or account reloads just its
 * rows; a finished import reloads the project). The contacts domain's PhoneIndex is a bounded
 * read-through cache that goes to the database on a miss, which the PBX deadline cannot afford,
 * hence this separate, complete index. A contact without an account counts as a customer.
 */
export class CallerIndex {
  private readonly byProject = new Map<string, Map<string, Entry>>();
  /** contact -> its number(s): one string for the common single-number contact, saving an array each. */
  private readonly phonesOf = new Map<string, string | string[]>();
  /** Account and owner ids repeat across many contacts; one shared string each saves memory at a million numbers. */
  private readonly ids = new Map<string, string>();
  private readonly off: () => void;
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    bus: EventBus,
    private readonly log: Logger,
  ) {
    this.off = bus.subscribe((e) => this.onEvent(e));
  }

  /** Loads every project's numbers (Switchboard awaits this before it takes calls). */
  start(): Promise<void> {
    this.ready = this.reload().catch((err) => this.log.error({ err }, 'caller index failed to load'));
    return this.ready;
  }

  /** Resolves when the initial load has finished (for tests and tools). */
  loaded(): Promise<void> {
    return this.ready;
  }

  /** Who calls from `phone` (E.164), from memory only. */
  identify(projectId: string, phone: string | null): CallerFacts {
    const e = phone ? this.byProject.get(projectId)?.get(phone) : undefined;
    if (!e) return unknownCaller(phone);
    return { phone, kind: e.kind, contactId: e.contactId, accountId: e.accountId, ownerId: e.ownerId, tags: e.tags };
  }

  size(projectId?: string): number {
    if (projectId) return this.byProject.get(projectId)?.size ?? 0;
    let n = 0;
    for (const m of this.byProject.values()) n += m.size;
    return n;
  }

  close(): void {
    this.off();
  }

  private query() {
    return this.db
      .selectFrom('contact_phones as p')
      .innerJoin('contacts as c', 'c.id', 'p.contact_id')
      .leftJoin('accounts as a', 'a.id', 'c.account_id')
      .select([
        'p.project_id',
        'p.phone',
        'p.contact_id',
        'c.account_id',
        'a.kind',
        sql<string | null>`coalesce(c.owner_id, a.owner_id)`.as('owner_id'),
        sql<string[]>`c.tags || coalesce(a.tags, '{}')`.as('tags'),
      ]);
  }

  private put(r: Row, into = this.byProject): void {
    let m = into.get(r.project_id);
    if (!m) into.set(r.project_id, (m = new Map()));
    m.set(r.phone, {
      contactId: r.contact_id,
      accountId: this.intern(r.account_id),
      kind: r.kind ?? 'customer',
      ownerId: this.intern(r.owner_id),
      tags: r.tags.length ? [...new Set(r.tags)] : NO_TAGS,
    });
    if (into === this.byProject) this.remember(r.contact_id, r.phone);
  }

  private intern(id: string | null): string | null {
    if (id === null) return null;
    const known = this.ids.get(id);
    if (known) return known;
    this.ids.set(id, id);
    return id;
  }

  private numbersOf(contactId: string): string[] {
    const v = this.phonesOf.get(contactId);
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }

  private drop(projectId: string, contactId: string): void {
    const m = this.byProject.get(projectId);
    for (const phone of this.numbersOf(contactId)) {
      if (m?.get(phone)?.contactId === contactId) m.delete(phone);
    }
    this.phonesOf.delete(contactId);
  }

  /** Reads numbers in pages ordered by (project, phone), so a million contacts never sit in one result. */
  private async reload(projectId?: string): Promise<void> {
    const fresh = new Map<string, Map<string, Entry>>();
    let after: [string, string] | undefined;
    for (;;) {
      let q = this.query().orderBy('p.project_id').orderBy('p.phone').limit(PAGE);
      if (projectId) q = q.where('p.project_id', '=', projectId);
      if (after) q = q.where(sql<boolean>`(p.project_id, p.phone) > (${after[0]}::uuid, ${after[1]})`);
      const rows = (await q.execute()) as Row[];
      for (const r of rows) this.put(r, fresh);
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      after = [last.project_id, last.phone];
    }
    if (projectId) {
      for (const e of this.byProject.get(projectId)?.values() ?? []) this.phonesOf.delete(e.contactId);
      this.byProject.set(projectId, fresh.get(projectId) ?? new Map());
    } else {
      for (const [id, m] of fresh) this.byProject.set(id, m);
    }
    for (const m of fresh.values()) for (const [phone, e] of m) this.remember(e.contactId, phone);
  }

  private remember(contactId: string, phone: string): void {
    const v = this.phonesOf.get(contactId);
    if (v === undefined) this.phonesOf.set(contactId, phone);
    else if (typeof v === 'string') {
      if (v !== phone) this.phonesOf.set(contactId, [v, phone]);
    } else if (!v.includes(phone)) v.push(phone);
  }

  private async refreshContacts(projectId: string, where: { contactId?: string; accountId?: string }): Promise<void> {
    let q = this.query().where('p.project_id', '=', projectId);
    if (where.contactId) q = q.where('p.contact_id', '=', where.contactId);
    if (where.accountId) q = q.where('c.account_id', '=', where.accountId);
    const rows = (await q.execute()) as Row[];
    const contacts = new Set(rows.map((r) => r.contact_id));
    if (where.contactId) contacts.add(where.contactId);
    for (const id of contacts) this.drop(projectId, id);
    for (const r of rows) this.put(r);
  }

  private onEvent(e: DomainEvent): void {
    const p = e.payload as { contactId?: string; accountId?: string; status?: string };
    let work: Promise<void> | undefined;
    if (e.type === 'contact.deleted') this.drop(e.projectId, p.contactId!);
    else if (e.type === 'contact.created' || e.type === 'contact.updated') work = this.refreshContacts(e.projectId, { contactId: p.contactId });
    else if (e.type === 'account.updated') work = this.refreshContacts(e.projectId, { accountId: p.accountId });
    else if (e.type === 'account.deleted' || (e.type === 'import.progress' && p.status !== 'running')) work = this.reload(e.projectId);
    work?.catch((err) => this.log.error({ err, event: e.type }, 'caller index refresh failed'));
  }
}
