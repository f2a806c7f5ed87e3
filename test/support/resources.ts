import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/db.ts';
import { routeTable } from '../../src/platform/http/app.ts';
import type { TestSwitchboard } from './app.ts';
import type { TestProject } from './fixtures.ts';
import { sampleFor } from './sample.ts';

/**
 * Direct inserts for resources that cannot be created through a plain JSON POST route (uploads,
 * rows made by the system), used when the POST route is missing or needs more than a sample body. Each returns the new row's id in the given project. When you add a
 * route with a new `:<thing>Id` param and the access test says it has no row to aim at, either add
 * a `POST /api/projects/:projectId/<things>` route that accepts a minimal JSON body, or add an
 * entry here.
 */
export const seeders: Record<string, (db: Db, project: TestProject, idOf: (param: string) => Promise<string>) => Promise<string>> = {
  async imports(db, p) {
    const row = await db
      .insertInto('imports')
      .values({ project_id: p.projectId, kind: 'contacts', status: 'done', errors: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async accounts(db, p) {
    const row = await db
      .insertInto('accounts')
      .values({ project_id: p.projectId, name: 'Seed account of B', kind: 'customer', custom: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async contacts(db, p) {
    const row = await db
      .insertInto('contacts')
      .values({ project_id: p.projectId, name: 'Seed contact of B', custom: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async queues(db, p) {
    const row = await db.insertInto('queues').values({ project_id: p.projectId, name: `Seed queue ${Math.random()}`, settings: '{}' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async tasks(db, p) {
    const q = await db.insertInto('queues').values({ project_id: p.projectId, name: `Seed queue ${Math.random()}`, settings: '{}' }).returning('id').executeTakeFirstOrThrow();
    const row = await db.insertInto('tasks').values({ project_id: p.projectId, queue_id: q.id, required_skills: '{}', details: '{}', status: 'cancelled' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async agents(db, p) {
    const row = await db.insertInto('agents').values({ project_id: p.projectId, user_id: p.agent.id, skills: '{}' })
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ score_cap: null })).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async calls(db, p) {
    const row = await db.insertInto('calls').values({ project_id: p.projectId, pbx_call_id: `seed-${Math.random()}`, from_number: '+420601000000' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async connectors(db, p) {
    const row = await db.insertInto('connectors').values({ project_id: p.projectId, name: 'Seed connector of B', url_template: 'https://example.test/{{phone}}' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async leads(db, p, idOf) {
    const row = await db.insertInto('leads').values({ project_id: p.projectId, campaign_id: await idOf('campaignId'), phone: '+420601000000', timezone: 'Europe/Prague', details: '{}', status: 'done' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async lead_imports(db, p, idOf) {
    const row = await db.insertInto('lead_imports').values({ project_id: p.projectId, campaign_id: await idOf('campaignId'), status: 'done', errors: '[]' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async dnc_entries(db, p) {
    const org = await db.selectFrom('projects').select('organisation_id').where('id', '=', p.projectId).executeTakeFirstOrThrow();
    const row = await db.insertInto('dnc_entries').values({ project_id: p.projectId, organisation_id: org.organisation_id, scope: 'project', phone: '+420601000009' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async webhook_deliveries(db, p, idOf) {
    const row = await db
      .insertInto('webhook_deliveries')
      .values({
        project_id: p.projectId,
        webhook_id: await idOf('webhookId'),
        event_id: 'evt_seed',
        event_type: 'contact.created',
        payload: '{}',
        status: 'delivered',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async webhooks(db, p) {
    const row = await db
      .insertInto('webhooks')
      .values({ project_id: p.projectId, url: 'https://example.test/hook', secret: 'whsec_seed', event_types: ['contact.created'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};

/** `fooBarId` -> `foo_bars`, the naming rule every resource table follows. */
export function tableForParam(param: string): string {
  const snake = param.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  if (/(s|x|ch|sh)$/.test(snake)) return `${snake}es`;
  if (/[^aeiou]y$/.test(snake)) return `${snake.slice(0, -1)}ies`;
  return `${snake}s`;
}

async function hasProjectColumn(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND column_name IN ('id', 'project_id')`.execute(db);
  return rows[0]?.n === 2;
}

async function firstRow(db: Db, table: string, projectId: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    SELECT id::text AS id FROM ${sql.table(table)} WHERE project_id = ${projectId} LIMIT 1`.execute(db);
  return rows[0]?.id;
}

async function createThroughApi(sb: TestSwitchboard, p: TestProject, table: string): Promise<void> {
  const url = `/api/projects/:projectId/${table.replaceAll('_', '-')}`;
  const route = routeTable(sb.app).find((r) => r.method === 'POST' && r.url === url);
  const body = route && sampleFor((route.schema as { body?: unknown } | undefined)?.body);
  if (!route || body === undefined) return;
  await sb.app.inject({
    method: 'POST',
    url: url.replace(':projectId', p.projectId),
    headers: { authorization: `Bearer ${p.apiKey}` },
    payload: body as object,
  });
}

/**
 * The id of a row of `project` that a route param such as `contactId` points at: an existing row,
 * else one created through the matching POST route with B's admin key, else one made by a seeder above.
 */
export async function resourceIdFor(sb: TestSwitchboard, p: TestProject, param: string): Promise<string> {
  const db = sb.db.db;
  if (param === 'userId') return p.agent.id;
  const table = tableForParam(param);
  if (!(await hasProjectColumn(db, table))) {
    throw new Error(
      `route param :${param} maps to table "${table}", which has no id and project_id columns. ` +
        `Name the table ${table} (snake_case plural, with project_id), or teach test/support/resources.ts this param.`,
    );
  }
  const existing = await firstRow(db, table, p.projectId);
  if (existing) return existing;
  await createThroughApi(sb, p, table);
  const created = await firstRow(db, table, p.projectId);
  if (created) return created;
  const seed = seeders[table];
  if (seed) return seed(db, p, (other) => resourceIdFor(sb, p, other));
  throw new Error(
    `no row of "${table}" in project B for route param :${param}. Add a seeder for "${table}" to ` +
      `test/support/resources.ts, or make POST /api/projects/:projectId/${table.replaceAll('_', '-')} accept a minimal JSON body.`,
  );
}
