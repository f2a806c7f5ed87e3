import type { Db } from '../../platform/db/db.ts';
import type { Role } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { hashPassword, newToken, sha256, verifyPassword } from '../../platform/security/secrets.ts';

/** Agents (and anyone else) join a project through an e-mailed link and set their own password. */
export class Invitations {
  constructor(
    private readonly deps: { db: Db; mailer: Mailer; bus: EventBus; publicUrl: string; hours: number },
  ) {}

  async invite(projectId: string, email: string, role: Role, actor: Actor): Promise<{ id: string; link: string }> {
    const { db } = this.deps;
    const member = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('memberships.project_id', '=', projectId)
      .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (member) throw new AppError('ALREADY_MEMBER', `${email} is already a member of this project`);
    const token = newToken('inv_');
    const project = await db.selectFrom('projects').select('name').where('id', '=', projectId).executeTakeFirstOrThrow();
    const link = `${this.deps.publicUrl}/invite/${token}`;
    // The e-mail goes out inside the transaction: if it cannot be sent, no invitation is left behind.
    const id = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('invitations')
        .values({
          project_id: projectId,
          email,
          role,
          token_hash: sha256(token),
          invited_by: actor.kind === 'user' ? actor.id : null,
          expires_at: new Date(Date.now() + this.deps.hours * 3_600_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: 'invite', entity: 'invitation', entityId: row.id, details: { email, role } });
      await this.deliver(email, project.name, role, link);
      return row.id;
    });
    this.deps.bus.publish(projectId, 'member.invited', { email, role });
    return { id, link };
  }

  private async deliver(to: string, projectName: string, role: Role, link: string): Promise<void> {
    try {
      await this.deps.mailer.send({
        to,
        subject: `You are invited to ${projectName} on Switchboard`,
        text: `You have been invited to join ${projectName} as ${role}.\n\nSet your name and password here (valid ${this.deps.hours} h):\n${link}\n`,
      });
    } catch (err) {
      throw new AppError('MAIL_FAILED', `The invitation e-mail to ${to} could not be sent: ${(err as Error).message}`);
    }
  }

  async list(projectId: string) {
    return this.deps.db
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'expires_at as expiresAt', 'accepted_at as acceptedAt', 'created_at as createdAt'])
      .where('project_id', '=', projectId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
  }

  async revoke(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const res = await tx
        .deleteFrom('invitations')
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (!res.numDeletedRows) throw new AppError('INVITATION_NOT_FOUND', 'No open invitation with that id');
      await recordAudit(tx, { projectId, actor, action: 'revoke', entity: 'invitation', entityId: id });
    });
  }

  /** What the invitation page shows before the person sets a password. */
  async view(token: string) {
    const inv = await this.open(token);
    const project = await this.deps.db.selectFrom('projects').select('name').where('id', '=', inv.project_id).executeTakeFirstOrThrow();
    const user = await this.findUser(inv.email);
    return { email: inv.email, role: inv.role, projectName: project.name, hasAccount: Boolean(user?.password_hash) };
  }

  /**
   * Creates the account and joins the project. Someone who already has an account proves it with
   * their current password, because a link must never reset an existing password; an existing
   * member keeps the role they have (roles change through the members API).
   */
  async accept(token: string, name: string, password: string): Promise<{ userId: string; projectId: string }> {
    const inv = await this.open(token);
    const existing = await this.findUser(inv.email);
    if (existing?.password_hash && !(await verifyPassword(password, existing.password_hash))) {
      throw new AppError('INVALID_CREDENTIALS', 'This e-mail already has an account: enter its current password to join');
    }
    const passwordHash = existing?.password_hash ?? (await hashPassword(password));
    const userId = await this.deps.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('invitations')
        .set({ accepted_at: new Date() })
        .where('id', '=', inv.id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (!claimed.numUpdatedRows) throw new AppError('INVITATION_INVALID', 'This invitation has already been used');
      const id = existing
        ? existing.id
        : (await tx.insertInto('users').values({ email: inv.email, name, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow()).id;
      if (existing && !existing.password_hash) await tx.updateTable('users').set({ name, password_hash: passwordHash }).where('id', '=', id).execute();
      await tx
        .insertInto('memberships')
        .values({ project_id: inv.project_id, user_id: id, role: inv.role })
        .onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing())
        .execute();
      await recordAudit(tx, { projectId: inv.project_id, actor: { kind: 'user', id }, action: 'join', entity: 'membership', entityId: id, details: { role: inv.role } });
      return id;
    });
    this.deps.bus.publish(inv.project_id, 'member.joined', { userId, role: inv.role });
    return { userId, projectId: inv.project_id };
  }

  private async open(token: string) {
    const inv = await this.deps.db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!inv || inv.accepted_at || new Date(inv.expires_at) <= new Date()) {
      throw new AppError('INVITATION_INVALID', 'This invitation link has expired or was already used; ask for a new one');
    }
    return inv;
  }

  private findUser(email: string) {
    return this.deps.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
  }
}
