import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newToken, sha256, verifyPassword } from '../../platform/security/secrets.ts';

export interface Membership {
  projectId: string;
  projectName: string;
  role: 'admin' | 'supervisor' | 'agent';
  defaultCountry: string;
  timezone: string;
}

/** Sign-in with e-mail and password; sessions are random tokens stored as hashes. */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly days: number,
  ) {}

  /** The same error for an unknown e-mail and a wrong password, so users cannot be enumerated. */
  async login(email: string, password: string): Promise<{ token: string; expires: Date; userId: string }> {
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    const ok = await verifyPassword(password, user?.password_hash ?? null);
    if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    return { ...(await this.open(user.id)), userId: user.id };
  }

  async open(userId: string): Promise<{ token: string; expires: Date }> {
    const token = newToken();
    const expires = new Date(Date.now() + this.days * 86_400_000);
    await this.db.insertInto('sessions').values({ token_hash: sha256(token), user_id: userId, expires_at: expires }).execute();
    return { token, expires };
  }

  async logout(sessionHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
  }

  /** Deletes sessions past their expiry (they are refused anyway); returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const res = await this.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  async me(userId: string) {
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const projects: Membership[] = await this.db
      .selectFrom('memberships')
      .innerJoin('projects', 'projects.id', 'memberships.project_id')
      .select([
        'projects.id as projectId',
        'projects.name as projectName',
        'memberships.role',
        'projects.default_country as defaultCountry',
        'projects.timezone',
      ])
      .where('memberships.user_id', '=', userId)
      .orderBy('projects.name')
      .execute();
    return { ...user, projects };
  }

  async setLocale(userId: string, locale: string): Promise<void> {
    await this.db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
  }
}
