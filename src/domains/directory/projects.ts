import type { Db } from '../../platform/db/db.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';

export interface NewProject {
  name: string;
  defaultCountry: string;
  timezone: string;
}

/** Projects live in an organisation; whoever creates one becomes its first admin. */
export class Projects {
  constructor(private readonly db: Db) {}

  async create(input: NewProject, creatorId: string, actor: Actor) {
    return this.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('memberships')
        .innerJoin('projects', 'projects.id', 'memberships.project_id')
        .select('projects.organisation_id')
        .where('memberships.user_id', '=', creatorId)
        .where('memberships.role', '=', 'admin')
        .executeTakeFirst();
      const organisationId =
        existing?.organisation_id ??
        (await tx.insertInto('organisations').values({ name: input.name }).returning('id').executeTakeFirstOrThrow()).id;
      const project = await tx
        .insertInto('projects')
        .values({ organisation_id: organisationId, name: input.name, default_country: input.defaultCountry, timezone: input.timezone })
        .returning(['id', 'name', 'default_country as defaultCountry', 'timezone'])
        .executeTakeFirstOrThrow();
      await tx.insertInto('memberships').values({ project_id: project.id, user_id: creatorId, role: 'admin' }).execute();
      await recordAudit(tx, { projectId: project.id, actor, action: 'create', entity: 'project', entityId: project.id, details: input });
      return project;
    });
  }

  get(projectId: string) {
    return this.db
      .selectFrom('projects')
      .select(['id', 'name', 'default_country as defaultCountry', 'timezone', 'organisation_id as organisationId'])
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
  }

  /** Newest first; `actorName` is the person's name or, for integrations, the API key's name. */
  audit(projectId: string, limit: number, before?: string) {
    let q = this.db
      .selectFrom('audit_log')
      .leftJoin('users', (j) => j.onRef('users.id', '=', 'audit_log.actor_id').on('audit_log.actor_kind', '=', 'user'))
      .leftJoin('api_keys', (j) => j.onRef('api_keys.id', '=', 'audit_log.actor_id').on('audit_log.actor_kind', '=', 'api_key'))
      .select((eb) => eb.fn.coalesce('users.name', 'api_keys.name').as('actorName'))
      .select([
        'audit_log.id',
        'audit_log.actor_kind as actorKind',
        'audit_log.actor_id as actorId',
        'audit_log.action',
        'audit_log.entity',
        'audit_log.entity_id as entityId',
        'audit_log.details',
        'audit_log.at',
      ])
      .where('audit_log.project_id', '=', projectId);
    if (before) q = q.where('audit_log.id', '<', before);
    return q.orderBy('audit_log.id', 'desc').limit(limit).execute();
  }
}
