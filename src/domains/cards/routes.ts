import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import type { Cards } from './index.ts';
import { ConnectorFields, ConnectorPatch } from './model.ts';
import type { LiveCard } from './store.ts';

const P = z.object({ projectId: z.string() });
const PConnector = P.extend({ connectorId: z.uuid() });
const TestBody = z.strictObject({ phone: z.string().min(3).max(40).optional(), contactId: z.uuid().optional() });

const view = (l: LiveCard) => ({ ...l.card, endedAt: l.endedAt === null ? null : new Date(l.endedAt).toISOString() });

/** Connector settings (admins) and the caller cards of live calls (the agent on the call, supervisors). */
export function cardRoutes(cards: Cards) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['connectors'];
    app.addHook('onListen', async () => {
      const address = app.server.address() as AddressInfo | null;
      if (address && typeof address === 'object') cards.listening(`http://127.0.0.1:${address.port}`);
    });

    r.get('/api/projects/:projectId/connectors', {
      config: { access: 'admin' },
      schema: { tags, params: P },
    }, async (req) => cards.connectors.list(projectAccess(req).projectId));

    r.post('/api/projects/:projectId/connectors', {
      config: { access: 'admin' },
      schema: { tags, params: P, body: ConnectorFields },
    }, async (req, reply) => reply.code(201).send(await cards.connectors.create(projectAccess(req).projectId, req.body, actorOf(req))));

    r.get('/api/projects/:projectId/connectors/:connectorId', {
      config: { access: 'admin' },
      schema: { tags, params: PConnector },
    }, async (req) => cards.connectors.get(projectAccess(req).projectId, req.params.connectorId));

    r.patch('/api/projects/:projectId/connectors/:connectorId', {
      config: { access: 'admin' },
      schema: { tags, params: PConnector, body: ConnectorPatch },
    }, async (req) => cards.connectors.update(projectAccess(req).projectId, req.params.connectorId, req.body, actorOf(req)));

    r.delete('/api/projects/:projectId/connectors/:connectorId', {
      config: { access: 'admin' },
      schema: { tags, params: PConnector },
    }, async (req) => {
      await cards.connectors.remove(projectAccess(req).projectId, req.params.connectorId, actorOf(req));
      return { ok: true };
    });

    r.post('/api/projects/:projectId/connectors/:connectorId/test', {
      config: { access: 'admin' },
      schema: { tags, params: PConnector, body: TestBody },
    }, async (req) => cards.connectors.test(projectAccess(req).projectId, req.params.connectorId, req.body));

    r.get('/api/projects/:projectId/cards', {
      config: { access: 'agent' },
      schema: { tags: ['cards'], params: P, querystring: z.object({ callId: z.string().min(1).max(200).optional() }) },
    }, async (req) => {
      const { projectId, role } = projectAccess(req);
      const userId = req.principal?.kind === 'user' ? req.principal.userId : null;
      const { callId } = req.query;
      if (!callId) return userId ? cards.store.forUser(projectId, userId).map(view) : [];
      const live = cards.store.get(projectId, callId);
      const allowed = live && (role !== 'agent' || (userId !== null && live.recipients.has(userId)));
      if (!allowed) throw new AppError('CARD_NOT_FOUND', 'No card for this call (it ended more than CARD_TTL_SECONDS ago, or it is not yours)');
      return [view(live)];
    });
  };
}
