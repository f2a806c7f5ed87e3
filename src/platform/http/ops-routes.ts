import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

/** Liveness with a database check, and Prometheus metrics for operators. */
export function opsRoutes(db: Db) {
  return (app: FastifyInstance) => {
    app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['ops'] } }, async (_req, reply) => {
      try {
        await sql`SELECT 1`.execute(db);
        return { ok: true, database: 'up' };
      } catch {
        return reply.code(503).send({ ok: false, database: 'down' });
      }
    });
    app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
  };
}
