import { subscribes, type Subscription } from './model.ts';

/** A safety net: even if a change notice were lost (listener reconnecting), a cached project is reloaded this often. */
const MAX_AGE_MS = 60_000;

interface Entry {
  loadedAt: number;
  subscriptions: Promise<Subscription[]>;
  /** The subscriptions once loaded. */
  loaded?: Subscription[];
}

/**
 * Each project's active webhook subscriptions, kept in memory so that publishing an event costs no
 * query once the project is loaded. `forget` drops a project after any webhook change (in this
 * process or, via the `webhook.changed` event, in another one); the next event reloads it.
 */
export class SubscriptionCache {
  private readonly byProject = new Map<string, Entry>();

  constructor(
    private readonly load: (projectId: string) => Promise<Subscription[]>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Ids of the active webhooks of the project that subscribe to this event type. */
  async matching(projectId: string, type: string): Promise<string[]> {
    return idsFor(await this.subscriptions(projectId), type);
  }

  /**
   * The same as `matching` without waiting, when the project's subscriptions are loaded and fresh; else undefined.
   * Every event of the bus asks (a busy PBX makes thousands a second), and most find nobody subscribed.
   */
  matchingNow(projectId: string, type: string): string[] | undefined {
    const cached = this.byProject.get(projectId);
    if (!cached?.loaded || this.now() - cached.loadedAt >= MAX_AGE_MS) return undefined;
    return idsFor(cached.loaded, type);
  }

  forget(projectId: string): void {
    this.byProject.delete(projectId);
  }

  private subscriptions(projectId: string): Promise<Subscription[]> {
    const cached = this.byProject.get(projectId);
    if (cached && this.now() - cached.loadedAt < MAX_AGE_MS) return cached.subscriptions;
    const entry: Entry = { loadedAt: this.now(), subscriptions: this.load(projectId) };
    this.byProject.set(projectId, entry);
    entry.subscriptions.then(
      (loaded) => {
        entry.loaded = loaded;
      },
      () => {
        if (this.byProject.get(projectId) === entry) this.byProject.delete(projectId);
      },
    );
    return entry.subscriptions;
  }
}

function idsFor(subscriptions: Subscription[], type: string): string[] {
  return subscriptions.filter((s) => subscribes(s.eventTypes, type)).map((s) => s.id);
}
