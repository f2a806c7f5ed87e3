import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestSwitchboard } from './app.ts';
import { projectApi, untilIdentified } from './call-routing.ts';
import type { TestProject } from './fixtures.ts';

/** A string that only the fast source returns: R-43 tests look for it everywhere afterwards. */
export const MARKER = 'MARKER-4c1e9b-orders';

export interface BackOffice {
  url: string;
  /** Requests seen per path, to check caching. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const json = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/**
 * A real HTTP back office with one source per behaviour: fast (10 ms), slow (hangs until closed),
 * garbage (HTML), huge (1 MB of JSON), failing (500) and a table source that checks the auth header.
 */
export async function startBackOffice(): Promise<BackOffice> {
  const hits = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/fast') return void setTimeout(() => json(res, { LTV: '480 000 CZK', note: MARKER, phone: new URL(req.url!, 'http://x').searchParams.get('phone') }), 10);
    if (path === '/orders') {
      if (req.headers['x-api-key'] !== 'sekret') return json(res, { error: 'no key' }, 401);
      return json(res, { orders: [{ no: 'ORD-1', sum: 1200 }, { no: 'ORD-2', sum: 80 }] });
    }
    if (path === '/slow') return void hanging.add(res);
    if (path === '/delayed') return void setTimeout(() => json(res, { items: [{ ticket: 'SUP-4100', topic: 'Invoice question', state: 'open' }] }), 700);
    if (path === '/garbage') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html>not json</html>');
    }
    if (path === '/huge') return json(res, { blob: 'x'.repeat(1024 * 1024) });
    json(res, { error: 'boom' }, 500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface CardScenario {
  extension: string;
  phone: string;
  contactId: string;
  dialled: string;
}

/** The project's agent on extension 301 in the Sales group, available, and a known customer calling. */
export async function seedCardScenario(sb: TestSwitchboard, p: TestProject, phone = '+420601555777'): Promise<CardScenario> {
  const api = projectApi(sb, p);
  const extension = '301';
  await api('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension }] });
  const groups = (await api('GET', '/call-groups')) as Array<{ id: string; name: string }>;
  await api('PATCH', `/call-groups/${groups.find((g) => g.name === 'Sales')!.id}`, { members: [p.agent.id] });
  const account = await api('POST', '/accounts', { name: 'Autobusy Novák s.r.o.', kind: 'customer', externalId: 'ACC-77' });
  const contact = await api('POST', '/contacts', { name: 'Jana Nováková', accountId: account.id, ownerId: p.agent.id, city: 'Brno', tags: ['vip'], externalId: 'C-9', phones: [{ number: phone }] });
  await untilIdentified(sb, p.projectId, phone);
  return { extension, phone, contactId: contact.id, dialled: '+420222000111' };
}

/** Creates a connector as the project's admin. */
export async function addConnector(sb: TestSwitchboard, p: TestProject, body: Record<string, unknown>): Promise<{ id: string }> {
  return projectApi(sb, p)('POST', '/connectors', body);
}
