import type { Logger } from 'pino';

/** How long routed calls gather before they are written as one log line. */
const FLUSH_MS = 200;
/** Calls per line at most; a full line is written at once. */
const MAX_CALLS = 500;

/**
 * The log of routed calls, batched: every answer is logged with its rule and targets, but as one
 * `calls routed` line per FLUSH_MS (an array `calls` of per-call entries) instead of one line per
 * call, so a busy PBX does not cost a write to the log for every call. Nothing is gathered when
 * the info level is off. `flush()` writes what is waiting (on stop).
 */
export class RouteLog {
  private calls: object[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly log: Logger) {}

  add(entry: object): void {
    if (!this.log.isLevelEnabled('info')) return;
    this.calls.push(entry);
    if (this.calls.length >= MAX_CALLS) return this.flush();
    if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.calls.length) return;
    const calls = this.calls;
    this.calls = [];
    this.log.info({ calls }, 'calls routed');
  }
}
