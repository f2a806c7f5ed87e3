import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from './bus.ts';

const CHANNEL = 'switchboard_events';
const MAX_NOTIFY_BYTES = 7900;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Carries events between Switchboard processes on one database with LISTEN/NOTIFY. Each process
 * tags what it sends with its own origin id and ignores its own echoes. The listening connection
 * reconnects by itself (with backoff) when the database restarts or drops it; events sent while it
 * was away are not replayed.
 */
export async function bridgeEvents(bus: EventBus, pool: pg.Pool, url: string, log: Logger): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const listener = new Listener(url, log, (payload) => {
    try {
      const { o, es } = JSON.parse(payload) as { o: string; es: DomainEvent[] };
      if (o !== origin) for (const e of es) bus.deliverRemote(e);
    } catch (err) {
      log.warn({ err }, 'ignored a malformed event notification');
    }
  });
  await listener.start();
  const sender = new NotifySender(pool, origin, log);
  bus.setForwarder((event) => sender.add(event));
  return async () => {
    bus.setForwarder(undefined);
    await listener.stop();
  };
}

/**
 * Sends events with at most one NOTIFY in flight: whatever is published meanwhile goes out together
 * in the next one (split to stay under PostgreSQL's 8000-byte payload limit), so a busy process
 * pays one round trip per batch instead of one per event, and order is kept.
 */
class NotifySender {
  private queue: string[] = [];
  private sending = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly origin: string,
    private readonly log: Logger,
  ) {}

  add(event: DomainEvent): void {
    const text = JSON.stringify(event);
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES - 100) {
      this.log.warn({ type: event.type, id: event.id }, 'event too large to forward to other processes');
      return;
    }
    this.queue.push(text);
    if (!this.sending) void this.flush();
  }

  private async flush(): Promise<void> {
    this.sending = true;
    while (this.queue.length) {
      const payloads = this.pack(this.queue.splice(0));
      try {
        for (const p of payloads) await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, p]);
      } catch (err) {
        this.log.error({ err }, 'event notify failed');
      }
    }
    this.sending = false;
  }

  private pack(events: string[]): string[] {
    const head = `{"o":"${this.origin}","es":[`;
    const out: string[] = [];
    let batch: string[] = [];
    let size = head.length + 2;
    for (const e of events) {
      const len = Buffer.byteLength(e) + 1;
      if (batch.length && size + len > MAX_NOTIFY_BYTES) {
        out.push(`${head}${batch.join(',')}]}`);
        batch = [];
        size = head.length + 2;
      }
      batch.push(e);
      size += len;
    }
    if (batch.length) out.push(`${head}${batch.join(',')}]}`);
    return out;
  }
}

/** One dedicated connection that LISTENs, replaced by a new one whenever it is lost. */
class Listener {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly onPayload: (payload: string) => void,
  ) {}

  /** The first connection must succeed: a process that cannot listen should not start. */
  start(): Promise<void> {
    return this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'switchboard-events' });
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) this.onPayload(msg.payload);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) await client.end().catch(() => undefined);
    else this.client = client;
  }

  private lost(client: pg.Client, err?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    this.log.error({ err }, 'event listener connection lost; reconnecting');
    client.end().catch(() => undefined);
    this.retry(FIRST_RETRY_MS);
  }

  private retry(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.open()
        .then(() => this.log.info('event listener reconnected'))
        .catch((err) => {
          this.log.warn({ err, retryInMs: delayMs * 2 }, 'event listener could not reconnect yet');
          if (!this.stopped) this.retry(Math.min(delayMs * 2, MAX_RETRY_MS));
        });
    }, delayMs);
    this.timer.unref();
  }
}
