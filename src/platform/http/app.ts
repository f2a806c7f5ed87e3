import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { presentedTokenHash } from '../security/secrets.ts';
import { errorBody, handleError } from './errors.ts';
import { bearerToken, installPolicy, SESSION_COOKIE, type Access, type AccessResolver } from './policy.ts';

export type App = FastifyInstance;
export type RouteModule = (app: FastifyInstance) => Promise<void> | void;

/** One registered route as the policy sees it; the access test walks these. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  websocket: boolean;
  schema: FastifySchema | undefined;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of an app built by `buildApp`, one entry per method (HEAD included). */
export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const websocket = Boolean((route as { websocket?: boolean }).websocket);
    for (const method of methods) {
      table.push({ method, url: route.url, access: route.config?.access, websocket, schema: route.schema });
    }
  });
}

export interface AppOptions {
  config: Config;
  log: Logger;
  resolver: AccessResolver;
  routes: RouteModule[];
  webDist?: string;
}

/**
 * Whose budget a request spends: its API key, else its session, else its IP. Hashing the whole
 * token means nobody can drain a key's budget by sending a look-alike one.
 */
function rateLimitKey(req: FastifyRequest): string {
  const key = bearerToken(req);
  if (key) return `key:${presentedTokenHash(key)}`;
  const session = req.cookies?.[SESSION_COOKIE];
  return session ? `session:${presentedTokenHash(session)}` : `ip:${req.ip}`;
}

/** Builds the HTTP server: API under /api, OpenAPI at /docs, the web app everywhere else. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    // X-Forwarded-For is only believed from the proxies the operator lists (addresses, CIDRs or
    // "loopback"); otherwise anyone could pick their own IP and walk past the per-IP sign-in limit.
    trustProxy: config.TRUST_PROXY ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1 } });
  await app.register(rateLimit, {
    global: true,
    max: config.API_RATE_LIMIT,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      ...errorBody('RATE_LIMITED', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Switchboard API',
        version: '0.1.0',
        description:
          'Send an API key as `Authorization: Bearer sk_...` (Settings -> API keys). Errors are `{ error: { code, message, details? } }`.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  recordRoutes(app);
  installPolicy(app, opts.resolver, { publicUrl: config.publicUrl });
  for (const routes of opts.routes) await app.register(async (scoped) => routes(scoped));

  serveWebApp(app, opts.webDist);
  return app;
}

function serveWebApp(app: FastifyInstance, dist = path.resolve('web/dist')): void {
  const hasWeb = existsSync(path.join(dist, 'index.html'));
  if (hasWeb) app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api') && !req.url.startsWith('/docs');
    if (wantsPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send(errorBody('ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
