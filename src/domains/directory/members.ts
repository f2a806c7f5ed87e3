import type { Db } from '../../platform/db/db.ts';
import type { Role } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';

/** The people of a project and their roles. */
export class Members {
  constructor(private readonly db: Db) {}

  list(projectId: string, role?: Role) {
    let q = this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at as joinedAt'])
      .where('memberships.project_id', '=', projectId);
    if (role) q = q.where('memberships.role', '=', role);
    return q.orderBy('users.name').execute();
  }

  async roleOf(projectId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  }

  async changeRole(projectId: string, userId: string, role: Role, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const current = await this.lockMembership(tx, projectId, userId);
      if (current.role === 'admin' && role !== 'admin') await this.keepAnAdmin(tx, projectId);
      await tx.updateTable('memberships').set({ role }).where('project_id', '=', projectId).where('user_id', '=', userId).execute();
      await recordAudit(tx, { projectId, actor, action: 'change_role', entity: 'membership', entityId: userId, details: { from: current.role, to: role } });
    });
  }

  async remove(projectId: string, userId: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const current = await this.lockMembership(tx, projectId, userId);
      if (current.role === 'admin') await this.keepAnAdmin(tx, projectId);
      await tx.deleteFrom('memberships').where('project_id', '=', projectId).where('user_id', '=', userId).execute();
      await recordAudit(tx, { projectId, actor, action: 'remove', entity: 'membership', entityId: userId });
    });
  }

  private async lockMembership(tx: Db, projectId: string, userId: string): Promise<{ role: Role }> {
    const current = await tx
      .selectFrom('memberships')
      .select('role')
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('USER_NOT_FOUND', 'No such member in this project');
    return current;
  }

  /**
   * Serialises membership changes of one project (its row is the lock), so two admins demoting or
   * removing each other at the same moment cannot leave the project without an admin.
   */
  private async keepAnAdmin(tx: Db, projectId: string): Promise<void> {
    await tx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
    const { n } = await tx
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    if (n <= 1) throw new AppError('LAST_ADMIN', 'A project needs at least one admin');
  }
}
