import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let other: TestProject;

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb);
  other = await seedProject(sb);
});
afterAll(() => sb?.stop());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object, cookie = p.supervisor.cookie) =>
  sb.app.inject({ method, url: `/api/projects/${p.projectId}${path}`, payload, headers: { cookie } });

async function newAccount(name: string, kind = 'customer', extra: object = {}) {
  const res = await api('POST', '/accounts', { name, kind, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string };
}

describe('accounts', () => {
  it('creates, reads, updates and searches accounts by kind, city and tag', async () => {
    const acme = await newAccount('Acme Strojírny a.s.', 'supplier', { city: 'Brno', tags: ['steel'], custom: { ico: '12345678' } });
    await newAccount('Kavárna U Zvonu', 'customer', { city: 'Praha' });
    expect((await api('GET', `/accounts/${acme.id}`, undefined, p.agent.cookie)).json()).toMatchObject({ name: 'Acme Strojírny a.s.', kind: 'supplier', custom: { ico: '12345678' } });
    const bySupplier = (await api('GET', '/accounts?kind=supplier')).json();
    expect(bySupplier.items.map((a: { name: string }) => a.name)).toEqual(['Acme Strojírny a.s.']);
    expect((await api('GET', '/accounts?city=brno&tag=steel')).json().total).toBe(1);
    const upd = await api('PATCH', `/accounts/${acme.id}`, { kind: 'partner' });
    expect(upd.json().kind).toBe('partner');
  });

  it('refuses a duplicate external id with EXTERNAL_ID_TAKEN', async () => {
    await newAccount('First', 'customer', { externalId: 'A-1' });
    const dup = await api('POST', '/accounts', { name: 'Second', externalId: 'A-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EXTERNAL_ID_TAKEN');
  });

  it('refuses an invalid time zone naming the field', async () => {
    const res = await api('POST', '/accounts', { name: 'Zoned', timezone: 'Europe/Atlantis' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.timezone');
  });
});

describe('contacts', () => {
  it('creates a contact with phones in any spelling, stored in E.164, with its account embedded', async () => {
    const acc = await newAccount('Pekárna Novák s.r.o.', 'customer');
    const res = await api('POST', '/contacts', {
      name: 'Jan Novák', accountId: acc.id, phones: [{ number: '601 123 456' }, { number: '+420 (777) 000-111', label: 'mobile' }],
      emails: ['Jan@Pekarna.cz'], city: 'Praha', timezone: 'Europe/Prague', tags: ['vip'], ownerId: p.agent.id, custom: { segment: 'B' },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.phones).toEqual([{ number: '+420601123456', label: 'main' }, { number: '+420777000111', label: 'mobile' }]);
    expect(c.emails).toEqual(['jan@pekarna.cz']);
    const got = (await api('GET', `/contacts/${c.id}`, undefined, p.agent.cookie)).json();
    expect(got.account).toEqual({ id: acc.id, name: 'Pekárna Novák s.r.o.', kind: 'customer' });
  });

  it('finds a contact by its second phone in any format, and 404s for an unknown number', async () => {
    const second = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/contacts/by-phone/${encodeURIComponent('00420 777 000 111')}`, headers: { authorization: `Bearer ${p.apiKey}` } });
    expect(second.statusCode).toBe(200);
    expect(second.json().name).toBe('Jan Novák');
    const byId = await api('GET', `/contacts/${second.json().id}`);
    expect(second.json()).toEqual(byId.json());
    const unknown = await api('GET', '/contacts/by-phone/602999888');
    expect(unknown.json().error.code).toBe('CONTACT_NOT_FOUND');
  });

  it('names the bad phone field with INVALID_PHONE', async () => {
    const res = await api('POST', '/contacts', { name: 'X', phones: [{ number: '601 555 444' }, { number: '12ab' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_PHONE', details: { field: 'phones[1].number' } });
  });

  it('refuses a number another contact has with PHONE_TAKEN, and a duplicate external id', async () => {
    const taken = await api('POST', '/contacts', { name: 'Copy', phones: [{ number: '+420601123456' }] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'PHONE_TAKEN', details: { field: 'phones[0].number' } });
    await api('POST', '/contacts', { name: 'Ext', externalId: 'C-1' });
    const dup = await api('POST', '/contacts', { name: 'Ext 2', externalId: 'C-1' });
    expect(dup.json().error.code).toBe('EXTERNAL_ID_TAKEN');
  });

  it('refuses an owner who is not a member of the project', async () => {
    const res = await api('POST', '/contacts', { name: 'Owned', ownerId: other.agent.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('OWNER_NOT_AGENT');
  });

  it('lets agents read but not write, and only admins delete', async () => {
    const denied = await api('POST', '/contacts', { name: 'Nope' }, p.agent.cookie);
    expect(denied.statusCode).toBe(403);
    const c = (await api('POST', '/contacts', { name: 'Temp' })).json();
    expect((await api('DELETE', `/contacts/${c.id}`)).statusCode).toBe(403);
    const gone = sb.bus.next((e) => e.type === 'contact.deleted');
    expect((await api('DELETE', `/contacts/${c.id}`, undefined, p.admin.cookie)).statusCode).toBe(200);
    await gone;
    expect((await api('GET', `/contacts/${c.id}`)).statusCode).toBe(404);
  });

  it('updates phones atomically and the by-phone lookup follows the change', async () => {
    const c = (await api('POST', '/contacts', { name: 'Mover', phones: [{ number: '605 111 222' }] })).json();
    expect((await api('GET', '/contacts/by-phone/605111222')).json().id).toBe(c.id);
    const upd = await api('PATCH', `/contacts/${c.id}`, { phones: [{ number: '605 333 444' }], city: 'Ostrava' });
    expect(upd.json()).toMatchObject({ city: 'Ostrava', phones: [{ number: '+420605333444' }] });
    expect((await api('GET', '/contacts/by-phone/605111222')).statusCode).toBe(404);
    expect((await api('GET', '/contacts/by-phone/605333444')).json().id).toBe(c.id);
    const clash = await api('PATCH', `/contacts/${c.id}`, { phones: [{ number: '605 999 000' }, { number: '601123456' }], city: 'Brno' });
    expect(clash.statusCode).toBe(409);
    expect((await api('GET', `/contacts/${c.id}`)).json()).toMatchObject({ city: 'Ostrava', phones: [{ number: '+420605333444' }] });
  });

  it('searches by name, phone, e-mail, tag, city and kind, and paginates with a total', async () => {
    for (let i = 0; i < 7; i++) await api('POST', '/contacts', { name: `Page Person ${i}`, tags: ['paged'], city: 'Liberec' });
    const page1 = (await api('GET', '/contacts?tag=paged&limit=5', undefined, p.agent.cookie)).json();
    const page2 = (await api('GET', '/contacts?tag=paged&limit=5&offset=5')).json();
    expect([page1.total, page1.items.length, page2.items.length]).toEqual([7, 5, 2]);
    expect(new Set([...page1.items, ...page2.items].map((c: { id: string }) => c.id)).size).toBe(7);
    expect((await api('GET', '/contacts?q=nov%C3%A1k')).json().items[0].name).toBe('Jan Novák');
    expect((await api('GET', '/contacts?q=777000111')).json().items[0].name).toBe('Jan Novák');
    expect((await api('GET', '/contacts?email=JAN@pekarna.cz')).json().total).toBe(1);
    expect((await api('GET', '/contacts?city=liberec')).json().total).toBe(7);
    expect((await api('GET', '/contacts?kind=customer')).json().items.map((c: { name: string }) => c.name)).toEqual(['Jan Novák']);
  });

  it('hides another project\'s contacts and audits every change', async () => {
    const foreign = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/contacts`, headers: { cookie: other.admin.cookie } });
    expect(foreign.statusCode).toBe(404);
    const audit = await sb.db.db.selectFrom('audit_log').select(['action', 'entity']).where('project_id', '=', p.projectId).where('entity', '=', 'contact').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'delete']));
  });
});
