import type { Db } from '../../platform/db/db.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { SourceAnswer, SourceFetcher } from './fetcher.ts';
import type { ConnectorFields, ConnectorPatch, ConnectorSpec, ConnectorView } from './model.ts';
import { callerRecord, columnsOf, ConnectorsRepo, toSpec, toView, type CallerRecord } from './repo.ts';
import { absoluteUrl, renderTemplate, type TemplateValues } from './template.ts';

/** How long another process's connector changes may take to reach this one's cards. */
const SPEC_TTL_MS = 10_000;

const uniqueViolation = (err: unknown): boolean => (err as { code?: string }).code === '23505';

/** The values a call offers to URL templates. */
export function templateValues(phone: string | null, caller: CallerRecord, callId: string | null): TemplateValues {
  return {
    phone,
    'contact.id': caller.contact?.id ?? null,
    'contact.externalId': caller.contact?.externalId ?? null,
    'account.id': caller.account?.id ?? null,
    'account.externalId': caller.account?.externalId ?? null,
    'call.id': callId,
  };
}

/** The request headers of a connector: its auth header when it has one. */
export const authHeaders = (c: ConnectorSpec): Record<string, string> =>
  c.authHeader && c.authValue ? { [c.authHeader]: c.authValue } : {};

export interface TestResult {
  url: string | null;
  answer: SourceAnswer | null;
  missing: string[];
}

/**
 * Connector settings per project (admins): CRUD with audit, and a test that asks the source for a
 * sample phone or contact exactly as a ringing call would, bypassing the cache.
 */
export class Connectors {
  readonly repo: ConnectorsRepo;
  private readonly specs = new Map<string, { until: number; specs: Promise<ConnectorSpec[]> }>();

  constructor(
    private readonly db: Db,
    private readonly fetcher: SourceFetcher,
    private readonly selfBase: () => string,
  ) {
    this.repo = new ConnectorsRepo(db);
  }

  async list(projectId: string): Promise<ConnectorView[]> {
    return (await this.repo.list(projectId)).map(toView);
  }

  /**
   * Enabled connectors with their secrets, for card assembly: from memory, so a ringing call's first
   * frame does not wait for this query. Changes made here apply at once; changes made by another
   * Switchboard process within SPEC_TTL_MS.
   */
  enabled(projectId: string): Promise<ConnectorSpec[]> {
    const hit = this.specs.get(projectId);
    if (hit && hit.until > Date.now()) return hit.specs;
    const specs = this.repo.list(projectId).then((rows) => rows.filter((r) => r.enabled).map(toSpec));
    this.specs.set(projectId, { until: Date.now() + SPEC_TTL_MS, specs });
    specs.catch(() => this.specs.delete(projectId));
    return specs;
  }

  async get(projectId: string, id: string): Promise<ConnectorView> {
    const row = await this.repo.get(projectId, id);
    if (!row) throw notFound('CONNECTOR_NOT_FOUND', 'Connector');
    return toView(row);
  }

  async create(projectId: string, f: ConnectorFields, actor: Actor): Promise<ConnectorView> {
    try {
      const row = await this.db.transaction().execute(async (tx) => {
        const r = await tx.insertInto('connectors').values({ project_id: projectId, ...(columnsOf(f) as { name: string; url_template: string }) }).returningAll().executeTakeFirstOrThrow();
        await recordAudit(tx, { projectId, actor, action: 'connector.created', entity: 'connector', entityId: r.id, details: { name: r.name } });
        return r;
      });
      this.specs.delete(projectId);
      return toView(row);
    } catch (err) {
      throw this.translate(err);
    }
  }

  async update(projectId: string, id: string, patch: ConnectorPatch, actor: Actor): Promise<ConnectorView> {
    try {
      const row = await this.db.transaction().execute(async (tx) => {
        const r = await tx.updateTable('connectors').set({ ...columnsOf(patch), updated_at: new Date() }).where('project_id', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
        if (!r) throw notFound('CONNECTOR_NOT_FOUND', 'Connector');
        const changed = Object.keys(patch).map((k) => (k === 'authValue' ? 'authValue (secret)' : k));
        await recordAudit(tx, { projectId, actor, action: 'connector.updated', entity: 'connector', entityId: id, details: { changed } });
        return r;
      });
      this.changed(projectId, id);
      return toView(row);
    } catch (err) {
      throw this.translate(err);
    }
  }

  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.deleteFrom('connectors').where('project_id', '=', projectId).where('id', '=', id).returning('name').executeTakeFirst();
      if (!r) throw notFound('CONNECTOR_NOT_FOUND', 'Connector');
      await recordAudit(tx, { projectId, actor, action: 'connector.deleted', entity: 'connector', entityId: id, details: { name: r.name } });
    });
    this.changed(projectId, id);
  }

  /** Asks the source for a sample caller now; shows the URL (without the secret), the answer and its time. */
  async test(projectId: string, id: string, sample: { phone?: string; contactId?: string }): Promise<TestResult> {
    const row = await this.repo.get(projectId, id);
    if (!row) throw notFound('CONNECTOR_NOT_FOUND', 'Connector');
    const spec = toSpec(row);
    const caller = sample.contactId ? await callerRecord(this.db, projectId, sample.contactId) : await this.byPhone(projectId, sample.phone);
    if (sample.contactId && !caller.contact) throw notFound('CONTACT_NOT_FOUND', 'Contact');
    const phone = sample.phone ?? (sample.contactId ? await this.firstPhone(projectId, sample.contactId) : null);
    const rendered = renderTemplate(spec.urlTemplate, templateValues(phone, caller, 'test'));
    if (!rendered.ok) return { url: null, answer: null, missing: rendered.missing };
    const url = absoluteUrl(rendered.url, this.selfBase());
    const answer = await this.fetcher.fetch({ connectorId: `test:${id}`, display: spec.display, url, headers: authHeaders(spec), deadlineMs: spec.deadlineMs, cacheTtlSeconds: 0 });
    return { url, answer, missing: [] };
  }

  private async byPhone(projectId: string, phone: string | undefined): Promise<CallerRecord> {
    const none: CallerRecord = { contact: null, account: null, owner: null, openTasks: [] };
    if (!phone) return none;
    const hit = await this.db.selectFrom('contact_phones').select('contact_id').where('project_id', '=', projectId).where('phone', '=', phone).executeTakeFirst();
    return hit ? callerRecord(this.db, projectId, hit.contact_id) : none;
  }

  private async firstPhone(projectId: string, contactId: string): Promise<string | null> {
    const r = await this.db.selectFrom('contact_phones').select('phone').where('project_id', '=', projectId).where('contact_id', '=', contactId).orderBy('position').executeTakeFirst();
    return r?.phone ?? null;
  }

  private changed(projectId: string, id: string): void {
    this.specs.delete(projectId);
    this.fetcher.forget(id);
  }

  private translate(err: unknown): unknown {
    if (uniqueViolation(err)) return new AppError('CONNECTOR_NAME_TAKEN', 'Another connector of this project has this name', { field: 'name' });
    return err;
  }
}
