import type { Logger } from 'pino';
import type { Db } from '../platform/db/db.ts';
import type { Role } from '../platform/db/schema.ts';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../platform/security/secrets.ts';
import { generateCounterparties, insertCounterparties } from './counterparties.ts';
import { demoBots } from './bots.ts';
import { seedDemoNumbers } from './numbers.ts';
import { registerDemoConnectors } from './backoffice.ts';
import { seedDemoCampaign } from './campaign.ts';

export const DEMO_PASSWORD = 'switchboard';
export const DEMO_PROJECT = 'Demo: Praha Sales';
/** The seeds' 14,500 counterparty numbers: one account with one contact each. */
export const DEMO_COUNTERPARTIES = 14_500;

export const demoPeople: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.local', name: 'Alena Adminová', role: 'admin' },
  { email: 'supervisor@demo.local', name: 'Petr Svoboda', role: 'supervisor' },
  { email: 'agent1@demo.local', name: 'Jana Nováková', role: 'agent' },
  { email: 'agent2@demo.local', name: 'Tomáš Dvořák', role: 'agent' },
  { email: 'agent3@demo.local', name: 'Olga Ivanova', role: 'agent' },
  { email: 'agent4@demo.local', name: 'Mehmet Yılmaz', role: 'agent' },
];

export interface DemoProject {
  projectId: string;
  people: Record<string, string>;
}

/** Creates the demo organisation, project and people once; later starts find and reuse them. */
export async function seedDemoProject(db: Db, log: Logger): Promise<{ project: DemoProject; created: boolean }> {
  const existing = await db.selectFrom('projects').select('id').where('name', '=', DEMO_PROJECT).executeTakeFirst();
  if (existing) return { project: { projectId: existing.id, people: await peopleOf(db, existing.id) }, created: false };
  log.info('seeding the demo project');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const projectId = await db.transaction().execute(async (tx) => {
    const org = await tx.insertInto('organisations').values({ name: 'Demo Trading s.r.o.' }).returning('id').executeTakeFirstOrThrow();
    const project = await tx
      .insertInto('projects')
      .values({ organisation_id: org.id, name: DEMO_PROJECT, default_country: 'CZ', timezone: 'Europe/Prague' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agentIds: string[] = [];
    for (const person of [...demoPeople, ...demoBots]) {
      const user = await tx
        .insertInto('users')
        .values({ email: person.email, name: person.name, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('memberships').values({ project_id: project.id, user_id: user.id, role: person.role }).execute();
      if (person.role === 'agent') agentIds.push(user.id);
    }
    await insertCounterparties(tx, project.id, generateCounterparties(DEMO_COUNTERPARTIES, agentIds, () => randomUUID()));
    await registerDemoConnectors(tx, project.id);
    await seedDemoNumbers(tx, project.id);
    await seedDemoCampaign(tx, project.id);
    return project.id;
  });
  return { project: { projectId, people: await peopleOf(db, projectId) }, created: true };
}

async function peopleOf(db: Db, projectId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.id'])
    .where('memberships.project_id', '=', projectId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.email, r.id]));
}
