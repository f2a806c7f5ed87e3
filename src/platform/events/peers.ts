import type pg from 'pg';
import type { Logger } from 'pino';

/** The application_name of every process's listening connection (pg-bridge.ts), which is how peers are counted. */
export const LISTENER_NAME = 'switchboard-events';
/** How long a joining process waits for the others to answer its hello. */
const JOIN_WAIT_MS = 3000;
/** How often a process that knows peers checks that one still listens (a crashed process says no bye). */
const PRUNE_EVERY_MS = 30_000;

export type PeerSignal = 'hello' | 'here' | 'bye';

/**
 * The other Switchboard processes listening on this database's event channel. A process forwards its events
 * only while it knows at least one, so a single server (the usual deployment, the demo) spends nothing on
 * NOTIFY traffic that nobody reads.
 *
 * Joining is a handshake, so that no event is lost to a newcomer: the newcomer LISTENs, counts the other
 * listening connections, says `hello` and waits until that many have answered `here` (at most JOIN_WAIT_MS;
 * a silent one is logged) before its services read their state from the database. A process answers only
 * once it forwards, so anything it published without forwarding was committed before the newcomer read the
 * database. A clean stop says `bye`; a crashed peer is forgotten when a periodic count finds nobody else.
 */
export class Peers {
  private readonly known = new Set<string>();
  private joining: { need: number; resolve: () => void } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    private readonly say: (signal: PeerSignal) => Promise<void>,
  ) {}

  /** How many other processes listen: events are forwarded only while there is one. */
  get count(): number {
    return this.known.size;
  }

  /** Says hello and waits for the processes already listening to answer; then keeps the list current. */
  async join(): Promise<void> {
    const others = await this.countOthers();
    const answered = new Promise<void>((resolve) => {
      this.joining = { need: others, resolve };
    });
    this.settleJoin();
    await this.say('hello');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), JOIN_WAIT_MS);
    });
    if ((await Promise.race([answered, late])) === 'late') {
      this.log.warn({ listening: others, answered: this.known.size }, 'not every Switchboard process answered; events they publish before they hear of this one may not reach it');
    }
    clearTimeout(timer);
    this.joining = undefined;
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  /** A signal from another process; answers a hello (after starting to forward to it). */
  signal(origin: string, signal: PeerSignal): void {
    if (signal === 'bye') {
      this.known.delete(origin);
      return;
    }
    this.known.add(origin);
    if (signal === 'hello') void this.say('here').catch((err) => this.log.warn({ err }, 'could not answer a new process'));
    this.settleJoin();
  }

  /** Events from a process prove it listens too. */
  seen(origin: string): void {
    this.known.add(origin);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private settleJoin(): void {
    if (this.joining && this.known.size >= this.joining.need) this.joining.resolve();
  }

  private async prune(): Promise<void> {
    if (!this.known.size) return;
    try {
      if ((await this.countOthers()) === 0) this.known.clear();
    } catch (err) {
      this.log.warn({ err }, 'could not count the other Switchboard processes');
    }
  }

  /** Listening connections of this database other than this process's own. */
  private async countOthers(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [LISTENER_NAME],
    );
    return Math.max(0, rows[0].n - 1);
  }
}
