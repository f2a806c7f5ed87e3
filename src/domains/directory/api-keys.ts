import type { Db } from '../../platform/db/db.ts';
import type { Role } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { newToken, sha256 } from '../../platform/security/secrets.ts';

/** Project API keys for integrators: shown once at creation, stored as SHA-256 only. */
export class ApiKeys {
  constructor(
    private readonly db: Db,
    private readonly onRevoke: (projectId: string, apiKeyId: string) => void,
  ) {}

  async create(projectId: string, name: string, role: Role, actor: Actor) {
    const key = newToken('sk_');
    const row = await this.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('api_keys')
        .values({
          project_id: projectId,
          name,
          role,
          prefix: key.slice(0, 10),
          key_hash: sha256(key),
          created_by: actor.kind === 'user' ? actor.id : null,
        })
        .returning(['id', 'name', 'role', 'prefix', 'created_at as createdAt'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'api_key', entityId: r.id, details: { name, role } });
      return r;
    });
    return { ...row, key };
  }

  list(projectId: string) {
    return this.db
      .selectFrom('api_keys')
      .select(['id', 'name', 'role', 'prefix', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
      .where('project_id', '=', projectId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async revoke(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('api_keys')
        .set({ revoked_at: new Date() })
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!res.numUpdatedRows) throw new AppError('API_KEY_NOT_FOUND', 'No active API key with that id');
      await recordAudit(tx, { projectId, actor, action: 'revoke', entity: 'api_key', entityId: id });
    });
    this.onRevoke(projectId, id);
  }
}
