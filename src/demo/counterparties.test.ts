import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startTestSwitchboard, type TestSwitchboard } from '../../test/support/app.ts';
import { normalisePhone } from '../domains/contacts/model.ts';
import { generateCounterparties } from './counterparties.ts';
import { DEMO_COUNTERPARTIES, seedDemoProject } from './seed.ts';

const ids = (n: number) => `id-${n}`;

describe('demo counterparties (pure)', () => {
  const parties = generateCounterparties(DEMO_COUNTERPARTIES, ['a1', 'a2', 'a3', 'a4'], ids);

  it('are deterministic', () => {
    const again = generateCounterparties(50, ['a1', 'a2', 'a3', 'a4'], ids);
    expect(again).toEqual(parties.slice(0, 50));
  });

  it('have valid, unique Czech numbers, several people with two', () => {
    const phones = parties.flatMap((p) => p.contact.phones);
    expect(phones.every((n) => n.startsWith('+420') && normalisePhone(n, 'CZ') === n)).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    expect(parties.filter((p) => p.contact.phones.length === 2).length).toBeGreaterThan(1000);
  });

  it('spread over six cities, mostly customers, owners across the agents, unique company names', () => {
    expect(new Set(parties.map((p) => p.account.city))).toEqual(new Set(['Praha', 'Brno', 'Ostrava', 'Plzeň', 'Liberec', 'Olomouc']));
    const customers = parties.filter((p) => p.account.kind === 'customer').length;
    expect(customers / parties.length).toBeGreaterThan(0.7);
    expect(new Set(parties.map((p) => p.account.kind))).toEqual(new Set(['customer', 'supplier', 'partner', 'other']));
    expect(new Set(parties.map((p) => p.account.ownerId)).size).toBe(4);
    expect(new Set(parties.map((p) => p.account.name)).size).toBe(parties.length);
  });
});

describe('demo seeding', () => {
  const log = pino({ level: 'silent' });
  let sb: TestSwitchboard;
  let seeded: Awaited<ReturnType<typeof seedDemoProject>>;
  beforeAll(async () => {
    // As `switchboard start` does: the seed runs before the services load their in-memory state.
    sb = await startTestSwitchboard({
      seed: async (db) => {
        seeded = await seedDemoProject(db, log);
      },
    });
  });
  afterAll(() => sb?.stop());

  it('loads 14,500 counterparties once, findable by phone', async () => {
    const { project, created } = seeded;
    expect(created).toBe(true);
    const count = async (table: 'accounts' | 'contacts') =>
      Number((await sb.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', project.projectId).executeTakeFirstOrThrow()).n);
    expect([await count('accounts'), await count('contacts')]).toEqual([DEMO_COUNTERPARTIES, DEMO_COUNTERPARTIES]);
    expect((await seedDemoProject(sb.db.db, log)).created).toBe(false);
    expect(await count('contacts')).toBe(DEMO_COUNTERPARTIES);
    const one = await sb.db.db.selectFrom('contact_phones').select('phone').where('project_id', '=', project.projectId).limit(1).executeTakeFirstOrThrow();
    const found = await sb.services.contacts.contacts.byPhone(project.projectId, one.phone);
    expect(found.account?.name).toMatch(/(s\.r\.o\.|s r\.o\.|a\.s\.|v\.o\.s\.)$/);
  });
});
