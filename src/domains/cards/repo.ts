import type { Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/db.ts';
import type { ConnectorsTable } from '../../platform/db/schema.ts';
import type { ConnectorPatch, ConnectorSpec, ConnectorView } from './model.ts';

type Row = Selectable<ConnectorsTable>;

export const toView = (r: Row): ConnectorView => ({
  id: r.id,
  name: r.name,
  urlTemplate: r.url_template,
  authHeader: r.auth_header,
  hasAuthValue: r.auth_value !== null && r.auth_value !== '',
  deadlineMs: r.deadline_ms,
  cacheTtlSeconds: r.cache_ttl_seconds,
  enabled: r.enabled,
  display: r.display,
  position: r.position,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const toSpec = (r: Row): ConnectorSpec => ({
  id: r.id,
  name: r.name,
  urlTemplate: r.url_template,
  authHeader: r.auth_header,
  authValue: r.auth_value,
  deadlineMs: r.deadline_ms,
  cacheTtlSeconds: r.cache_ttl_seconds,
  display: r.display,
});

/** Column values for an insert or update; absent fields stay as they are. */
export function columnsOf(f: ConnectorPatch): Partial<Omit<Row, 'id' | 'project_id' | 'created_at'>> {
  const c: Partial<Omit<Row, 'id' | 'project_id' | 'created_at'>> = {};
  if (f.name !== undefined) c.name = f.name;
  if (f.urlTemplate !== undefined) c.url_template = f.urlTemplate;
  if (f.authHeader !== undefined) c.auth_header = f.authHeader;
  if (f.authValue !== undefined) c.auth_value = f.authValue;
  if (f.deadlineMs !== undefined) c.deadline_ms = f.deadlineMs;
  if (f.cacheTtlSeconds !== undefined) c.cache_ttl_seconds = f.cacheTtlSeconds;
  if (f.enabled !== undefined) c.enabled = f.enabled;
  if (f.display !== undefined) c.display = f.display;
  if (f.position !== undefined) c.position = f.position;
  return c;
}

export class ConnectorsRepo {
  constructor(private readonly db: Db) {}

  list(projectId: string): Promise<Row[]> {
    return this.db.selectFrom('connectors').selectAll().where('project_id', '=', projectId).orderBy('position').orderBy('name').execute();
  }

  get(projectId: string, id: string): Promise<Row | undefined> {
    return this.db.selectFrom('connectors').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  }
}

/** What Switchboard itself knows about the caller, for the card's first frame. */
export interface CallerRecord {
  contact: { id: string; name: string; externalId: string | null; city: string | null; tags: string[] } | null;
  account: { id: string; name: string; kind: string; externalId: string | null } | null;
  owner: { id: string; name: string } | null;
  openTasks: { id: string; title: string; status: string; dueAt: string | null }[];
}

/** Reads the contact, its account and owner and its open tasks in one round trip (frame 1 waits for it). */
export async function callerRecord(db: Db, projectId: string, contactId: string): Promise<CallerRecord> {
  const row = await db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', (j) => j.onRef('a.id', '=', 'c.account_id').onRef('a.project_id', '=', 'c.project_id'))
    .leftJoin('users as u', (j) => j.on((eb) => eb('u.id', '=', eb.fn.coalesce('c.owner_id', 'a.owner_id'))))
    .select(['c.id', 'c.name', 'c.external_id', 'c.city', 'c.tags', 'a.id as account_id', 'a.name as account_name', 'a.kind', 'a.external_id as account_external_id', 'a.city as account_city', 'a.tags as account_tags', 'u.id as owner_id', 'u.name as owner_name'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('tasks as t')
          .select(['t.id', 't.title', 't.status', 't.due_at'])
          .whereRef('t.project_id', '=', 'c.project_id')
          .whereRef('t.contact_id', '=', 'c.id')
          .where('t.status', 'in', ['queued', 'offered', 'accepted'])
          .orderBy('t.created_at', 'desc')
          .limit(10),
      ).as('tasks'),
    )
    .where('c.project_id', '=', projectId)
    .where('c.id', '=', contactId)
    .executeTakeFirst();
  if (!row) return { contact: null, account: null, owner: null, openTasks: [] };
  return {
    contact: { id: row.id, name: row.name, externalId: row.external_id, city: row.city ?? row.account_city ?? null, tags: [...new Set([...row.tags, ...(row.account_tags ?? [])])] },
    account: row.account_id ? { id: row.account_id, name: row.account_name!, kind: row.kind!, externalId: row.account_external_id ?? null } : null,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    openTasks: row.tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, dueAt: t.due_at ? new Date(t.due_at as unknown as string).toISOString() : null })),
  };
}
