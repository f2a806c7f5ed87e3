import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_SIM_SETTINGS, outcomeSharesProblem, simSettingsSchema, type SimSettings } from '../adapters/sim/settings.ts';
import type { TelephonyHub } from '../hub.ts';

export type AdapterName = 'sim' | 'kamailio' | 'webhook';

/** One project's telephony as every process holds it in memory. */
export interface ProjectTelephony {
  adapter: AdapterName;
  webhookUrl: string | null;
  webhookSecret: string | null;
  sim: SimSettings;
}

export interface TelephonyPatch {
  adapter?: AdapterName;
  webhookUrl?: string | null;
  sim?: Partial<SimSettings>;
}

const newSecret = () => `tlsec_${randomBytes(32).toString('base64url')}`;

/**
 * Per-project telephony settings: which adapter serves the project, the hosted PBX's URL and secret,
 * the simulator's traffic. Held in memory (the webhook adapter verifies signatures from it on the hot
 * path), applied to the hub at start and on every change, in every process via `telephony.changed`.
 */
export class TelephonySettings {
  private readonly memory = new Map<string, ProjectTelephony>();
  private readonly listeners: Array<(projectId: string) => void> = [];
  private off: () => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly hub: TelephonyHub,
    private readonly defaultAdapter: AdapterName,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    for (const row of await this.db.selectFrom('telephony_settings').selectAll().execute()) this.apply(row.project_id, toMemory(row));
    this.off = this.bus.subscribe((e, meta) => {
      if (e.type !== 'telephony.changed' || meta.local) return;
      this.reload(e.projectId).catch((err) => this.log.error({ err, projectId: e.projectId }, 'telephony settings reload failed'));
    });
  }

  close(): void {
    this.off();
  }

  /** Called after a project's settings change (in this process or another). */
  onChange(listener: (projectId: string) => void): void {
    this.listeners.push(listener);
  }

  /** The project's settings from memory; a project that never saved any gets the defaults. */
  peek(projectId: string): ProjectTelephony {
    return this.memory.get(projectId) ?? { adapter: this.defaultAdapter, webhookUrl: null, webhookSecret: null, sim: { ...DEFAULT_SIM_SETTINGS } };
  }

  /** Projects with saved settings (the simulator's traffic starts for these). */
  projects(): string[] {
    return [...this.memory.keys()];
  }

  async update(projectId: string, patch: TelephonyPatch, actor: Actor): Promise<ProjectTelephony> {
    const current = this.peek(projectId);
    const sim = simSettingsSchema.parse({ ...current.sim, ...patch.sim });
    const problem = outcomeSharesProblem(sim);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'sim' });
    const next: ProjectTelephony = { ...current, ...(patch.adapter && { adapter: patch.adapter }), ...(patch.webhookUrl !== undefined && { webhookUrl: patch.webhookUrl }), sim };
    await this.save(projectId, next, actor, { action: 'update', details: { fields: Object.keys(patch) } });
    this.changed(projectId, next, 'settings');
    return next;
  }

  /** A new signing secret for the hosted PBX; returned once, kept to sign commands and verify requests. */
  async rotateSecret(projectId: string, actor: Actor): Promise<{ secret: string }> {
    const secret = newSecret();
    const next = { ...this.peek(projectId), webhookSecret: secret };
    await this.save(projectId, next, actor, { action: 'rotate_secret', details: {} });
    this.changed(projectId, next, 'webhook_secret');
    return { secret };
  }

  private async save(projectId: string, s: ProjectTelephony, actor: Actor, audit: { action: string; details: Record<string, unknown> }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const row = { adapter: s.adapter, webhook_url: s.webhookUrl, webhook_secret: s.webhookSecret, sim: JSON.stringify(s.sim), updated_at: new Date() };
      await tx.insertInto('telephony_settings').values({ project_id: projectId, ...row }).onConflict((oc) => oc.column('project_id').doUpdateSet(row)).execute();
      await recordAudit(tx, { projectId, actor, action: audit.action, entity: 'telephony_settings', entityId: projectId, details: audit.details });
    });
  }

  private changed(projectId: string, s: ProjectTelephony, change: 'settings' | 'webhook_secret'): void {
    this.apply(projectId, s);
    this.bus.publish(projectId, 'telephony.changed', { change });
  }

  private async reload(projectId: string): Promise<void> {
    const row = await this.db.selectFrom('telephony_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
    if (row) this.apply(projectId, toMemory(row));
  }

  private apply(projectId: string, s: ProjectTelephony): void {
    this.memory.set(projectId, s);
    try {
      this.hub.use(projectId, s.adapter);
    } catch (err) {
      this.log.warn({ err, projectId, adapter: s.adapter }, 'telephony adapter not running; the default adapter serves the project');
    }
    for (const l of this.listeners) l(projectId);
  }
}

function toMemory(row: { adapter: AdapterName; webhook_url: string | null; webhook_secret: string | null; sim: unknown }): ProjectTelephony {
  const sim = simSettingsSchema.safeParse({ ...DEFAULT_SIM_SETTINGS, ...(row.sim as object) });
  return { adapter: row.adapter, webhookUrl: row.webhook_url, webhookSecret: row.webhook_secret, sim: sim.success ? sim.data : { ...DEFAULT_SIM_SETTINGS } };
}
