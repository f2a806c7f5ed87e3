import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { eventCatalog, eventTypes } from '../../platform/events/bus.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { ALL_EVENTS } from './model.ts';
import type { Webhooks } from './service.ts';

const P = z.object({ projectId: z.string() });
const PHook = P.extend({ webhookId: z.uuid() });
const PDelivery = PHook.extend({ webhookDeliveryId: z.uuid() });
const Url = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).max(2000);
const EventTypes = z
  .array(z.enum([ALL_EVENTS, ...eventTypes]))
  .min(1)
  .max(100)
  .transform((types) => [...new Set(types)]);
const Status = z.enum(['pending', 'retrying', 'delivered', 'failed']);

/** Webhook settings and delivery log (admins only), plus the public list of event types. */
export function webhookRoutes(hooks: Webhooks) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['webhooks'];

    r.get('/api/event-types', {
      config: { access: 'signed-in' },
      schema: { tags },
    }, async () => eventTypes.map((type) => ({ type, description: eventCatalog[type] })));

    r.get('/api/projects/:projectId/webhooks', {
      config: { access: 'admin' },
      schema: { tags, params: P },
    }, async (req) => hooks.list(projectAccess(req).projectId));

    r.post('/api/projects/:projectId/webhooks', {
      config: { access: 'admin' },
      schema: { tags, params: P, body: z.strictObject({ url: Url, eventTypes: EventTypes, active: z.boolean().default(true) }) },
    }, async (req, reply) => reply.code(201).send(await hooks.create(projectAccess(req).projectId, req.body, actorOf(req))));

    r.get('/api/projects/:projectId/webhooks/:webhookId', {
      config: { access: 'admin' },
      schema: { tags, params: PHook },
    }, async (req) => hooks.get(projectAccess(req).projectId, req.params.webhookId));

    r.patch('/api/projects/:projectId/webhooks/:webhookId', {
      config: { access: 'admin' },
      schema: {
        tags,
        params: PHook,
        body: z.strictObject({ url: Url.optional(), eventTypes: EventTypes.optional(), active: z.boolean().optional() }),
      },
    }, async (req) => hooks.update(projectAccess(req).projectId, req.params.webhookId, req.body, actorOf(req)));

    r.delete('/api/projects/:projectId/webhooks/:webhookId', {
      config: { access: 'admin' },
      schema: { tags, params: PHook },
    }, async (req) => {
      await hooks.remove(projectAccess(req).projectId, req.params.webhookId, actorOf(req));
      return { ok: true };
    });

    r.post('/api/projects/:projectId/webhooks/:webhookId/rotate-secret', {
      config: { access: 'admin' },
      schema: { tags, params: PHook },
    }, async (req) => hooks.rotateSecret(projectAccess(req).projectId, req.params.webhookId, actorOf(req)));

    r.post('/api/projects/:projectId/webhooks/:webhookId/test', {
      config: { access: 'admin' },
      schema: { tags, params: PHook, body: z.strictObject({ message: z.string().max(500).optional() }).optional() },
    }, async (req, reply) => {
      const message = req.body?.message ?? 'Test event from Switchboard';
      return reply.code(202).send(await hooks.sendTest(projectAccess(req).projectId, req.params.webhookId, message, actorOf(req)));
    });

    r.get('/api/projects/:projectId/webhooks/:webhookId/deliveries', {
      config: { access: 'admin' },
      schema: {
        tags,
        params: PHook,
        querystring: z.strictObject({ status: Status.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    }, async (req) => hooks.deliveries(projectAccess(req).projectId, req.params.webhookId, req.query));

    r.post('/api/projects/:projectId/webhooks/:webhookId/deliveries/:webhookDeliveryId/redeliver', {
      config: { access: 'admin' },
      schema: { tags, params: PDelivery },
    }, async (req, reply) => {
      const { webhookId, webhookDeliveryId } = req.params;
      return reply.code(202).send(await hooks.redeliver(projectAccess(req).projectId, webhookId, webhookDeliveryId, actorOf(req)));
    });
  };
}
