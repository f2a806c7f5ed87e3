import type { Logger } from 'pino';

/**
 * Book-keeping for the phone directory's changes in flight: per project, how many are being
 * applied (memory is "not sure" meanwhile), which refresh of a contact or account is the latest
 * (an older one that lands late is dropped), and the work to wait for in tests and tools.
 */
export class DirectoryChanges {
  private readonly pending = new Map<string, number>();
  private readonly work = new Map<string, Set<Promise<void>>>();
  private readonly tickets = new Map<string, number>();
  private ticket = 0;

  constructor(private readonly log: Logger) {}

  /** Whether a change of the project is being applied. */
  changing(projectId: string): boolean {
    return this.pending.has(projectId);
  }

  /** Marks (1) or unmarks (-1) the project as changing by something that is not a `track`ed run. */
  bump(projectId: string, by: 1 | -1): void {
    const n = (this.pending.get(projectId) ?? 0) + by;
    if (n > 0) this.pending.set(projectId, n);
    else this.pending.delete(projectId);
  }

  /** Runs `work` with the project marked as changing until it has been applied (or has failed, logged). */
  track(projectId: string, work: () => Promise<void>, what: string): void {
    this.bump(projectId, 1);
    const running = this.work.get(projectId) ?? this.work.set(projectId, new Set()).get(projectId)!;
    const run: Promise<void> = work()
      .catch((err) => this.log.error({ err, projectId, what }, 'phone directory refresh failed'))
      .finally(() => {
        this.bump(projectId, -1);
        running.delete(run);
      });
    running.add(run);
  }

  /** A new ticket for refreshing `key` (a contact or account id); it supersedes earlier ones. */
  take(key: string): number {
    this.tickets.set(key, ++this.ticket);
    return this.ticket;
  }

  /** Whether `ticket` is still the latest for `key` (then it is used up). */
  isLatest(key: string, ticket: number): boolean {
    if (this.tickets.get(key) !== ticket) return false;
    this.tickets.delete(key);
    return true;
  }

  /** Resolves when the tracked runs of the project have finished. */
  async settled(projectId: string): Promise<void> {
    for (let running = this.work.get(projectId); running?.size; running = this.work.get(projectId)) await Promise.allSettled([...running]);
  }
}
