import { EventEmitter } from 'node:events';
import WebSocket from 'ws';

export interface EventSocket {
  ws: WebSocket;
  messages: Array<{ type: string; id?: string; projectId?: string; payload?: unknown }>;
  /** Resolves with the first message (already received or still to come) that matches. */
  next(match: (m: EventSocket['messages'][number]) => boolean, timeoutMs?: number): Promise<EventSocket['messages'][number]>;
  close(): void;
}

/** Opens the project's event socket like a browser tab would, with a session cookie or an API key. */
export function openEventSocket(
  baseUrl: string,
  projectId: string,
  headers: Record<string, string>,
  opts: { autoPong?: boolean } = {},
): Promise<EventSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/projects/${projectId}/events`, { headers, autoPong: opts.autoPong ?? true });
  const arrivals = new EventEmitter();
  const socket: EventSocket = {
    ws,
    messages: [],
    next(match, timeoutMs = 10_000) {
      const seen = socket.messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          arrivals.off('message', onMessage);
          reject(new Error(`no matching socket message within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (m: EventSocket['messages'][number]) => {
          if (!match(m)) return;
          clearTimeout(timer);
          arrivals.off('message', onMessage);
          resolve(m);
        };
        arrivals.on('message', onMessage);
      });
    },
    close: () => ws.close(),
  };
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    socket.messages.push(m);
    arrivals.emit('message', m);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.once('error', reject);
  });
}
