import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import type { DncLists, DncScope } from './dnc.ts';
import { DncBody, DncCheckQuery, DncImportQuery, DncQuery, P, PDnc } from './schemas.ts';

/** The organisation-wide list affects every project of the organisation: only admins change it. */
function mayChange(req: FastifyRequest, scope: DncScope): void {
  if (scope === 'global' && projectAccess(req).role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin may change the global do-not-call list');
}

/** Do-not-call lists: list, add, remove, CSV import and the check integrators call before dialling. */
export function dncRoutes(dnc: DncLists) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['dnc'];
    const base = '/api/projects/:projectId/dnc';
    r.get(base, { config: { access: 'supervisor' }, schema: { tags, params: P, querystring: DncQuery } }, async (req) => dnc.list(projectAccess(req).projectId, req.query));
    r.get(`${base}/check`, { config: { access: 'agent' }, schema: { tags, params: P, querystring: DncCheckQuery } }, async (req) => dnc.check(projectAccess(req).projectId, req.query.phone));
    r.post(base, { config: { access: 'supervisor' }, schema: { tags, params: P, body: DncBody } }, async (req, reply) => {
      mayChange(req, req.body.scope);
      const out = await dnc.add(projectAccess(req).projectId, req.body, actorOf(req));
      return reply.code(out.created ? 201 : 200).send(out.entry);
    });
    r.delete(`${base}/:dncEntryId`, { config: { access: 'supervisor' }, schema: { tags, params: PDnc } }, async (req, reply) => {
      const projectId = projectAccess(req).projectId;
      mayChange(req, await dnc.scopeOf(projectId, req.params.dncEntryId));
      await dnc.remove(projectId, req.params.dncEntryId, actorOf(req));
      return reply.code(204).send();
    });
    r.post(`${base}/import`, { config: { access: 'supervisor' }, schema: { tags, params: P, querystring: DncImportQuery, consumes: ['multipart/form-data'] } }, async (req) => {
      mayChange(req, req.query.scope);
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: send the CSV as the multipart field "file"', [{ field: 'file', message: 'required' }]);
      return dnc.import(projectAccess(req).projectId, file.file, req.query.scope, actorOf(req));
    });
  };
}
