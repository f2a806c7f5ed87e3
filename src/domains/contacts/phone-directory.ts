import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from '../../platform/events/bus.ts';
import type { AccountKind } from '../../platform/db/schema.ts';
import { SharedValues, toAccount, type AccountFacts } from './contact-record.ts';
import { ContactStore } from './contact-store.ts';
import type { ContactView } from './contacts-repo.ts';
import { DirectoryChanges } from './directory-changes.ts';
import type { DirectoryRepo } from './directory-repo.ts';

/** Who holds a number, as routing and the caller card need it. */
export interface KnownCaller {
  contactId: string;
  accountId: string | null;
  /** The account's kind; null for a contact without an account. */
  accountKind: AccountKind | null;
  /** The contact's owner, else the account's owner. */
  ownerId: string | null;
  /** The contact's and the account's tags together. */
  tags: readonly string[];
}

/** One project's contacts and accounts; an account is held once, not copied into each contact. */
class Book {
  readonly contacts: ContactStore;
  readonly accounts = new Map<string, AccountFacts>();

  constructor(shared: SharedValues) {
    this.contacts = new ContactStore(shared);
  }

  account(accountId: string | null): AccountFacts | undefined {
    return accountId === null ? undefined : this.accounts.get(accountId);
  }
}

/**
 * Every contact that has a number, in memory, owned by the contacts domain: E.164 -> the contact's
 * compact record (contact-store.ts) and its account's kind, owner and tags. Loaded completely at start and kept current by contact, account and import
 * events, whether published here or brought from another process by the event bridge. Inbound
 * routing reads it synchronously; the by-phone API reads it too, but only while no change is
 * being applied (`view` says "not sure" then, and the caller asks the database), so a
 * changed or deleted contact is never served stale.
 */
export class PhoneDirectory {
  private books = new Map<string, Book>();
  private readonly changes: DirectoryChanges;
  /** Imports running (project/import): each keeps its project "changing" until its final reload. */
  private readonly importing = new Set<string>();
  private readonly reloading = new Map<string, Promise<void>>();
  private ready = false;
  private loading: Promise<void> = Promise.resolve();
  private readonly shared = new SharedValues();
  private readonly off: () => void;

  constructor(
    private readonly repo: DirectoryRepo,
    bus: EventBus,
    private readonly log: Logger,
  ) {
    this.changes = new DirectoryChanges(log);
    this.off = bus.subscribe((e) => this.onEvent(e));
  }

  /** Loads every project's numbers; Switchboard awaits this before it takes calls. */
  start(): Promise<void> {
    this.loading = this.load().then(
      (books) => {
        this.books = books;
        this.ready = true;
      },
      (err) => this.log.error({ err }, 'phone directory failed to load'),
    );
    return this.loading;
  }

  /** Who holds `phone` (E.164) in the project, from memory; undefined for an unknown number. */
  find(projectId: string, phone: string): KnownCaller | undefined {
    const book = this.books.get(projectId);
    const slot = book?.contacts.byPhone.get(phone);
    if (slot === undefined) return undefined;
    const c = book!.contacts;
    const contactId = c.contactId(slot);
    const ownerId = c.ownerId(slot);
    const own = c.tags(slot);
    const a = book!.account(c.accountId(slot));
    if (!a) return { contactId, accountId: null, accountKind: null, ownerId, tags: own };
    const tags = a.tags.length === 0 ? own : own.length === 0 ? a.tags : [...new Set([...own, ...a.tags])];
    return { contactId, accountId: a.id, accountKind: a.kind, ownerId: ownerId ?? a.ownerId, tags };
  }

  /**
   * The contact holding `phone` as the API shows it, null when none does, or undefined when memory
   * may lag behind the database (still loading, or a change of this project is being applied):
   * then ask the database.
   */
  view(projectId: string, phone: string): ContactView | null | undefined {
    if (!this.sure(projectId)) return undefined;
    const book = this.books.get(projectId);
    const slot = book?.contacts.byPhone.get(phone);
    if (slot === undefined) return null;
    return book!.contacts.view(slot, book!.account(book!.contacts.accountId(slot)));
  }

  /**
   * A contact that has a number, by id, as the API shows it (for the caller card, which knows the
   * contact from `call.routed`): null when no such contact, undefined when memory may lag (as `view`).
   */
  contact(projectId: string, contactId: string): ContactView | null | undefined {
    if (!this.sure(projectId)) return undefined;
    const book = this.books.get(projectId);
    const slot = book?.contacts.slotOf(contactId);
    if (slot === undefined) return null;
    return book!.contacts.view(slot, book!.account(book!.contacts.accountId(slot)));
  }

  /** Whether `phone` is, right now and certainly, a number of one of the project's contacts. */
  holds(projectId: string, phone: string): boolean {
    return this.sure(projectId) && this.books.get(projectId)?.contacts.byPhone.has(phone) === true;
  }

  private sure(projectId: string): boolean {
    return this.ready && !this.changes.changing(projectId);
  }

  size(projectId?: string): number {
    if (projectId) return this.books.get(projectId)?.contacts.byPhone.size ?? 0;
    let n = 0;
    for (const b of this.books.values()) n += b.contacts.byPhone.size;
    return n;
  }

  /** Resolves when the changes being applied to the project have landed (for tests and tools). */
  async settled(projectId: string): Promise<void> {
    await this.loading;
    await this.changes.settled(projectId);
  }

  close(): void {
    this.off();
  }

  private async load(projectId?: string): Promise<Map<string, Book>> {
    const books = new Map<string, Book>();
    const book = (id: string) => books.get(id) ?? books.set(id, new Book(this.shared)).get(id)!;
    for await (const rows of this.repo.allAccounts(projectId)) for (const r of rows) book(r.project_id).accounts.set(r.id, toAccount(r, this.shared));
    await this.repo.scan(projectId, {
      contacts: (rows) => {
        for (const r of rows) book(r.project_id).contacts.hold(r);
      },
      numbers: (rows) => {
        for (const r of rows) books.get(r.project_id)?.contacts.addNumber(r.contact_id, r.phone, r.label);
      },
    });
    for (const b of books.values()) b.contacts.dropUnnumbered();
    return books;
  }

  private book(projectId: string): Book {
    return this.books.get(projectId) ?? this.books.set(projectId, new Book(this.shared)).get(projectId)!;
  }

  /** Applies a change once the start's load and any reload of the project are done. */
  private apply(projectId: string, what: string, work: () => Promise<void>): void {
    this.changes.track(projectId, async () => {
      await this.loading;
      await this.reloading.get(projectId);
      await work();
    }, what);
  }

  private refreshContact(projectId: string, contactId: string): void {
    const ticket = this.changes.take(contactId);
    this.apply(projectId, 'contact', async () => {
      const row = await this.repo.contact(projectId, contactId);
      const b = this.book(projectId);
      const accountId = row?.account_id;
      const account = accountId && !b.accounts.has(accountId) ? await this.repo.account(projectId, accountId) : undefined;
      if (!this.changes.isLatest(contactId, ticket)) return;
      if (account) b.accounts.set(account.id, toAccount(account, this.shared));
      if (row) b.contacts.put(row);
      else b.contacts.remove(contactId);
    });
  }

  private refreshAccount(projectId: string, accountId: string): void {
    const ticket = this.changes.take(accountId);
    this.apply(projectId, 'account', async () => {
      const row = await this.repo.account(projectId, accountId);
      if (!this.changes.isLatest(accountId, ticket)) return;
      if (row) this.book(projectId).accounts.set(row.id, toAccount(row, this.shared));
      else this.books.get(projectId)?.accounts.delete(accountId);
    });
  }

  /** Re-reads a whole project (after an import); changes arriving meanwhile wait for it, then apply. */
  private reloadProject(projectId: string): void {
    const reload = this.load(projectId).then((books) => {
      this.books.set(projectId, books.get(projectId) ?? new Book(this.shared));
    });
    const settled = reload.catch(() => undefined).finally(() => {
      if (this.reloading.get(projectId) === settled) this.reloading.delete(projectId);
    });
    this.reloading.set(projectId, settled);
    this.changes.track(projectId, () => reload, 'project');
  }

  private onEvent(e: DomainEvent): void {
    const p = e.payload as { contactId?: string; accountId?: string; importId?: string; status?: string };
    switch (e.type) {
      case 'contact.created':
      case 'contact.updated':
      case 'contact.deleted':
        return this.refreshContact(e.projectId, p.contactId!);
      case 'account.created':
      case 'account.updated':
      case 'account.deleted':
        return this.refreshAccount(e.projectId, p.accountId!);
      case 'import.progress':
        return this.onImport(e.projectId, p.importId!, p.status!);
    }
  }

  /** A running import changes numbers without per-contact events: memory is "not sure" until its final reload. */
  private onImport(projectId: string, importId: string, status: string): void {
    const key = `${projectId}/${importId}`;
    const wasRunning = this.importing.has(key);
    if (status === 'running') {
      if (!wasRunning) this.changes.bump(projectId, 1);
      this.importing.add(key);
      return;
    }
    if (wasRunning) this.changes.bump(projectId, -1);
    this.importing.delete(key);
    this.reloadProject(projectId);
  }
}
