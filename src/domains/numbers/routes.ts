import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import type { Numbers } from './index.ts';
import { totals } from './stats.ts';
import { trunkRoutes } from './trunk-routes.ts';

export const P = z.object({ projectId: z.string() });
const PPool = P.extend({ callerIdPoolId: z.uuid() });
const PTracking = P.extend({ trackingNumberId: z.uuid() });
/** Any common spelling of a number; the service reads it in the project's country and answers INVALID_PHONE if it is not one. */
const Phone = z.string().trim().regex(/^[+0-9 ()\-./]{3,30}$/, 'a phone number such as +420 601 123 456');
const Places = z.array(z.string().trim().min(1).max(100)).max(500);
const PoolBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  cities: Places.optional(),
  regions: Places.optional(),
  areaPrefixes: z.array(z.string().trim().min(1).max(24)).max(500).optional(),
  numbers: z.array(Phone).max(1000).optional(),
  isDefault: z.boolean().optional(),
});
const Preview = z.strictObject({ phone: Phone, city: z.string().max(100).nullish(), region: z.string().max(100).nullish() });
const TrackingBody = z.strictObject({ number: Phone, source: z.string().trim().min(1).max(100), campaign: z.string().trim().max(100).optional() });
const DAY = 86_400_000;
const StatsQuery = z.strictObject({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  attributionDays: z.coerce.number().int().min(1).max(365).default(30),
  won: z.string().max(500).default('sale,won'),
  groupBy: z.enum(['source', 'campaign', 'number']).default('source'),
});

/** Caller ID pools, tracking numbers (with their marketing figures) and trunks. Reading is for supervisors, changing for admins. */
export function numbersRoutes(numbers: Numbers) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['numbers'];
    const pid = (req: Parameters<typeof projectAccess>[0]) => projectAccess(req).projectId;

    r.get('/api/projects/:projectId/caller-id-pools', { config: { access: 'supervisor' }, schema: { tags, params: P } },
      async (req) => ({ items: await numbers.pools.list(pid(req)) }));
    r.post('/api/projects/:projectId/caller-id-pools', { config: { access: 'admin' }, schema: { tags, params: P, body: PoolBody } },
      async (req, reply) => reply.code(201).send(await numbers.pools.create(pid(req), req.body, actorOf(req))));
    r.post('/api/projects/:projectId/caller-id-pools/preview', { config: { access: 'agent' }, schema: { tags, params: P, body: Preview } },
      async (req) => ({ choice: numbers.previewCallerId(pid(req), req.body) }));
    r.get('/api/projects/:projectId/caller-id-pools/:callerIdPoolId', { config: { access: 'supervisor' }, schema: { tags, params: PPool } },
      async (req) => numbers.pools.get(pid(req), req.params.callerIdPoolId));
    r.patch('/api/projects/:projectId/caller-id-pools/:callerIdPoolId', { config: { access: 'admin' }, schema: { tags, params: PPool, body: PoolBody.partial() } },
      async (req) => numbers.pools.update(pid(req), req.params.callerIdPoolId, req.body, actorOf(req)));
    r.delete('/api/projects/:projectId/caller-id-pools/:callerIdPoolId', { config: { access: 'admin' }, schema: { tags, params: PPool } },
      async (req) => {
        await numbers.pools.remove(pid(req), req.params.callerIdPoolId, actorOf(req));
        return { ok: true };
      });

    r.get('/api/projects/:projectId/tracking-numbers', { config: { access: 'supervisor' }, schema: { tags, params: P } },
      async (req) => ({ items: await numbers.tracking.list(pid(req)) }));
    r.post('/api/projects/:projectId/tracking-numbers', { config: { access: 'admin' }, schema: { tags, params: P, body: TrackingBody } },
      async (req, reply) => reply.code(201).send(await numbers.tracking.create(pid(req), req.body, actorOf(req))));
    r.get('/api/projects/:projectId/tracking-numbers/stats', { config: { access: 'supervisor' }, schema: { tags, params: P, querystring: StatsQuery } },
      async (req) => {
        const to = req.query.to ?? new Date();
        const from = req.query.from ?? new Date(to.getTime() - 30 * DAY);
        if (from >= to) throw new AppError('VALIDATION_FAILED', 'from must be before to', [{ field: 'from', message: 'must be before to' }]);
        const won = req.query.won.split(',').map((s) => s.trim()).filter(Boolean);
        const rows = await numbers.stats(pid(req), { from, to, attributionDays: req.query.attributionDays, won, groupBy: req.query.groupBy });
        return { from: from.toISOString(), to: to.toISOString(), attributionDays: req.query.attributionDays, won, groupBy: req.query.groupBy, rows, totals: totals(rows) };
      });
    r.get('/api/projects/:projectId/tracking-numbers/:trackingNumberId', { config: { access: 'supervisor' }, schema: { tags, params: PTracking } },
      async (req) => numbers.tracking.get(pid(req), req.params.trackingNumberId));
    r.patch('/api/projects/:projectId/tracking-numbers/:trackingNumberId', { config: { access: 'admin' }, schema: { tags, params: PTracking, body: TrackingBody.partial() } },
      async (req) => numbers.tracking.update(pid(req), req.params.trackingNumberId, req.body, actorOf(req)));
    r.delete('/api/projects/:projectId/tracking-numbers/:trackingNumberId', { config: { access: 'admin' }, schema: { tags, params: PTracking } },
      async (req) => {
        await numbers.tracking.remove(pid(req), req.params.trackingNumberId, actorOf(req));
        return { ok: true };
      });

    trunkRoutes(r, numbers);
  };
}
