import { DateTime } from 'luxon';
import type { TestSwitchboard } from './app.ts';
import { pollUntil } from './poll.ts';
import type { TestProject } from './fixtures.ts';

export interface RoutingAgent {
  id: string;
  extension: string;
}

/**
 * Source case 001 in a test project: agents with extensions in the default groups, a customer
 * with an owner, a customer owned by a busy agent, a supplier, a partner, and the PBX token.
 * Extensions: 200 fallback, 201 owner, 211 sales (busy phone), 212 sales, 221 production, 231 on duty, 241 finance.
 */
export interface RoutingScenario {
  token: string;
  agents: Record<'fallback' | 'owner' | 'salesBusy' | 'sales' | 'production' | 'duty' | 'finance', RoutingAgent>;
  groups: Record<string, string>;
  numbers: { customer: string; customerOfBusy: string; supplier: string; partner: string; unknown: string; dialled: string };
}

type Api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: object) => Promise<any>;

/** Calls the project API as the project's admin key and fails loudly on anything but 2xx. */
export function projectApi(sb: TestSwitchboard, p: TestProject): Api {
  return async (method, url, body) => {
    const res = await sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { authorization: `Bearer ${p.apiKey}` }, payload: body });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} -> ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };
}

async function addAgent(sb: TestSwitchboard, p: TestProject, name: string): Promise<string> {
  const db = sb.db.db;
  const user = await db.insertInto('users').values({ email: `${name}-${p.projectId.slice(0, 8)}@example.test`, name }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ project_id: p.projectId, user_id: user.id, role: 'agent' }).execute();
  return user.id;
}

export async function seedRoutingScenario(sb: TestSwitchboard, p: TestProject): Promise<RoutingScenario> {
  const api = projectApi(sb, p);
  const ext = { fallback: '200', owner: '201', salesBusy: '211', sales: '212', production: '221', duty: '231', finance: '241' } as const;
  const agents = {} as RoutingScenario['agents'];
  for (const [name, extension] of Object.entries(ext)) agents[name as keyof typeof ext] = { id: await addAgent(sb, p, name), extension };
  await api('PUT', '/call-routing/extensions', { extensions: Object.values(agents).map((a) => ({ agentId: a.id, extension: a.extension })) });

  const groups: Record<string, string> = {};
  for (const g of (await api('GET', '/call-groups')) as Array<{ id: string; name: string }>) groups[g.name] = g.id;
  await api('PATCH', `/call-groups/${groups.Sales}`, { members: [agents.salesBusy.id, agents.sales.id] });
  await api('PATCH', `/call-groups/${groups.Production}`, { members: [agents.production.id] });
  await api('PATCH', `/call-groups/${groups['On duty']}`, { members: [agents.duty.id] });
  await api('PATCH', `/call-groups/${groups.Finance}`, { members: [agents.finance.id] });

  const numbers = {
    customer: '+420601111111',
    customerOfBusy: '+420601222333',
    supplier: '+420602222222',
    partner: '+420603444555',
    unknown: '+420603333333',
    dialled: '+420222000111',
  };
  const customers = await api('POST', '/accounts', { name: 'Bus Rental Client', kind: 'customer' });
  const supplier = await api('POST', '/accounts', { name: 'Transport Supplier', kind: 'supplier' });
  const partner = await api('POST', '/accounts', { name: 'Hosting Partner', kind: 'partner' });
  await api('POST', '/contacts', { name: 'Ivan Petrov', accountId: customers.id, ownerId: agents.owner.id, phones: [{ number: numbers.customer }] });
  await api('POST', '/contacts', { name: 'Olga Smirnova', accountId: customers.id, ownerId: agents.salesBusy.id, phones: [{ number: numbers.customerOfBusy }] });
  await api('POST', '/contacts', { name: 'Supplier Dispatcher', accountId: supplier.id, phones: [{ number: numbers.supplier }] });
  await api('POST', '/contacts', { name: 'Hosting Billing', accountId: partner.id, phones: [{ number: numbers.partner }] });
  const { token } = await api('POST', '/call-routing/pbx-token');
  return { token, agents, groups, numbers };
}

/** Today in the project's zone, for a closed day that makes "now" a holiday. */
export const todayIn = (zone: string): string => DateTime.now().setZone(zone).toISODate()!;

/** Waits (bounded) until the caller index knows `phone`; contact events refresh it asynchronously. */
export async function untilIdentified(sb: TestSwitchboard, projectId: string, phone: string): Promise<void> {
  await pollUntil(async () => sb.services.callRouting.callers.identify(projectId, phone).contactId, (id) => id !== null, 10_000);
}
