import type { Db } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';

/** What the contacts domain needs to know about a project's people, from the directory service. */
export interface MemberLookup {
  members(projectId: string): Promise<{ id: string; email: string }[]>;
  defaultCountry(projectId: string): Promise<string>;
}

/**
 * Checks against the project that every contact write needs: the country that national phone
 * numbers are read in, owners who are members, accounts that belong to the project.
 */
export class ProjectFacts {
  private readonly countries = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly lookup: MemberLookup,
  ) {}

  /** A project's country never changes after creation, so it is cached for the process's life. */
  async country(projectId: string): Promise<string> {
    let c = this.countries.get(projectId);
    if (!c) {
      c = (await this.lookup.defaultCountry(projectId)).trim();
      this.countries.set(projectId, c);
    }
    return c;
  }

  /** Owners must be people of the project (agents, supervisors or admins): they take the calls. */
  async assertOwner(projectId: string, userId: string, field = 'ownerId'): Promise<void> {
    const members = await this.lookup.members(projectId);
    if (!members.some((m) => m.id === userId)) {
      throw new AppError('OWNER_NOT_AGENT', `${field}: the owner must be a member of this project`, { field, value: userId });
    }
  }

  /** Member e-mail (lower case) -> user id, for imports that name owners by e-mail. */
  async ownersByEmail(projectId: string): Promise<Map<string, string>> {
    const members = await this.lookup.members(projectId);
    return new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  }

  async assertAccount(projectId: string, accountId: string): Promise<void> {
    const row = await this.db
      .selectFrom('accounts')
      .select('id')
      .where('project_id', '=', projectId)
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!row) throw notFound('ACCOUNT_NOT_FOUND', 'Account');
  }
}
