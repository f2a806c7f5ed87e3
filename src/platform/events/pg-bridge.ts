import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from './bus.ts';

const CHANNEL = 'switchboard_events';
const MAX_NOTIFY_BYTES = 7900;

/**
 * Carries events between Switchboard processes on one database with LISTEN/NOTIFY. Each process
 * tags what it sends with its own origin id and ignores its own echoes.
 */
export async function bridgeEvents(bus: EventBus, pool: pg.Pool, url: string, log: Logger): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const listener = new pg.Client({ connectionString: url, application_name: 'switchboard-events' });
  await listener.connect();
  listener.on('error', (err) => log.error({ err }, 'event listener connection failed'));
  listener.on('notification', (msg) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    try {
      const { o, e } = JSON.parse(msg.payload) as { o: string; e: DomainEvent };
      if (o !== origin) bus.deliverRemote(e);
    } catch (err) {
      log.warn({ err }, 'ignored a malformed event notification');
    }
  });
  await listener.query(`LISTEN ${CHANNEL}`);
  bus.setForwarder((event) => {
    const text = JSON.stringify({ o: origin, e: event });
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) {
      log.warn({ type: event.type, id: event.id }, 'event too large to forward to other processes');
      return;
    }
    pool.query('SELECT pg_notify($1, $2)', [CHANNEL, text]).catch((err) => log.error({ err }, 'event notify failed'));
  });
  return async () => {
    bus.setForwarder(undefined);
    await listener.end().catch(() => undefined);
  };
}
