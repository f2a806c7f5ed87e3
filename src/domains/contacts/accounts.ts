import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { AccountKind } from '../../platform/db/schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { notFound } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { cleanTags, type AccountFields } from './model.ts';
import { translateUniqueViolation } from './pg-errors.ts';
import type { ProjectFacts } from './project-facts.ts';

export interface AccountFilter {
  q?: string;
  tag?: string;
  city?: string;
  kind?: AccountKind;
  ownerId?: string;
}

const columns = [
  'id', 'external_id as externalId', 'name', 'kind', 'owner_id as ownerId', 'city', 'region', 'timezone', 'tags', 'custom',
  'created_at as createdAt', 'updated_at as updatedAt',
] as const;

/** Companies (counterparties): customers, suppliers, partners and others. */
export class Accounts {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly facts: ProjectFacts,
  ) {}

  async get(projectId: string, id: string) {
    const row = await this.db.selectFrom('accounts').select(columns).where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('ACCOUNT_NOT_FOUND', 'Account');
    const contacts = await this.db
      .selectFrom('contacts')
      .select(['id', 'name'])
      .where('project_id', '=', projectId)
      .where('account_id', '=', id)
      .orderBy('name')
      .limit(100)
      .execute();
    return { ...row, contacts };
  }

  async search(projectId: string, f: AccountFilter, page: { limit: number; offset: number }) {
    let q = this.db.selectFrom('accounts').where('project_id', '=', projectId);
    if (f.q) q = q.where(sql`lower(name)`, 'like', `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    if (f.tag) q = q.where(sql<boolean>`tags @> ARRAY[${f.tag}]::text[]`);
    if (f.city) q = q.where(sql`lower(city)`, '=', f.city.toLowerCase());
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
    const [items, count] = await Promise.all([
      q.select(columns).orderBy(sql`lower(name)`).orderBy('id').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), ...page };
  }

  async create(projectId: string, input: AccountFields, actor: Actor) {
    if (input.ownerId) await this.facts.assertOwner(projectId, input.ownerId);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('accounts')
        .values({ project_id: projectId, ...toColumns(input) } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch(translateUniqueViolation);
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'account', entityId: row.id, details: { name: input.name, kind: input.kind } });
      return row.id;
    });
    const view = await this.get(projectId, id);
    this.bus.publish(projectId, 'account.created', { accountId: id, name: view.name, kind: view.kind });
    return view;
  }

  async update(projectId: string, id: string, patch: Partial<AccountFields>, actor: Actor) {
    await this.get(projectId, id);
    if (patch.ownerId) await this.facts.assertOwner(projectId, patch.ownerId);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('accounts')
        .set({ ...toColumns(patch), updated_at: new Date() } as never)
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .execute()
        .catch(translateUniqueViolation);
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'account', entityId: id, details: { fields: Object.keys(patch) } });
    });
    const view = await this.get(projectId, id);
    this.bus.publish(projectId, 'account.updated', { accountId: id, name: view.name, kind: view.kind });
    return view;
  }

  /** Deleting a company keeps its people as contacts without an account. */
  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    const a = await this.get(projectId, id);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('accounts').where('project_id', '=', projectId).where('id', '=', id).execute();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'account', entityId: id, details: { name: a.name } });
    });
    this.bus.publish(projectId, 'account.deleted', { accountId: id });
  }
}

function toColumns(input: Partial<AccountFields>): Record<string, unknown> {
  const map: [string, unknown][] = [
    ['external_id', input.externalId],
    ['name', input.name],
    ['kind', input.kind],
    ['owner_id', input.ownerId],
    ['city', input.city],
    ['region', input.region],
    ['timezone', input.timezone],
    ['tags', input.tags && cleanTags(input.tags)],
    ['custom', input.custom && JSON.stringify(input.custom)],
  ];
  return Object.fromEntries(map.filter(([, v]) => v !== undefined));
}
