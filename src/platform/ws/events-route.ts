import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EventBus } from '../events/bus.ts';
import { typed } from '../http/app.ts';
import { projectAccess } from '../http/policy.ts';

/**
 * One WebSocket per browser tab: after the policy layer has authenticated the upgrade request
 * (cookie or API key), the socket receives every event of that project as JSON, one per message.
 */
export function eventSocketRoutes(bus: EventBus) {
  return (app: FastifyInstance) => {
    typed(app).get('/api/projects/:projectId/events', {
      websocket: true,
      config: { access: 'agent' },
      schema: { tags: ['events'], params: z.object({ projectId: z.string() }), hide: true },
    }, (socket, req) => {
      const { projectId } = projectAccess(req);
      const off = bus.subscribe((event) => {
        if (event.projectId === projectId && socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      });
      socket.send(JSON.stringify({ type: 'hello', projectId }));
      socket.on('close', off);
      socket.on('error', off);
    });
  };
}
