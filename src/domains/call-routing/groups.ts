import type { Db } from '../../platform/db/db.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { CallGroup } from './model.ts';
import type { RoutingRepo } from './repo.ts';
import type { CallRoutingAdmin } from './service.ts';

const uniqueViolation = (err: unknown): boolean => (err as { code?: string }).code === '23505';

/**
 * Call groups (departments such as Sales, Production, Finance, On duty) and agents' SIP extensions.
 * Members and extension holders must be people of the project; a group that a rule or the fallback
 * route still names cannot be deleted.
 */
export class CallGroups {
  constructor(
    private readonly db: Db,
    private readonly repo: RoutingRepo,
    private readonly admin: CallRoutingAdmin,
  ) {}

  async list(projectId: string): Promise<CallGroup[]> {
    await this.admin.rules(projectId);
    return this.repo.groups(projectId);
  }

  async get(projectId: string, id: string): Promise<CallGroup> {
    const g = (await this.repo.groups(projectId)).find((x) => x.id === id);
    if (!g) throw new AppError('CALL_GROUP_NOT_FOUND', 'Call group not found');
    return g;
  }

  async create(projectId: string, input: { name: string; members?: string[] }, actor: Actor): Promise<CallGroup> {
    await this.checkMembers(projectId, input.members ?? [], 'members');
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('call_groups')
        .values({ project_id: projectId, name: input.name, members: input.members ?? [] })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err) => this.translate(err));
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'call_group', entityId: row.id, details: { name: input.name } });
      return row.id;
    });
    await this.admin.changed(projectId, 'groups');
    return this.get(projectId, id);
  }

  async update(projectId: string, id: string, patch: { name?: string; members?: string[] }, actor: Actor): Promise<CallGroup> {
    if (patch.members) await this.checkMembers(projectId, patch.members, 'members');
    await this.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('call_groups')
        .set({ ...(patch.name !== undefined && { name: patch.name }), ...(patch.members && { members: patch.members }), updated_at: new Date() })
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst()
        .catch((err) => this.translate(err));
      if (!res.numUpdatedRows) throw new AppError('CALL_GROUP_NOT_FOUND', 'Call group not found');
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'call_group', entityId: id, details: { fields: Object.keys(patch) } });
    });
    await this.admin.changed(projectId, 'groups');
    return this.get(projectId, id);
  }

  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.get(projectId, id);
    const settings = await this.admin.settings(projectId);
    const users = (await this.repo.rules(projectId)).filter((r) => r.action.type === 'group' && r.action.groupId === id);
    const isFallback = settings.fallback.type === 'group' && settings.fallback.groupId === id;
    if (users.length > 0 || isFallback) {
      throw new AppError('CALL_GROUP_IN_USE', 'Rules or the fallback route still send calls to this group', { rules: users.map((r) => r.name), fallback: isFallback });
    }
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('call_groups').where('project_id', '=', projectId).where('id', '=', id).execute();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'call_group', entityId: id });
    });
    await this.admin.changed(projectId, 'groups');
  }

  extensions(projectId: string) {
    return this.repo.extensions(projectId);
  }

  /** Replaces the project's extension plan: agent -> SIP user that Kamailio finds in its registrar. */
  async setExtensions(projectId: string, list: Array<{ agentId: string; extension: string }>, actor: Actor) {
    await this.checkMembers(projectId, list.map((e) => e.agentId), 'extensions');
    const seen = new Set<string>();
    for (const e of list) {
      if (seen.has(e.extension)) throw new AppError('EXTENSION_TAKEN', `extension ${e.extension} is given twice`, { field: 'extensions', value: e.extension });
      seen.add(e.extension);
    }
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('agent_extensions').where('project_id', '=', projectId).execute();
      if (list.length) await tx.insertInto('agent_extensions').values(list.map((e) => ({ project_id: projectId, user_id: e.agentId, extension: e.extension }))).execute();
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'agent_extensions', details: { count: list.length } });
    });
    await this.admin.changed(projectId, 'extensions');
    return this.repo.extensions(projectId);
  }

  private async checkMembers(projectId: string, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.db.selectFrom('memberships').select('user_id').where('project_id', '=', projectId).where('user_id', 'in', ids).execute();
    const known = new Set(rows.map((r) => r.user_id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw new AppError('NOT_A_MEMBER', `${field}: ${missing.join(', ')} is not a member of this project`, { field, value: missing });
  }

  private translate(err: unknown): never {
    if (uniqueViolation(err)) throw new AppError('CALL_GROUP_NAME_TAKEN', 'Another call group of this project has this name', { field: 'name' });
    throw err;
  }
}
