import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { EventBus } from '../events/bus.ts';
import { typed } from '../http/app.ts';
import { projectAccess } from '../http/policy.ts';
import type { UserChannel } from './user-channel.ts';

/** A client this far behind (bytes queued but not sent) is dropped; it reconnects and catches up by API. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface EventSocketOptions {
  /** A ping every this many ms; a socket that has not answered the previous ping is closed. */
  heartbeatMs: number;
  /** Told when a signed-in person's socket opens and closes (agent presence follows the desktop, see routing). */
  presence?: { connected(projectId: string, userId: string): void; disconnected(projectId: string, userId: string): void };
  /** Private messages to this person only (caller cards); never bus events. */
  channel?: UserChannel;
}

/**
 * One WebSocket per browser tab: after the policy layer has authenticated the upgrade request
 * (cookie or API key), the socket receives every event of that project as JSON, one per message.
 * Events published by other processes on the same database arrive too (LISTEN/NOTIFY bridge).
 */
export function eventSocketRoutes(bus: EventBus, opts: EventSocketOptions) {
  return (app: FastifyInstance) => {
    typed(app).get('/api/projects/:projectId/events', {
      websocket: true,
      config: { access: 'agent' },
      schema: { tags: ['events'], params: z.object({ projectId: z.string() }), hide: true },
    }, (socket, req) => {
      const { projectId } = projectAccess(req);
      const off = bus.subscribe((event) => {
        if (event.projectId !== projectId || socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          socket.terminate();
          return;
        }
        socket.send(JSON.stringify(event));
      });
      const stopHeartbeat = heartbeat(socket, opts.heartbeatMs);
      const userId = req.principal?.kind === 'user' ? req.principal.userId : undefined;
      if (userId) opts.presence?.connected(projectId, userId);
      const detach = userId ? opts.channel?.attach(projectId, userId, (text) => {
        if (socket.readyState === socket.OPEN) socket.send(text);
      }) : undefined;
      let closed = false;
      const close = () => {
        off();
        detach?.();
        stopHeartbeat();
        if (closed) return;
        closed = true;
        if (userId) opts.presence?.disconnected(projectId, userId);
      };
      socket.on('close', close);
      socket.on('error', close);
      socket.send(JSON.stringify({ type: 'hello', projectId }));
    });
  };
}

/** Pings the socket; one missed pong means the peer is gone (laptop lid, dropped network), so it is terminated. */
function heartbeat(socket: WebSocket, everyMs: number): () => void {
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
