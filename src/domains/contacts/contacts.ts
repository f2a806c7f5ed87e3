import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { ContactsRepo, type ContactFilter, type ContactView } from './contacts-repo.ts';
import { cleanEmails, cleanTags, normalisePhone, normalisePhones, type ContactFields, type Phone } from './model.ts';
import { translateUniqueViolation } from './pg-errors.ts';
import type { ProjectFacts } from './project-facts.ts';
import type { PhoneIndex } from './phone-index.ts';

const E164 = /^\+[1-9]\d{6,14}$/;

/** People the project talks to: CRUD, search and the exact by-phone lookup. */
export class Contacts {
  readonly repo: ContactsRepo;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly facts: ProjectFacts,
    private readonly index: PhoneIndex,
  ) {
    this.repo = new ContactsRepo(db);
  }

  async get(projectId: string, id: string): Promise<ContactView> {
    const c = await this.repo.get(projectId, id);
    if (!c) throw notFound('CONTACT_NOT_FOUND', 'Contact');
    return c;
  }

  /**
   * Any spelling of a number finds the contact holding it. A number already in E.164 that the
   * phone directory holds skips parsing; anything else is normalised first.
   */
  async byPhone(projectId: string, raw: string): Promise<ContactView> {
    let phone: string | undefined = raw;
    if (!E164.test(raw) || !this.index.holds(projectId, raw)) {
      phone = normalisePhone(raw, await this.facts.country(projectId));
      if (!phone) throw new AppError('INVALID_PHONE', `phone: "${raw}" is not a valid phone number`, { field: 'phone', value: raw });
    }
    const c = await this.index.lookup(projectId, phone);
    if (!c) throw notFound('CONTACT_NOT_FOUND', 'Contact with this phone number');
    return c;
  }

  /** Up to `limit` of the project's contact numbers picked at random: the callers the telephony simulator uses. */
  async samplePhones(projectId: string, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('contact_phones').select('phone').where('project_id', '=', projectId).orderBy(sql`random()`).limit(limit).execute();
    return rows.map((r) => r.phone);
  }

  async search(projectId: string, f: ContactFilter, page: { limit: number; offset: number }) {
    const country = await this.facts.country(projectId);
    const phone = f.phone ? (normalisePhone(f.phone, country) ?? f.phone) : undefined;
    const qPhone = f.q ? normalisePhone(f.q, country) : undefined;
    return this.repo.search(projectId, { ...f, phone, qPhone }, page);
  }

  async create(projectId: string, input: ContactFields, actor: Actor): Promise<ContactView> {
    const phones = await this.prepare(projectId, input, undefined);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('contacts')
        .values({ project_id: projectId, ...this.columns(input) } as never)
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow()
        .catch(translateUniqueViolation);
      await this.writePhones(tx, projectId, row.id, phones ?? []);
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'contact', entityId: row.id, details: { name: row.name } });
      return row.id;
    });
    const view = await this.get(projectId, id);
    this.bus.publish(projectId, 'contact.created', { contactId: id, name: view.name });
    return view;
  }

  async update(projectId: string, id: string, patch: Partial<ContactFields>, actor: Actor): Promise<ContactView> {
    await this.get(projectId, id);
    const phones = await this.prepare(projectId, patch, id);
    await this.db.transaction().execute(async (tx) => {
      const cols = this.columns(patch);
      await tx
        .updateTable('contacts')
        .set({ ...cols, updated_at: new Date() } as never)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .execute()
        .catch(translateUniqueViolation);
      if (phones) await this.writePhones(tx, projectId, id, phones);
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'contact', entityId: id, details: { fields: Object.keys(patch) } });
    });
    const view = await this.get(projectId, id);
    this.bus.publish(projectId, 'contact.updated', { contactId: id, name: view.name });
    return view;
  }

  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    const c = await this.get(projectId, id);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('contacts').where('project_id', '=', projectId).where('id', '=', id).execute();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'contact', entityId: id, details: { name: c.name } });
    });
    this.bus.publish(projectId, 'contact.deleted', { contactId: id });
  }

  /** Checks owner, account and phones before any write; returns the phones in E.164 when given. */
  private async prepare(projectId: string, input: Partial<ContactFields>, selfId: string | undefined): Promise<Phone[] | undefined> {
    if (input.ownerId) await this.facts.assertOwner(projectId, input.ownerId);
    if (input.accountId) await this.facts.assertAccount(projectId, input.accountId);
    if (!input.phones) return undefined;
    const phones = normalisePhones(input.phones, await this.facts.country(projectId));
    const owners = await this.repo.phoneOwners(this.db, projectId, phones.map((p) => p.number));
    const taken = owners.find((o) => o.contactId !== selfId);
    if (taken) {
      const i = phones.findIndex((p) => p.number === taken.phone);
      throw new AppError('PHONE_TAKEN', `${taken.phone} already belongs to another contact of this project`, {
        field: `phones[${i}].number`,
        phone: taken.phone,
        contactId: taken.contactId,
      });
    }
    return phones;
  }

  private columns(input: Partial<ContactFields>): Record<string, unknown> {
    const cols: Record<string, unknown> = {};
    const set = (col: string, v: unknown) => {
      if (v !== undefined) cols[col] = v;
    };
    set('external_id', input.externalId);
    set('name', input.name);
    set('account_id', input.accountId);
    set('emails', input.emails && cleanEmails(input.emails));
    set('owner_id', input.ownerId);
    set('city', input.city);
    set('region', input.region);
    set('timezone', input.timezone);
    set('tags', input.tags && cleanTags(input.tags));
    set('custom', input.custom && JSON.stringify(input.custom));
    return cols;
  }

  private async writePhones(tx: Db, projectId: string, contactId: string, phones: Phone[]): Promise<void> {
    await tx.deleteFrom('contact_phones').where('contact_id', '=', contactId).execute();
    if (!phones.length) return;
    await tx
      .insertInto('contact_phones')
      .values(phones.map((p, position) => ({ project_id: projectId, phone: p.number, contact_id: contactId, label: p.label, position })))
      .execute()
      .catch(translateUniqueViolation);
  }
}
