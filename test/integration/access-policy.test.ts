import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable, type RouteEntry } from '../../src/platform/http/app.ts';
import { systemActor } from '../../src/platform/audit.ts';
import { resourceIdFor } from '../support/resources.ts';
import { asQuery, sampleFor } from '../support/sample.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

/**
 * Walks the whole route table, so a route added tomorrow is checked without touching this file:
 * project isolation (another project's ids answer 404), role floors (403) and authentication (401).
 */

const ctx = useSwitchboard({ projects: ['Project A', 'Secret project B'] });
let agentKeyOfA: string;
let supervisorKeyOfA: string;
const idsOfB: Record<string, string> = {};

const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);
const resourceParams = (url: string) => paramsOf(url).filter((p) => p.endsWith('Id') && p !== 'projectId');
const apiRoutes = () => routeTable(ctx.sb.app).filter((r) => r.url.startsWith('/api'));
/**
 * Routes of a project reached with a person's session or an API key. Public routes under a project
 * (a hosted PBX's signed webhook) authenticate with the project's own secret instead; their tests
 * prove that another project's signature is refused.
 */
const projectRoutes = () => apiRoutes().filter((r) => r.url.includes(':projectId') && r.access !== 'public');
const schemaOf = (r: RouteEntry, part: 'body' | 'querystring' | 'params') =>
  (r.schema as Record<string, unknown> | undefined)?.[part];

function urlFor(route: RouteEntry, projectId: string, ids: Record<string, string>): string {
  const other = (sampleFor(schemaOf(route, 'params')) ?? {}) as Record<string, unknown>;
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'projectId') return projectId;
    return encodeURIComponent(ids[name] ?? String(other[name] ?? 'x'));
  });
}

/** Fresh ids that exist nowhere, to compare "B's thing" with "no such thing". */
const missingIds = (route: RouteEntry) => Object.fromEntries(resourceParams(route.url).map((p) => [p, randomUUID()]));

const withBody = (r: RouteEntry) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
const describeRoute = (r: RouteEntry) => `${r.method} ${r.url}`;

async function call(route: RouteEntry, projectId: string, headers: Record<string, string>, body: unknown = {}, ids = idsOfB) {
  return ctx.sb.app.inject({
    method: route.method as 'GET',
    url: urlFor(route, projectId, ids),
    headers,
    query: asQuery(sampleFor(schemaOf(route, 'querystring'))),
    ...(withBody(route) ? { payload: body as object } : {}),
  });
}

type Reply = Awaited<ReturnType<typeof call>>;

const codeOf = (res: Reply) => (res.body ? (JSON.parse(res.body) as { error?: { code?: string } }).error?.code : undefined);
const leaksB = (res: Reply) => res.body.includes(ctx.projects[1].admin.email) || res.body.includes('Secret project B');

function problem(route: RouteEntry, who: string, res: Reply, expected: number, code?: string): string | undefined {
  const errorCode = codeOf(res);
  const leaks = leaksB(res);
  const codeOk = route.method === 'HEAD' || !code || (code === '*_NOT_FOUND' ? /(?<!ROUTE)_NOT_FOUND$/.test(errorCode ?? '') : errorCode === code);
  if (res.statusCode === expected && codeOk && !leaks) return undefined;
  return `${describeRoute(route)} as ${who}: expected ${expected} ${code ?? ''}, got ${res.statusCode} ${res.body.slice(0, 200)}`;
}

beforeAll(async () => {
  const dir = ctx.sb.services.directory;
  agentKeyOfA = (await dir.apiKeys.create(ctx.p.projectId, 'agent key', 'agent', systemActor)).key;
  supervisorKeyOfA = (await dir.apiKeys.create(ctx.p.projectId, 'supervisor key', 'supervisor', systemActor)).key;
  const missing: string[] = [];
  for (const param of new Set(projectRoutes().flatMap((r) => resourceParams(r.url)))) {
    try {
      idsOfB[param] = await resourceIdFor(ctx.sb, ctx.projects[1], param);
    } catch (err) {
      missing.push((err as Error).message);
    }
  }
  if (missing.length) throw new Error(`The access test cannot aim at project B:\n${missing.join('\n')}`);
});

describe('the route table', () => {
  it('is collected from the server and every /api route declares its access', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !r.access)).toEqual([]);
    expect(projectRoutes().some((r) => r.websocket)).toBe(true);
  });
});

describe('project isolation', () => {
  it("answers 404 to A's people and A's key for every route of project B, whatever the method", async () => {
    const failures: string[] = [];
    const callers: Record<string, Record<string, string>> = { "A's admin session": { cookie: ctx.p.admin.cookie }, "A's admin API key": { authorization: `Bearer ${ctx.p.apiKey}` } };
    for (const route of projectRoutes()) {
      for (const [who, headers] of Object.entries(callers)) {
        failures.push(problem(route, who, await call(route, ctx.projects[1].projectId, headers), 404, 'PROJECT_NOT_FOUND') ?? '');
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it("answers A's own project with B's resource ids exactly as with ids that do not exist: 404", async () => {
    const failures: string[] = [];
    const routes = projectRoutes().filter((r) => resourceParams(r.url).length > 0);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const body = withBody(route) ? sampleFor(schemaOf(route, 'body')) : undefined;
      if (withBody(route) && schemaOf(route, 'body') && body === undefined) {
        failures.push(`${describeRoute(route)}: cannot build a valid sample body; extend test/support/sample.ts`);
        continue;
      }
      const callers: Record<string, Record<string, string>> = {
        "A's admin session": { cookie: ctx.p.admin.cookie },
        "A's admin API key": { authorization: `Bearer ${ctx.p.apiKey}` },
        ...(route.access === 'agent' ? { "A's agent session": { cookie: ctx.p.agent.cookie } } : {}),
      };
      const statuses: number[] = [];
      for (const [who, headers] of Object.entries(callers)) {
        const ofB = await call(route, ctx.p.projectId, headers, body ?? {});
        const missing = await call(route, ctx.p.projectId, headers, body ?? {}, missingIds(route));
        statuses.push(ofB.statusCode);
        const same = ofB.statusCode === missing.statusCode && codeOf(ofB) === codeOf(missing);
        if (ofB.statusCode < 400 || leaksB(ofB) || !same) {
          failures.push(`${describeRoute(route)} as ${who}: B's ids gave ${ofB.statusCode} ${ofB.body.slice(0, 160)}; missing ids gave ${missing.statusCode} ${codeOf(missing)}`);
        }
      }
      if (!statuses.includes(404)) failures.push(`${describeRoute(route)}: no caller of A got 404 for B's ids (got ${statuses.join(', ')})`);
    }
    expect(failures).toEqual([]);
  });
});

describe('role floors', () => {
  it('answers 403 to agents (people and keys) on every supervisor and admin route', async () => {
    const failures: string[] = [];
    for (const route of projectRoutes().filter((r) => r.access === 'supervisor' || r.access === 'admin')) {
      const callers: Record<string, Record<string, string>> = { "A's agent": { cookie: ctx.p.agent.cookie }, "A's agent key": { authorization: `Bearer ${agentKeyOfA}` } };
      for (const [who, headers] of Object.entries(callers)) {
        failures.push(problem(route, who, await call(route, ctx.p.projectId, headers), 403, 'FORBIDDEN') ?? '');
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it('answers 403 to supervisors (people and keys) on every admin route', async () => {
    const failures: string[] = [];
    for (const route of projectRoutes().filter((r) => r.access === 'admin')) {
      const callers: Record<string, Record<string, string>> = { "A's supervisor": { cookie: ctx.p.supervisor.cookie }, "A's supervisor key": { authorization: `Bearer ${supervisorKeyOfA}` } };
      for (const [who, headers] of Object.entries(callers)) {
        failures.push(problem(route, who, await call(route, ctx.p.projectId, headers), 403, 'FORBIDDEN') ?? '');
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });
});

describe('authentication', () => {
  it('answers 401 on every non-public route without credentials, with a bogus key or an unknown session', async () => {
    const failures: string[] = [];
    const callers: Record<string, Record<string, string>> = {
      nobody: {},
      'a bogus API key': { authorization: 'Bearer sk_not-a-real-key' },
      'an unknown session': { cookie: 'sb_session=forged' },
    };
    for (const route of apiRoutes().filter((r) => r.access !== 'public')) {
      for (const [who, headers] of Object.entries(callers)) {
        failures.push(problem(route, who, await call(route, ctx.p.projectId, headers), 401, 'UNAUTHENTICATED') ?? '');
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });
});
