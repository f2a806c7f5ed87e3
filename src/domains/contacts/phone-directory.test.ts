import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSwitchboard } from '../../../test/support/app.ts';
import type { TestProject } from '../../../test/support/fixtures.ts';
import { pollUntil } from '../../../test/support/poll.ts';
import { startTwoProcesses } from '../../../test/support/use-switchboard.ts';

/** Two Switchboard processes on one database: A takes the edits, B answers "who is calling?". */
let a: TestSwitchboard;
let b: TestSwitchboard;
let p: TestProject;

beforeAll(async () => {
  ({ a, b, p } = await startTwoProcesses());
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const write = async (method: 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) => {
  const res = await a.app.inject({ method, url: `/api/projects/${p.projectId}${path}`, payload, headers: { cookie: p.admin.cookie } });
  expect(res.statusCode).toBeLessThan(300);
  return res.json();
};
const byPhone = (sb: TestSwitchboard, phone: string) =>
  sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/contacts/by-phone/${encodeURIComponent(phone)}`, headers: { authorization: `Bearer ${p.apiKey}` } });
const kindOn = (sb: TestSwitchboard, phone: string) => sb.services.contacts.phoneDirectory.find(p.projectId, phone)?.accountKind;

describe('the phone directory', () => {
  it('answers the same record as the database, from memory once a change has landed', async () => {
    const account = await write('POST', '/accounts', { name: 'Mlýn Kotva', kind: 'supplier', tags: ['flour'] });
    const c = await write('POST', '/contacts', {
      name: 'Eva Černá', externalId: 'E-1', accountId: account.id, phones: [{ number: '+420606100200', label: 'desk' }, { number: '+420606100201' }],
      emails: ['eva@kotva.cz'], city: 'Brno', tags: ['vip'], custom: { segment: 'A' },
    });
    await a.services.contacts.phoneDirectory.settled(p.projectId);
    const fromMemory = await byPhone(a, '+420606100201');
    const fromDatabase = (await a.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/contacts/${c.id}`, headers: { cookie: p.admin.cookie } })).json();
    expect(fromMemory.json()).toEqual(fromDatabase);
    expect(JSON.parse(JSON.stringify(a.services.contacts.phoneDirectory.contact(p.projectId, c.id)))).toEqual(fromDatabase);
    expect(a.services.contacts.phoneDirectory.find(p.projectId, '+420606100200')).toEqual({
      contactId: c.id, accountId: account.id, accountKind: 'supplier', ownerId: null, tags: ['vip', 'flour'],
    });
  });

  it('never serves a changed or deleted contact stale, in this process or another', async () => {
    const c = await write('POST', '/contacts', { name: 'Before', phones: [{ number: '+420606200300' }] });
    await pollUntil(async () => (await byPhone(b, '+420606200300')).statusCode, (s) => s === 200);
    await write('PATCH', `/contacts/${c.id}`, { name: 'After', phones: [{ number: '+420606200301' }] });
    expect((await byPhone(a, '+420606200300')).statusCode).toBe(404);
    expect((await byPhone(a, '+420606200301')).json().name).toBe('After');
    await pollUntil(async () => (await byPhone(b, '+420606200301')).statusCode, (s) => s === 200);
    expect((await byPhone(b, '+420606200300')).statusCode).toBe(404);
    await write('DELETE', `/contacts/${c.id}`);
    expect((await byPhone(a, '+420606200301')).statusCode).toBe(404);
    await pollUntil(async () => (await byPhone(b, '+420606200301')).statusCode, (s) => s === 404);
  });

  it("follows an account's kind and name into routing facts and records in both processes", async () => {
    const account = await write('POST', '/accounts', { name: 'Old Name', kind: 'customer' });
    await write('POST', '/contacts', { name: 'Staff', accountId: account.id, phones: [{ number: '+420606300400' }] });
    await pollUntil(async () => kindOn(b, '+420606300400'), (k) => k === 'customer');
    await write('PATCH', `/accounts/${account.id}`, { name: 'New Name', kind: 'partner' });
    expect((await byPhone(a, '+420606300400')).json().account).toMatchObject({ name: 'New Name', kind: 'partner' });
    await pollUntil(async () => kindOn(b, '+420606300400'), (k) => k === 'partner');
    expect((await byPhone(b, '+420606300400')).json().account.name).toBe('New Name');
    await write('DELETE', `/accounts/${account.id}`);
    await pollUntil(async () => (await byPhone(b, '+420606300400')).json().account, (acc) => acc === null);
    expect(kindOn(a, '+420606300400')).toBeNull();
  });

  it('asks the database while an import runs and reloads the project when it ends', async () => {
    const importId = '00000000-0000-4000-8000-000000000001';
    a.bus.publish(p.projectId, 'import.progress', { importId, rowsImported: 0, rowsFailed: 0, status: 'running' });
    const contact = await a.db.db.insertInto('contacts').values({ project_id: p.projectId, name: 'Imported' }).returning('id').executeTakeFirstOrThrow();
    await a.db.db.insertInto('contact_phones').values({ project_id: p.projectId, phone: '+420606400500', contact_id: contact.id, label: 'main', position: 0 }).execute();
    expect((await byPhone(a, '+420606400500')).json().name).toBe('Imported');
    a.bus.publish(p.projectId, 'import.progress', { importId, rowsImported: 1, rowsFailed: 0, status: 'done' });
    await a.services.contacts.phoneDirectory.settled(p.projectId);
    expect(a.services.contacts.phoneDirectory.find(p.projectId, '+420606400500')?.contactId).toBe(contact.id);
    await pollUntil(async () => b.services.contacts.phoneDirectory.find(p.projectId, '+420606400500')?.contactId, (id) => id === contact.id);
  });
});
