/**
 * Time as the simulator sees it. The running server uses the wall clock and real timers; tests use
 * `ManualScheduler` and move time forward by hand, so a two-minute call takes no real time at all.
 */
export interface Scheduler {
  now(): number;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** Wall clock and unref'd timers: a pending simulated call never keeps the process alive. */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  after(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref();
    return () => clearTimeout(t);
  },
};

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that only moves when told to; due callbacks run in time order (ties in scheduling order). */
export class ManualScheduler implements Scheduler {
  private pending: Pending[] = [];
  private seq = 0;

  constructor(private time = Date.UTC(2026, 0, 5, 10, 0, 0)) {}

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const p = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.pending.push(p);
    return () => {
      this.pending = this.pending.filter((x) => x !== p);
    };
  }

  /** Moves the clock forward by `ms`, running every callback that falls due on the way. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > until) break;
      this.pending = this.pending.filter((x) => x !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = until;
  }

  /** How many callbacks are waiting (0 = the simulation is idle). */
  get size(): number {
    return this.pending.length;
  }

  private earliest(): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.pending) if (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p;
    return best;
  }
}
