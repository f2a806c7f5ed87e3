import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Imports } from './index.ts';

const P = z.object({ projectId: z.string() });
const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Upload a contacts CSV (supervisor+), follow its progress and report, list past imports, export contacts as CSV. */
export function importRoutes(imports: Imports) {
  return (app: FastifyInstance) => {
    const r = typed(app);

    r.post('/api/projects/:projectId/imports', {
      config: { access: 'supervisor' },
      schema: { tags: ['imports'], params: P, consumes: ['multipart/form-data'] },
    }, async (req, reply) => {
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: send the CSV as the multipart field "file"', [{ field: 'file', message: 'required' }]);
      const id = await imports.startUpload(projectAccess(req).projectId, file.file, file.filename, actorOf(req));
      return reply.code(202).send({ id, status: 'running' });
    });

    r.get('/api/projects/:projectId/imports', {
      config: { access: 'supervisor' },
      schema: { tags: ['imports'], params: P, querystring: ListQuery },
    }, async (req) => imports.list(projectAccess(req).projectId, req.query));

    r.get('/api/projects/:projectId/imports/:importId', {
      config: { access: 'supervisor' },
      schema: { tags: ['imports'], params: P.extend({ importId: z.uuid() }) },
    }, async (req) => imports.get(projectAccess(req).projectId, req.params.importId));

    r.get('/api/projects/:projectId/contacts/export.csv', {
      config: { access: 'supervisor' },
      schema: { tags: ['imports'], params: P },
    }, async (req, reply) => {
      const csv = await imports.exporter.csv(projectAccess(req).projectId);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="contacts.csv"').send(csv);
    });
  };
}
