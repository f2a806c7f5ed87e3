import { randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from './bus.ts';
import { LISTENER_NAME, Peers, type PeerSignal } from './peers.ts';

const CHANNEL = 'switchboard_events';
const MAX_NOTIFY_BYTES = 7900;
const NOTIFY_PER_STATEMENT = 32;
const PACE_MS = 5;
/** Plain JSON per payload before compression (about 3.5x smaller after it, base64 included). */
const GROUP_CHARS = 24_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Carries events between Switchboard processes on one database with LISTEN/NOTIFY. Each process
 * tags what it sends with its own origin id and ignores its own echoes, and sends nothing while no
 * other process listens (peers.ts). The listening connection reconnects by itself (with backoff)
 * when the database restarts or drops it, and says hello again; events sent while it was away are
 * not replayed.
 */
/** A running bridge: how many other processes it forwards to, and how to stop it (after sending what is queued). */
export interface EventBridge {
  readonly peers: number;
  stop(): Promise<void>;
}

export async function bridgeEvents(bus: EventBus, pool: pg.Pool, url: string, log: Logger): Promise<EventBridge> {
  const origin = randomUUID();
  const say = async (signal: PeerSignal) => {
    await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ o: origin, p: signal })]);
  };
  const peers = new Peers(pool, log, say);
  // Every process receives its own notifications too; recognising them by their first bytes
  // spares parsing what this process sent (at a thousand routed calls a second, most of the traffic).
  const own = `{"o":"${origin}"`;
  const listener = new Listener(url, log, (payload) => {
    if (payload.startsWith(own)) return;
    try {
      const { o, p, es, z } = JSON.parse(payload) as { o: string; p?: PeerSignal; es?: DomainEvent[]; z?: string };
      if (p) return peers.signal(o, p);
      peers.seen(o);
      const events = z === undefined ? es! : (JSON.parse(inflateRawSync(Buffer.from(z, 'base64')).toString()) as DomainEvent[]);
      for (const e of events) bus.deliverRemote(e);
    } catch (err) {
      log.warn({ err }, 'ignored a malformed event notification');
    }
  }, () => say('hello'));
  await listener.start();
  const sender = new NotifySender(pool, origin, log);
  bus.setForwarder((event) => {
    if (peers.count > 0) sender.add(event);
  });
  await peers.join();
  return {
    get peers() {
      return peers.count;
    },
    async stop() {
      bus.setForwarder(undefined);
      peers.stop();
      await sender.drain();
      await say('bye').catch(() => undefined);
      await listener.stop();
    },
  };
}

/**
 * Sends events in batches: what is published while the current I/O callbacks run goes out
 * together, and whatever is published while a batch is in flight goes in the next one, at most
 * one batch every PACE_MS (a quiet process sends at once; a busy one sends one NOTIFY transaction
 * every few milliseconds instead of one per round trip: each costs the database a commit and a
 * wake-up of every listener). A batch is one statement (`SELECT pg_notify(..), pg_notify(..), ...`)
 * of compressed payloads under PostgreSQL's 8000-byte limit each, and order is kept. The commit of
 * a NOTIFY writes nothing durable, so each batch turns synchronous_commit off for itself and does
 * not wait for a WAL flush.
 */
class NotifySender {
  private queue: string[] = [];
  private sending = false;
  private scheduled = false;

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
    if (this.sending || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Resolves once everything queued has been sent. */
  async drain(): Promise<void> {
    while (this.sending || this.scheduled || this.queue.length) await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }

  private async flush(): Promise<void> {
    this.sending = true;
    while (this.queue.length) {
      const started = performance.now();
      await this.send(this.pack(this.queue.splice(0)));
      const wait = PACE_MS - (performance.now() - started);
      if (this.queue.length && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.sending = false;
  }

  private async send(payloads: string[]): Promise<void> {
    try {
      for (let i = 0; i < payloads.length; i += NOTIFY_PER_STATEMENT) {
        const some = payloads.slice(i, i + NOTIFY_PER_STATEMENT);
        const calls = some.map((_, j) => `pg_notify($1, $${j + 2})`).join(', ');
        await this.pool.query(`SELECT set_config('synchronous_commit', 'off', true), ${calls}`, [CHANNEL, ...some]);
      }
    } catch (err) {
      this.log.error({ err }, 'event notify failed');
    }
  }

  /**
   * Groups events into NOTIFY payloads: `{"o": origin, "z": base64(deflate([events]))}`. Events of
   * one kind repeat their keys and most values, so a payload carries three to four times as many
   * events as plain JSON would: fewer bytes for PostgreSQL to queue and hand to every listener.
   */
  private pack(events: string[]): string[] {
    const out: string[] = [];
    let group: string[] = [];
    let size = 0;
    for (const e of events) {
      if (group.length && size + e.length > GROUP_CHARS) {
        this.seal(group, out);
        group = [];
        size = 0;
      }
      group.push(e);
      size += e.length + 1;
    }
    if (group.length) this.seal(group, out);
    return out;
  }

  /** One payload for the group, or several when its compressed form is still over the limit. */
  private seal(group: string[], out: string[]): void {
    const payload = `{"o":"${this.origin}","z":"${deflateRawSync(`[${group.join(',')}]`, { level: 1 }).toString('base64')}"}`;
    if (payload.length <= MAX_NOTIFY_BYTES) {
      out.push(payload);
      return;
    }
    if (group.length === 1) {
      this.log.warn('event too large to forward to other processes');
      return;
    }
    const half = Math.ceil(group.length / 2);
    this.seal(group.slice(0, half), out);
    this.seal(group.slice(half), out);
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
    private readonly onReconnected: () => Promise<void>,
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
    const client = new pg.Client({ connectionString: this.url, application_name: LISTENER_NAME });
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
        .then(() => {
          this.log.info('event listener reconnected');
          this.onReconnected().catch((err) => this.log.warn({ err }, 'could not greet the other processes after reconnecting'));
        })
        .catch((err) => {
          this.log.warn({ err, retryInMs: delayMs * 2 }, 'event listener could not reconnect yet');
          if (!this.stopped) this.retry(Math.min(delayMs * 2, MAX_RETRY_MS));
        });
    }, delayMs);
    this.timer.unref();
  }
}
