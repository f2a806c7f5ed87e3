import { MaxHeap } from './heap.ts';

/** The engine's notion of time; tests and the benchmark inject their own. */
export interface Clock {
  now(): number;
}
/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * Named one-shot timers on one `setTimeout`: re-arming a key replaces its time, cancelling forgets it.
 * Offer timeouts, wrap-up ends, TTLs, scheduled tasks and disconnect grace periods all live here, and all of
 * them are re-armed from the database after a restart, so nothing depends on a timer surviving a crash.
 */
export class Scheduler {
  private readonly due = new Map<string, { at: number; run: () => void }>();
  private readonly heap = new MaxHeap<string>();
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private stopped = false;

  constructor(private readonly clock: Clock) {}

  at(key: string, at: number, run: () => void): void {
    this.due.set(key, { at, run });
    this.heap.push(-at, key);
    this.arm();
  }

  cancel(key: string): void {
    this.due.delete(key);
  }

  has(key: string): boolean {
    return this.due.has(key);
  }

  /** Runs every timer whose time has come (by the injected clock). */
  runDue(): void {
    const now = this.clock.now();
    while (this.heap.size && -this.heap.peekKey() <= now) {
      const key = this.heap.peekItem()!;
      const at = -this.heap.peekKey();
      this.heap.pop();
      const entry = this.due.get(key);
      if (!entry || entry.at !== at) continue;
      this.due.delete(key);
      entry.run();
    }
    this.armedFor = Infinity;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private arm(): void {
    while (this.heap.size && this.due.get(this.heap.peekItem()!)?.at !== -this.heap.peekKey()) this.heap.pop();
    if (this.stopped || !this.heap.size) return;
    const next = -this.heap.peekKey();
    if (next >= this.armedFor) return;
    clearTimeout(this.timer);
    this.armedFor = next;
    const delay = Math.min(Math.max(0, next - this.clock.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.runDue(), delay);
    this.timer.unref();
  }
}
