import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import type { Numbers } from './index.ts';
import { crudRoutes } from './crud-routes.ts';
import { totals } from './stats.ts';
import { trunkRoutes } from './trunk-routes.ts';

export const P = z.object({ projectId: z.string() });
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

    crudRoutes(r, 'caller-id-pools', 'callerIdPoolId', PoolBody, numbers.pools);
    r.post('/api/projects/:projectId/caller-id-pools/preview', { config: { access: 'agent' }, schema: { tags, params: P, body: Preview } },
      async (req) => ({ choice: numbers.previewCallerId(pid(req), req.body) }));

    crudRoutes(r, 'tracking-numbers', 'trackingNumberId', TrackingBody, numbers.tracking);
    r.get('/api/projects/:projectId/tracking-numbers/stats', { config: { access: 'supervisor' }, schema: { tags, params: P, querystring: StatsQuery } },
      async (req) => {
        const to = req.query.to ?? new Date();
        const from = req.query.from ?? new Date(to.getTime() - 30 * DAY);
        if (from >= to) throw new AppError('VALIDATION_FAILED', 'from must be before to', [{ field: 'from', message: 'must be before to' }]);
        const won = req.query.won.split(',').map((s) => s.trim()).filter(Boolean);
        const rows = await numbers.stats(pid(req), { from, to, attributionDays: req.query.attributionDays, won, groupBy: req.query.groupBy });
        return { from: from.toISOString(), to: to.toISOString(), attributionDays: req.query.attributionDays, won, groupBy: req.query.groupBy, rows, totals: totals(rows) };
      });

    trunkRoutes(r, numbers);
  };
}
