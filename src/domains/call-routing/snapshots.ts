import type { Logger } from 'pino';
import type { EventBus } from '../../platform/events/bus.ts';
import { presentedTokenHash } from '../../platform/security/secrets.ts';
import type { ProjectRouting } from './model.ts';
import type { RoutingRepo } from './repo.ts';
import { keyOf } from '../../platform/reverse-lookup.ts';

/**
 * Each project's routing (rules, groups, settings, extensions) and the PBX tokens, in memory. All
 * projects load at start; a project created later loads on its first question. A change made here
 * reloads the project before the API answers; other processes reload on the `call_routing.changed`
 * event that the bridge brings them. Snapshots are replaced whole, never mutated.
 */
export class RoutingSnapshots {
  private readonly projects = new Map<string, ProjectRouting>();
  private readonly loading = new Map<string, Promise<ProjectRouting | undefined>>();
  private tokens = new Map<string, string>();
  private readonly off: () => void;

  constructor(
    private readonly repo: RoutingRepo,
    bus: EventBus,
    private readonly log: Logger,
  ) {
    this.off = bus.subscribe((e, meta) => {
      if (e.type !== 'call_routing.changed' || meta.local) return;
      const work = (e.payload as { change: string }).change === 'pbx_token' ? this.reloadTokens() : this.reload(e.projectId);
      work.catch((err) => this.log.error({ err }, 'routing reload failed'));
    });
  }

  async start(): Promise<void> {
    const ids = await this.repo.projectIds();
    for (const id of ids) await this.get(id);
    await this.reloadTokens();
  }

  /** The snapshot if it is in memory; the hot path's only read. */
  peek(projectId: string): ProjectRouting | undefined {
    return this.projects.get(projectId);
  }

  /** The person (users.id) on a SIP extension of the project's phone plan in memory, or null. */
  agentOnExtension(projectId: string, extension: string): string | null {
    const plan = this.projects.get(projectId)?.extensions;
    return plan ? (keyOf(plan, extension) ?? null) : null;
  }

  /** The snapshot, loading (and seeding defaults) when the project is not in memory yet. */
  async get(projectId: string): Promise<ProjectRouting | undefined> {
    return this.projects.get(projectId) ?? this.reload(projectId);
  }

  /** Re-reads one project from the database; concurrent callers share one load. */
  reload(projectId: string): Promise<ProjectRouting | undefined> {
    const running = this.loading.get(projectId);
    if (running) return running;
    const work = this.repo
      .load(projectId)
      .then((r) => {
        if (r) this.projects.set(projectId, r);
        else this.projects.delete(projectId);
        return r;
      })
      .finally(() => this.loading.delete(projectId));
    this.loading.set(projectId, work);
    return work;
  }

  async reloadTokens(): Promise<void> {
    this.tokens = new Map((await this.repo.tokens()).map((t) => [t.hash, t.projectId]));
  }

  /** The project a PBX token belongs to, from memory (the PBX sends the same token with every call: its hash is remembered). */
  projectForToken(token: string): string | undefined {
    return token ? this.tokens.get(presentedTokenHash(token)) : undefined;
  }

  close(): void {
    this.off();
  }
}
