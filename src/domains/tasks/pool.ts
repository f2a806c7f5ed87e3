import { MaxHeap } from './heap.ts';
import { ownerOnlyUntil, type QueueSettings, type Task } from './model.ts';
import { scoreTask } from './priority.ts';
import type { AgentCandidate } from './choose.ts';
import { GroupPool } from './groups.ts';

/** A task as the index holds it: `gen` invalidates old heap entries, `where` says which structure owns it. */
export interface Entry extends Task {
  gen: number;
  where: 'none' | 'waiting' | 'owned' | 'pool';
  phase: 'pre' | 'ramp';
}

/**
 * The engine's in-memory index of open tasks. Queued tasks that are eligible now sit in per-(queue, required
 * skills, value band) heaps keyed by the time-invariant forms of the priority score (see priority.ts), so the
 * best task for an agent is found by looking at one top per group. Scheduled tasks wait in a time heap; owned
 * tasks wait with their owner until the stickiness fallback releases them to everyone.
 */
export class TaskIndex {
  readonly tasks = new Map<string, Entry>();
  readonly settings = new Map<string, QueueSettings>();
  private readonly pool = new GroupPool(this.settings);
  private readonly waiting = new MaxHeap<Entry>();
  private readonly release = new MaxHeap<Entry>();
  private readonly owned = new Map<string, Set<Entry>>();

  /** Adds or replaces a task; queued ones are placed where they belong at `now`. */
  upsert(task: Task, now: number): Entry {
    const old = this.tasks.get(task.id);
    if (old) this.unplace(old);
    const { gen: _gen, where: _where, phase: _phase, ...fields } = task as Partial<Entry> & Task;
    const e: Entry = Object.assign(old ?? ({ gen: 0, where: 'none', phase: 'pre' } as Entry), fields);
    this.tasks.set(task.id, e);
    if (e.status === 'queued') this.place(e, now);
    return e;
  }

  /** Adds a freshly loaded task object as is (the rebuild path; a million of them, see repo.forEachOpenTask). */
  adopt(e: Entry, now: number): void {
    this.tasks.set(e.id, e);
    if (e.status === 'queued') this.place(e, now);
  }

  /**
   * Tells the index which score caps agents have. A new cap becomes a band boundary, which regroups the offerable
   * tasks once (a supervisor changing a cap is rare; scanning inside bands on every offer would not be).
   */
  setCaps(caps: Iterable<number | null>, now: number): void {
    const next = [...new Set([...caps].filter((c): c is number => c !== null))].sort((a, b) => a - b);
    if (next.length === this.pool.caps.length && next.every((c, i) => c === this.pool.caps[i])) return;
    this.pool.caps = next;
    for (const e of this.tasks.values()) {
      if (e.where !== 'pool') continue;
      this.unplace(e);
      this.place(e, now);
    }
  }

  /** Forgets a task (done, expired, cancelled, or taken by another process). */
  remove(id: string): void {
    const e = this.tasks.get(id);
    if (!e) return;
    this.unplace(e);
    this.tasks.delete(id);
  }

  /** Moves scheduled and owner-held tasks whose time has come; returns the ones that became offerable. */
  advance(now: number): Entry[] {
    const moved: Entry[] = [];
    for (const heap of [this.waiting, this.release]) {
      while (heap.size && -heap.peekKey() <= now) {
        const e = heap.peekItem()!;
        const live = heap.peekTag() === e.gen && e.where !== 'none' && e.where !== 'pool';
        heap.pop();
        if (!live) continue;
        this.unplace(e);
        this.place(e, now);
        moved.push(e);
      }
    }
    return moved;
  }

  /** The next time `advance` has work (epoch ms), or null. */
  nextWake(): number | null {
    const a = this.waiting.size ? -this.waiting.peekKey() : Infinity;
    const b = this.release.size ? -this.release.peekKey() : Infinity;
    const t = Math.min(a, b);
    return t === Infinity ? null : t;
  }

  /**
   * Up to `k` best offerable tasks for the agent by score at `now` (owned ones included). Groups are visited best
   * bound first; the walk stops when no remaining group can beat the k-th best even with the agent's largest fit.
   */
  candidates(agent: AgentCandidate, now: number, k = 5): Entry[] {
    const best: Array<{ e: Entry; s: number }> = [];
    const consider = (e: Entry, s: number) => {
      if (best.length === k && s <= best[k - 1]!.s) return;
      best.push({ e, s });
      best.sort((x, y) => y.s - x.s);
      if (best.length > k) best.pop();
    };
    for (const e of this.owned.get(agent.id) ?? []) {
      const s = this.settings.get(e.queueId)!;
      if (this.pool.fits(e, s, agent)) consider(e, scoreTask(e, s, agent, now).total);
    }
    this.pool.best(agent, now, consider, () => (best.length === k ? best[k - 1]!.s : -Infinity));
    return best.map((b) => b.e);
  }

  /** Open tasks of a queue (for stats); a scan, meant for supervisor views, not the hot path. */
  *ofQueue(queueId: string): Generator<Entry> {
    for (const e of this.tasks.values()) if (e.queueId === queueId) yield e;
  }

  private place(e: Entry, now: number): void {
    const s = this.settings.get(e.queueId);
    if (!s) return;
    e.gen++;
    const until = ownerOnlyUntil(e, s);
    if (e.eligibleAt !== null && e.eligibleAt > now) {
      e.where = 'waiting';
      this.waiting.push(-e.eligibleAt, e, e.gen);
    } else if (until > now) {
      e.where = 'owned';
      const set = this.owned.get(e.ownerAgentId!) ?? new Set();
      this.owned.set(e.ownerAgentId!, set.add(e));
      this.release.push(-until, e, e.gen);
    } else {
      e.where = 'pool';
      this.pool.add(e, s, now);
    }
  }

  private unplace(e: Entry): void {
    if (e.where === 'owned') this.owned.get(e.ownerAgentId!)?.delete(e);
    e.where = 'none';
    e.gen++;
  }


}
