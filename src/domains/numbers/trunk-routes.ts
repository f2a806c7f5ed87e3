import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { crudRoutes } from './crud-routes.ts';
import type { Numbers } from './index.ts';

const P = z.object({ projectId: z.string() });
const PTrunk = P.extend({ trunkId: z.uuid() });
const Increment = z.number().int().min(1).max(3600);
const TrunkBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(1000).optional(),
  enabled: z.boolean().optional(),
  maxLines: z.number().int().min(1).max(100_000).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CZK or EUR').optional(),
  firstIncrement: Increment.optional(),
  nextIncrement: Increment.optional(),
});
const PriceBody = z.strictObject({
  prefix: z.string().trim().min(1).max(24),
  ratePerMinute: z.number().min(0, 'a rate cannot be negative').max(1_000_000),
  connectionFee: z.number().min(0, 'a fee cannot be negative').max(1_000_000).optional(),
  description: z.string().max(200).optional(),
});
const PricesBody = z.strictObject({ prices: z.array(PriceBody).max(100_000) });
const RouteQuery = z.strictObject({ phone: z.string().trim().min(1).max(40), seconds: z.coerce.number().min(0).max(86_400).default(60) });

/** Trunks, their price lists (JSON or CSV upload, replaced whole) and a "which trunk, at what cost" check. */
export function trunkRoutes(r: ReturnType<typeof typed>, numbers: Numbers) {
  const tags = ['numbers'];
  const pid = (req: Parameters<typeof projectAccess>[0]) => projectAccess(req).projectId;

  crudRoutes(r, 'trunks', 'trunkId', TrunkBody, numbers.trunks);
  r.get('/api/projects/:projectId/trunks/route', { config: { access: 'supervisor' }, schema: { tags, params: P, querystring: RouteQuery } },
    async (req) => {
      const projectId = pid(req);
      const trunks = numbers.trunksFor(projectId, req.query.phone).map((t) => ({ ...t, cost: numbers.cost(projectId, { trunkId: t.trunkId, phone: req.query.phone, seconds: req.query.seconds }) }));
      return { phone: req.query.phone, seconds: req.query.seconds, trunks };
    });

  r.get('/api/projects/:projectId/trunks/:trunkId/prices', { config: { access: 'supervisor' }, schema: { tags, params: PTrunk } },
    async (req) => ({ items: await numbers.trunks.prices(pid(req), req.params.trunkId) }));
  r.put('/api/projects/:projectId/trunks/:trunkId/prices', { config: { access: 'admin' }, schema: { tags, params: PTrunk, body: PricesBody } },
    async (req) => numbers.trunks.replacePrices(pid(req), req.params.trunkId, req.body.prices, actorOf(req)));
  r.post('/api/projects/:projectId/trunks/:trunkId/prices/import', {
    config: { access: 'admin' },
    schema: { tags, params: PTrunk, consumes: ['multipart/form-data'] },
  }, async (req) => {
    await numbers.trunks.get(pid(req), req.params.trunkId);
    const file = req.isMultipart() ? await req.file() : undefined;
    if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: send the CSV as the multipart field "file"', [{ field: 'file', message: 'required' }]);
    const text = (await file.toBuffer()).toString('utf8');
    return numbers.trunks.uploadPrices(pid(req), req.params.trunkId, text, actorOf(req));
  });
}
