import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Role } from '../db/schema.ts';

/** Who is asking: a signed-in person (cookie) or an integrator's project API key (Bearer). */
export type Principal =
  | { kind: 'user'; userId: string; email: string; name: string; sessionHash: string }
  | { kind: 'api_key'; keyId: string; projectId: string; role: Role };

/**
 * What a route needs: `public` (no one), `signed-in` (any principal, no project), or the
 * lowest project role that may call it. Routes whose URL has `:projectId` are project routes.
 */
export type Access = 'public' | 'signed-in' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Set on project routes once the policy has let the request in. */
    access?: { projectId: string; role: Role };
  }
}

export interface AccessResolver {
  principalFromSession(token: string): Promise<Principal | undefined>;
  principalFromApiKey(key: string): Promise<Principal | undefined>;
  roleOf(principal: Principal, projectId: string): Promise<Role | undefined>;
}

const rank: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };
export const roleAtLeast = (role: Role, needed: Role): boolean => rank[role] >= rank[needed];

export const SESSION_COOKIE = 'sb_session';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * The one policy layer. Every `/api` route must declare `config.access` (checked when the route
 * is added), and this hook enforces it before validation or the handler run. A project the caller
 * does not belong to is reported as not found, so its existence is not revealed.
 */
export function installPolicy(app: FastifyInstance, resolver: AccessResolver, opts: { publicUrl?: string } = {}): void {
  const publicHost = opts.publicUrl ? new URL(opts.publicUrl).host : undefined;
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api') && !access) {
      throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    }
    if (access && access !== 'public' && access !== 'signed-in' && !route.url.includes(':projectId')) {
      throw new Error(`route ${route.method} ${route.url} needs the ${access} role of a project, so its URL needs :projectId`);
    }
    // Only routes that need someone get the check: public routes (the PBX's route question at
    // thousands a second) pay no hook at all. It runs first among the route's own onRequest hooks.
    if (!access || access === 'public') return;
    const check = async (req: FastifyRequest) => enforce(req, access, resolver, publicHost);
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [check, ...own];
  });
}

async function enforce(req: FastifyRequest, access: Exclude<Access, 'public'>, resolver: AccessResolver, publicHost: string | undefined): Promise<void> {
  const principal = await authenticate(req, resolver);
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API key as "Authorization: Bearer ..."');
  req.principal = principal;
  if (principal.kind === 'user' && isCrossSite(req, publicHost)) {
    throw new AppError('FORBIDDEN', 'A signed-in browser may change data or open a live connection only from this site');
  }
  if (access === 'signed-in') return;
  const projectId = (req.params as Record<string, string | undefined>).projectId;
  const role = projectId && UUID.test(projectId) ? await resolver.roleOf(principal, projectId) : undefined;
  if (!projectId || !role) throw new AppError('PROJECT_NOT_FOUND', 'Project not found');
  if (!roleAtLeast(role, access)) {
    throw new AppError('FORBIDDEN', `This needs the ${access} role in this project; you are ${role}`);
  }
  req.access = { projectId, role };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie travels with requests that other sites make the browser send. A change (any unsafe
 * method) or a WebSocket upgrade whose Origin is another site is refused; API keys are not
 * ambient, so they are not checked. Requests without an Origin (curl, servers) pass.
 */
function isCrossSite(req: FastifyRequest, publicHost: string | undefined): boolean {
  const origin = req.headers.origin;
  const upgrade = req.headers.upgrade?.toLowerCase() === 'websocket';
  if (!origin || (SAFE_METHODS.has(req.method) && !upgrade)) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return host !== req.headers.host && host !== req.host && host !== publicHost;
}

async function authenticate(req: FastifyRequest, resolver: AccessResolver): Promise<Principal | undefined> {
  const key = bearerToken(req);
  if (key) return resolver.principalFromApiKey(key);
  const session = req.cookies?.[SESSION_COOKIE];
  return session ? resolver.principalFromSession(session) : undefined;
}

/** The project and role of a project route; only valid after the policy hook has run. */
export function projectAccess(req: FastifyRequest): { projectId: string; role: Role } {
  if (!req.access) throw new Error('projectAccess() called on a route without project access');
  return req.access;
}
