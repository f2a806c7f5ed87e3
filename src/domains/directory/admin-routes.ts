import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { actorOf } from '../../platform/audit.ts';
import type { Directory } from './index.ts';

const Role = z.enum(['admin', 'supervisor', 'agent']);
const P = z.object({ projectId: z.string() });
const PUser = P.extend({ userId: z.uuid() });
const PInvitation = P.extend({ invitationId: z.uuid() });
const PKey = P.extend({ apiKeyId: z.uuid() });

/** Members, invitations, API keys and the audit log of one project. */
export function projectAdminRoutes(dir: Directory) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    r.get('/api/projects/:projectId/members', {
      config: { access: 'agent' },
      schema: { tags: ['members'], params: P, querystring: z.strictObject({ role: Role.optional() }) },
    }, async (req) => dir.members.list(projectAccess(req).projectId, req.query.role));

    r.patch('/api/projects/:projectId/members/:userId', {
      config: { access: 'admin' },
      schema: { tags: ['members'], params: PUser, body: z.strictObject({ role: Role }) },
    }, async (req) => {
      await dir.members.changeRole(projectAccess(req).projectId, req.params.userId, req.body.role, actorOf(req));
      return { ok: true };
    });

    r.delete('/api/projects/:projectId/members/:userId', {
      config: { access: 'admin' },
      schema: { tags: ['members'], params: PUser },
    }, async (req) => {
      await dir.members.remove(projectAccess(req).projectId, req.params.userId, actorOf(req));
      return { ok: true };
    });

    r.post('/api/projects/:projectId/invitations', {
      config: { access: 'admin' },
      schema: { tags: ['members'], params: P, body: z.strictObject({ email: z.email().max(320), role: Role.default('agent') }) },
    }, async (req, reply) => {
      const inv = await dir.invitations.invite(projectAccess(req).projectId, req.body.email, req.body.role, actorOf(req));
      return reply.code(201).send({ id: inv.id });
    });

    r.get('/api/projects/:projectId/invitations', {
      config: { access: 'admin' },
      schema: { tags: ['members'], params: P },
    }, async (req) => dir.invitations.list(projectAccess(req).projectId));

    r.delete('/api/projects/:projectId/invitations/:invitationId', {
      config: { access: 'admin' },
      schema: { tags: ['members'], params: PInvitation },
    }, async (req) => {
      await dir.invitations.revoke(projectAccess(req).projectId, req.params.invitationId, actorOf(req));
      return { ok: true };
    });

    r.post('/api/projects/:projectId/api-keys', {
      config: { access: 'admin' },
      schema: { tags: ['api keys'], params: P, body: z.strictObject({ name: z.string().trim().min(1).max(120), role: Role.default('admin') }) },
    }, async (req, reply) =>
      reply.code(201).send(await dir.apiKeys.create(projectAccess(req).projectId, req.body.name, req.body.role, actorOf(req))));

    r.get('/api/projects/:projectId/api-keys', {
      config: { access: 'admin' },
      schema: { tags: ['api keys'], params: P },
    }, async (req) => dir.apiKeys.list(projectAccess(req).projectId));

    r.delete('/api/projects/:projectId/api-keys/:apiKeyId', {
      config: { access: 'admin' },
      schema: { tags: ['api keys'], params: PKey },
    }, async (req) => {
      await dir.apiKeys.revoke(projectAccess(req).projectId, req.params.apiKeyId, actorOf(req));
      return { ok: true };
    });

    r.get('/api/projects/:projectId/audit', {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        params: P,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.string().regex(/^\d+$/).optional() }),
      },
    }, async (req) => dir.projects.audit(projectAccess(req).projectId, req.query.limit, req.query.before));
  };
}
