import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body exactly as it arrived: what a receiver must verify the signature over. */
  body: string;
  json: { id: string; type: string; projectId: string; at: string; payload: unknown };
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Decides the answer to each request; 204 unless a test says otherwise. */
  respond: (req: ReceivedRequest, index: number) => number;
  /** Resolves with the first request (already received or still to come) that matches. */
  waitFor(match: (r: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** A real HTTP server on a free loopback port that records every webhook POST it gets. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const emitter = new EventEmitter();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    respond: () => 204,
    waitFor(match, timeoutMs = 20_000) {
      const seen = receiver.received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          emitter.off('request', onRequest);
          reject(new Error(`no matching webhook request within ${timeoutMs} ms`));
        }, timeoutMs);
        const onRequest = (r: ReceivedRequest) => {
          if (!match(r)) return;
          clearTimeout(timer);
          emitter.off('request', onRequest);
          resolve(r);
        };
        emitter.on('request', onRequest);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r: ReceivedRequest = { path: req.url ?? '/', headers: req.headers, body, json: JSON.parse(body) };
      const index = receiver.received.push(r) - 1;
      res.statusCode = receiver.respond(r, index);
      res.end(res.statusCode >= 300 ? 'receiver says no' : '');
      emitter.emit('request', r);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
