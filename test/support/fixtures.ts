import type { Role } from '../../src/platform/db/schema.ts';
import { hashPassword } from '../../src/platform/security/secrets.ts';
import type { Switchboard } from '../../src/main.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** `Cookie` header value of a signed-in session. */
  cookie: string;
}

export interface TestProject {
  projectId: string;
  admin: TestUser;
  supervisor: TestUser;
  agent: TestUser;
  /** An admin-role API key of this project. */
  apiKey: string;
}

let counter = 0;

/** A project with one person per role, each already signed in, and an API key. */
export async function seedProject(sb: Switchboard, name = `Project ${++counter}`, country = 'CZ'): Promise<TestProject> {
  const { db } = sb.db;
  const org = await db.insertInto('organisations').values({ name }).returning('id').executeTakeFirstOrThrow();
  const project = await db
    .insertInto('projects')
    .values({ organisation_id: org.id, name, default_country: country })
    .returning('id')
    .executeTakeFirstOrThrow();
  const password = 'correct horse battery';
  const hash = await hashPassword(password);
  const tag = `${project.id.slice(0, 8)}`;
  const make = async (role: Role): Promise<TestUser> => {
    const email = `${role}-${tag}@example.test`;
    const user = await db.insertInto('users').values({ email, name: `${role} ${tag}`, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ project_id: project.id, user_id: user.id, role }).execute();
    const session = await sb.services.directory.sessions.open(user.id);
    return { id: user.id, email, password, cookie: `sb_session=${session.token}` };
  };
  const admin = await make('admin');
  const supervisor = await make('supervisor');
  const agent = await make('agent');
  const key = await sb.services.directory.apiKeys.create(project.id, 'test key', 'admin', { kind: 'system', id: null });
  return { projectId: project.id, admin, supervisor, agent, apiKey: key.key };
}
