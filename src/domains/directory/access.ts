import type { Db } from '../../platform/db/db.ts';
import type { Role } from '../../platform/db/schema.ts';
import type { AccessResolver, Principal } from '../../platform/http/policy.ts';
import { presentedTokenHash } from '../../platform/security/secrets.ts';

const KEY_CACHE_MS = 10_000;

/**
 * Resolves cookies and API keys to principals and principals to project roles. API keys are
 * cached for a few seconds because integrators call on hot paths; revoking clears the cache.
 */
export class DirectoryAccess implements AccessResolver {
  private readonly keys = new Map<string, { principal: Principal | undefined; until: number }>();

  constructor(private readonly db: Db) {}

  async principalFromSession(token: string): Promise<Principal | undefined> {
    const hash = presentedTokenHash(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name'])
      .where('sessions.token_hash', '=', hash)
      .where('sessions.expires_at', '>', new Date())
      .executeTakeFirst();
    return row && { kind: 'user', userId: row.id, email: row.email, name: row.name, sessionHash: hash };
  }

  async principalFromApiKey(key: string): Promise<Principal | undefined> {
    const hash = presentedTokenHash(key);
    const cached = this.keys.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const row = await this.db
      .selectFrom('api_keys')
      .select(['id', 'project_id', 'role'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const principal: Principal | undefined = row && {
      kind: 'api_key',
      keyId: row.id,
      projectId: row.project_id,
      role: row.role,
    };
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(hash, { principal, until: Date.now() + KEY_CACHE_MS });
    if (row) {
      this.db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute().catch(() => undefined);
    }
    return principal;
  }

  async roleOf(principal: Principal, projectId: string): Promise<Role | undefined> {
    if (principal.kind === 'api_key') return principal.projectId === projectId ? principal.role : undefined;
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', principal.userId)
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    return row?.role;
  }

  forgetKeys(): void {
    this.keys.clear();
  }
}
