import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';
import { projectApi, seedRoutingScenario, todayIn, untilIdentified, type RoutingScenario } from '../../../test/support/call-routing.ts';
import { pollUntil } from '../../../test/support/poll.ts';
import { DirectoryRepo } from '../contacts/directory-repo.ts';
import { PhoneDirectory } from '../contacts/phone-directory.ts';
import { CallerIndex } from './caller-index.ts';
import { RoutingDesk } from './desk.ts';

let sb: TestSwitchboard;
let p: TestProject;
let s: RoutingScenario;

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb, 'Avtobus1', 'CZ');
  s = await seedRoutingScenario(sb, p);
  for (const n of [s.numbers.customer, s.numbers.supplier, s.numbers.partner, s.numbers.customerOfBusy]) await untilIdentified(sb, p.projectId, n);
});
afterAll(async () => sb?.stop());

const as = (who: 'supervisor' | 'agent') => ({ cookie: p[who].cookie });
const testNumber = async (from: string | null, extra: object = {}) => {
  const res = await sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/routing-rules/test`, headers: as('supervisor'), payload: { from, to: s.numbers.dialled, ...extra } });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const route = (body: object, token = s.token) =>
  sb.app.inject({ method: 'POST', url: '/api/telephony/kamailio/route', headers: token ? { 'x-switchboard-token': token } : {}, payload: body });

describe('a new project', () => {
  it('starts with source case 001 rules and groups', async () => {
    const rules = await projectApi(sb, p)('GET', '/routing-rules');
    expect(rules.map((r: { name: string }) => r.name)).toEqual([
      'Holidays -> on duty',
      'Own agent first',
      'Unknown numbers -> sales',
      'Customers -> sales',
      'Suppliers -> production',
      'Other counterparties -> finance',
    ]);
    const settings = await projectApi(sb, p)('GET', '/call-routing/settings');
    expect(settings).toMatchObject({ holidayCountry: 'CZ', ringSeconds: 20, fallback: { type: 'group', groupId: s.groups.Sales } });
  });

  it('lets supervisors, not agents, see and edit rules', async () => {
    const agent = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/routing-rules`, headers: as('agent') });
    expect(agent.statusCode).toBe(403);
    const sup = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/routing-rules`, headers: as('supervisor') });
    expect(sup.statusCode).toBe(200);
  });
});

describe('test this number', () => {
  it.each([
    ['the owner agent for a known customer', () => s.numbers.customer, 'Own agent first', () => ['201', '211', '212']],
    ['production for a supplier', () => s.numbers.supplier, 'Suppliers -> production', () => ['221']],
    ['finance for a partner', () => s.numbers.partner, 'Other counterparties -> finance', () => ['241']],
    ['sales for an unknown number', () => s.numbers.unknown, 'Unknown numbers -> sales', () => ['211', '212']],
    ['sales for an anonymous caller', () => 'anonymous', 'Unknown numbers -> sales', () => ['211', '212']],
  ])('shows %s', async (_n, from, rule, exts) => {
    const out = await testNumber(from());
    expect(out.rule.name).toBe(rule);
    expect(out.targets.map((t: { extension: string }) => t.extension)).toEqual(exts());
    expect(out.trace.at(-1)).toMatchObject({ name: rule, matched: true });
  });

  it('reads national numbers in the project country and shows who the caller is', async () => {
    const out = await testNumber('602 222 222');
    expect(out.caller).toMatchObject({ phone: s.numbers.supplier, kind: 'supplier' });
  });

  it('follows a rule change at once, and a holiday sends everyone on duty', async () => {
    await projectApi(sb, p)('PATCH', '/call-routing/settings', { closedDays: [todayIn('Europe/Prague')] });
    try {
      expect((await testNumber(s.numbers.supplier)).rule.name).toBe('Holidays -> on duty');
    } finally {
      await projectApi(sb, p)('PATCH', '/call-routing/settings', { closedDays: [] });
    }
    expect((await testNumber(s.numbers.supplier)).rule.name).toBe('Suppliers -> production');
  });
});

describe('rules API', () => {
  it('adds a rule at a position, reorders and deletes it, validating what it names', async () => {
    const api = projectApi(sb, p);
    const rule = await api('POST', '/routing-rules', {
      name: 'VIP line -> finance',
      conditions: { dialled: ['+420222999000'] },
      action: { type: 'group', groupId: s.groups.Finance },
      position: 0,
    });
    expect((await testNumber(s.numbers.supplier, { to: '+420222999000' })).rule.name).toBe('VIP line -> finance');
    const ids: string[] = (await api('GET', '/routing-rules')).map((r: { id: string }) => r.id);
    expect(ids[0]).toBe(rule.id);
    await api('PUT', '/routing-rules/order', { ruleIds: [...ids.slice(1), rule.id] });
    expect((await api('GET', '/routing-rules')).at(-1).id).toBe(rule.id);
    await api('DELETE', `/routing-rules/${rule.id}`);
    expect((await api('GET', '/routing-rules')).map((r: { id: string }) => r.id)).toEqual(ids.slice(1));
  });

  it.each([
    ['an unknown field', { name: 'x', action: { type: 'owner' }, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ['a bad caller kind', { name: 'x', conditions: { callerKinds: ['vip'] }, action: { type: 'owner' } }, 400, 'VALIDATION_FAILED'],
    ['a non-E.164 dialled number', { name: 'x', conditions: { dialled: ['12'] }, action: { type: 'owner' } }, 400, 'VALIDATION_FAILED'],
    ['a group of another project', { name: 'x', action: { type: 'group', groupId: '00000000-0000-4000-8000-000000000000' } }, 404, 'CALL_GROUP_NOT_FOUND'],
  ])('refuses %s', async (_n, body, status, code) => {
    const res = await sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/routing-rules`, headers: as('supervisor'), payload: body });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses an order that does not list every rule, and deleting a group in use', async () => {
    const bad = await sb.app.inject({ method: 'PUT', url: `/api/projects/${p.projectId}/routing-rules/order`, headers: as('supervisor'), payload: { ruleIds: [] } });
    expect(bad.json().error.code).toBe('RULE_ORDER_MISMATCH');
    const inUse = await sb.app.inject({ method: 'DELETE', url: `/api/projects/${p.projectId}/call-groups/${s.groups.Sales}`, headers: as('supervisor') });
    expect(inUse.statusCode).toBe(409);
  });
});

describe('the PBX route endpoint', () => {
  it('answers Kamailio with targets, logs the rule and publishes call.routed', async () => {
    const routed = sb.bus.next((e) => e.type === 'call.routed' && (e.payload as { callId: string }).callId === 'k-1');
    const res = await route({ callId: 'k-1', from: s.numbers.supplier, to: s.numbers.dialled });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ action: 'dial', targets: [{ kind: 'agent', user: '221' }], ringSeconds: 20, rule: 'Suppliers -> production', fallback: false });
    expect((await routed).payload).toMatchObject({ ruleName: 'Suppliers -> production', callerKind: 'supplier', targets: ['agent:221'] });
  });

  it('refuses a missing or unknown token, and routes a malformed question as anonymous', async () => {
    expect((await route({ callId: 'k-2', from: '1', to: '2' }, '')).statusCode).toBe(401);
    expect((await route({ callId: 'k-2', from: '1', to: '2' }, 'pbx_wrong')).json().error.code).toBe('PBX_TOKEN_INVALID');
    const odd = await route({ callId: 'k-3', from: 42, surprise: true });
    expect(odd.json()).toMatchObject({ action: 'dial', rule: 'Unknown numbers -> sales' });
  });

  it('answers the fallback route within the deadline when the decision hangs or throws', async () => {
    const cr = sb.services.callRouting;
    const base = { snapshots: cr.snapshots, callers: cr.callers, availability: cr.presence, bus: sb.bus, log: pino({ level: 'silent' }), clock: Date.now, deadlineMs: 150 };
    const hanging = new RoutingDesk({ ...base, policy: () => new Promise(() => undefined) });
    const started = Date.now();
    const a = await hanging.route({ projectId: p.projectId, callId: 'slow', from: s.numbers.supplier, to: s.numbers.dialled });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(a).toMatchObject({ action: 'dial', fallback: true, rule: { id: null, name: 'Fallback route' } });
    const throwing = new RoutingDesk({ ...base, policy: () => { throw new Error('boom'); } });
    const b = await throwing.route({ projectId: p.projectId, callId: 'boom', from: null, to: '' });
    expect(b.action === 'dial' && b.targets.map((t) => (t.kind === 'agent' ? t.extension : ''))).toEqual(['211', '212']);
  });

  it('turns dialog events into call events with the answering agent', async () => {
    const answered = sb.bus.next((e) => e.type === 'call.answered' && (e.payload as { callId: string }).callId === 'k-9');
    const ev = await sb.app.inject({ method: 'POST', url: '/api/telephony/kamailio/events', headers: { 'x-switchboard-token': s.token }, payload: { event: 'answered', callId: 'k-9', target: 'agent:221' } });
    expect(ev.statusCode).toBe(200);
    expect((await answered).payload).toEqual({ callId: 'k-9', extension: '221', agentId: s.agents.production.id, answeredBy: null });
    const bad = await sb.app.inject({ method: 'POST', url: '/api/telephony/kamailio/events', headers: { 'x-switchboard-token': s.token }, payload: { event: 'exploded' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the caller index', () => {
  it('loads every number at start and follows contact and account changes', async () => {
    const directory = new PhoneDirectory(new DirectoryRepo(sb.db.db), sb.bus, pino({ level: 'silent' }));
    await directory.start();
    const fresh = new CallerIndex(directory);
    try {
      expect(fresh.identify(p.projectId, s.numbers.supplier)).toMatchObject({ kind: 'supplier', ownerId: null });
      expect(fresh.identify(p.projectId, s.numbers.customer)).toMatchObject({ kind: 'customer', ownerId: s.agents.owner.id });
      expect(fresh.identify(p.projectId, s.numbers.unknown).kind).toBe('unknown');

      const api = projectApi(sb, p);
      const contact = await api('POST', '/contacts', { name: 'Changing', phones: [{ number: '+420605000001' }], tags: ['vip'] });
      await pollUntil(async () => fresh.identify(p.projectId, '+420605000001'), (c) => c.kind === 'customer' && c.tags.includes('vip'));
      await api('PATCH', `/contacts/${contact.id}`, { phones: [{ number: '+420605000002' }] });
      await pollUntil(async () => fresh.identify(p.projectId, '+420605000002').contactId, (id) => id === contact.id);
      expect(fresh.identify(p.projectId, '+420605000001').kind).toBe('unknown');

      const account = await api('POST', '/accounts', { name: 'Turns supplier', kind: 'customer' });
      await api('PATCH', `/contacts/${contact.id}`, { accountId: account.id });
      await api('PATCH', `/accounts/${account.id}`, { kind: 'supplier' });
      await pollUntil(async () => fresh.identify(p.projectId, '+420605000002').kind, (k) => k === 'supplier');
      await api('DELETE', `/contacts/${contact.id}`);
      await pollUntil(async () => fresh.identify(p.projectId, '+420605000002').kind, (k) => k === 'unknown');
    } finally {
      directory.close();
    }
  });
});

describe('several Switchboard processes', () => {
  it('reload a project when another process reports a routing change', async () => {
    const rules = await projectApi(sb, p)('GET', '/routing-rules');
    const supplierRule = rules.find((r: { name: string }) => r.name === 'Suppliers -> production');
    await sb.db.db.updateTable('routing_rules').set({ name: 'Suppliers (edited elsewhere)' }).where('id', '=', supplierRule.id).execute();
    sb.bus.deliverRemote({ id: 'remote-1', type: 'call_routing.changed', projectId: p.projectId, at: new Date().toISOString(), payload: { change: 'rules' } });
    await pollUntil(async () => (await testNumber(s.numbers.supplier)).rule.name, (name) => name === 'Suppliers (edited elsewhere)');
    await projectApi(sb, p)('PATCH', `/routing-rules/${supplierRule.id}`, { name: 'Suppliers -> production' });
  });
});
