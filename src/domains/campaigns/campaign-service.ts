import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { saveQueue } from '../tasks/queue-service.ts';
import type { CampaignDeps } from './context.ts';
import { contradictions, mergeSettings, NEEDED_CAPABILITIES, type Campaign, type CampaignStatus } from './model.ts';
import { loadCampaign, settingsOf, toCampaign } from './repo.ts';
import type { CampaignInput, CampaignPatchInput } from './schemas.ts';

const taken = (err: { code?: string }): never => {
  if (err.code === '23505') throw new AppError('CAMPAIGN_NAME_TAKEN', 'Another campaign of this project has this name');
  throw err;
};

function refuse(problems: ReturnType<typeof contradictions>, extra: Record<string, unknown> = {}): never {
  const first = problems[0]!;
  throw new AppError('CAMPAIGN_SETTINGS_INVALID', problems.map((p) => p.message).join('; '), { problem: first.problem, problems: problems.map((p) => p.problem), ...extra });
}

/** Campaign configuration: create, change, delete, list; start, pause and stop hand over to the runner. */
export class CampaignService {
  constructor(
    private readonly deps: CampaignDeps,
    private readonly runner: { start(c: Campaign): Promise<void>; stop(campaignId: string): void; update(c: Campaign): void },
  ) {}

  async list(projectId: string, agentOfUser?: string) {
    let q = this.deps.db.selectFrom('campaigns').selectAll().where('project_id', '=', projectId).orderBy('name');
    if (agentOfUser) q = q.where((eb) => eb(eb.val(agentOfUser), '=', eb.fn.any('agent_ids')));
    return { items: (await q.execute()).map(toCampaign) };
  }

  get(projectId: string, campaignId: string): Promise<Campaign> {
    return loadCampaign(this.deps.db, projectId, campaignId);
  }

  async create(projectId: string, input: CampaignInput, actor: Actor): Promise<Campaign> {
    const settings = mergeSettings(null, input);
    const shape = { mode: input.mode ?? 'predictive', agentIds: input.agentIds ?? [], queueId: input.queueId ?? null };
    const problems = contradictions(settings, shape, false);
    if (problems.length) refuse(problems);
    await this.checkRefs(projectId, shape);
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const r = await tx.insertInto('campaigns').values({
        project_id: projectId, name: input.name, mode: shape.mode, queue_id: shape.queueId, agent_ids: shape.agentIds, settings: settingsOf(settings),
      }).returningAll().executeTakeFirstOrThrow().catch(taken);
      await recordAudit(tx, { projectId, actor, action: 'campaign.create', entity: 'campaign', entityId: r.id, details: { name: r.name, mode: r.mode } });
      return r;
    });
    const c = toCampaign(row);
    await this.applyCallbackQueue(c);
    this.deps.bus.publish(projectId, 'campaign.changed', { campaignId: c.id, change: 'created' });
    return c;
  }

  async update(projectId: string, campaignId: string, patch: CampaignPatchInput, actor: Actor): Promise<Campaign> {
    const cur = await this.get(projectId, campaignId);
    const settings = mergeSettings(cur, patch);
    const shape = { mode: patch.mode ?? cur.mode, agentIds: patch.agentIds ?? cur.agentIds, queueId: patch.queueId === undefined ? cur.queueId : patch.queueId };
    const problems = contradictions(settings, shape, cur.status === 'running');
    if (problems.length) refuse(problems);
    await this.checkRefs(projectId, shape);
    if (cur.status === 'running' && shape.mode !== cur.mode) this.capable(projectId, shape.mode);
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('campaigns').set({
        name: patch.name ?? cur.name, mode: shape.mode, queue_id: shape.queueId, agent_ids: shape.agentIds, settings: settingsOf(settings), updated_at: new Date(),
      }).where('id', '=', campaignId).where('project_id', '=', projectId).returningAll().executeTakeFirstOrThrow().catch(taken);
      await recordAudit(tx, { projectId, actor, action: 'campaign.update', entity: 'campaign', entityId: campaignId, details: patch });
      return r;
    });
    const c = toCampaign(row);
    if (patch.callingHours) await this.unpark(c.id);
    await this.applyCallbackQueue(c);
    this.runner.update(c);
    this.deps.bus.publish(projectId, 'campaign.changed', { campaignId, change: 'updated' });
    return c;
  }

  async remove(projectId: string, campaignId: string, actor: Actor): Promise<void> {
    const cur = await this.get(projectId, campaignId);
    if (cur.status === 'running') throw new AppError('CAMPAIGN_RUNNING', 'Stop the campaign before deleting it');
    this.runner.stop(campaignId);
    await this.deps.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('campaigns').where('id', '=', campaignId).where('project_id', '=', projectId).execute();
      await recordAudit(tx, { projectId, actor, action: 'campaign.delete', entity: 'campaign', entityId: campaignId, details: { name: cur.name } });
    });
    this.deps.bus.publish(projectId, 'campaign.changed', { campaignId, change: 'deleted' });
  }

  /** Start refuses contradictions and a PBX that cannot run the mode, with a message naming what is missing. */
  async start(projectId: string, campaignId: string, actor: Actor): Promise<Campaign> {
    const cur = await this.get(projectId, campaignId);
    const problems = contradictions(cur, cur, true);
    if (problems.length) refuse(problems);
    await this.checkRefs(projectId, cur);
    this.capable(projectId, cur.mode);
    const c = await this.setStatus(projectId, cur, 'running', actor);
    await this.runner.start(c);
    return c;
  }

  async pause(projectId: string, campaignId: string, actor: Actor): Promise<Campaign> {
    const c = await this.setStatus(projectId, await this.get(projectId, campaignId), 'paused', actor);
    this.runner.update(c);
    return c;
  }

  async stop(projectId: string, campaignId: string, actor: Actor): Promise<Campaign> {
    const c = await this.setStatus(projectId, await this.get(projectId, campaignId), 'stopped', actor);
    this.runner.stop(campaignId);
    return c;
  }

  /** Throws CAMPAIGN_MODE_UNSUPPORTED when the project's adapter lacks a capability the mode needs. */
  capable(projectId: string, mode: Campaign['mode']): void {
    const adapter = this.deps.telephony.adapterFor(projectId);
    const missing = NEEDED_CAPABILITIES[mode].filter((k) => !adapter.capabilities[k]);
    if (!missing.length) return;
    throw new AppError('CAMPAIGN_MODE_UNSUPPORTED', `The ${adapter.name} adapter cannot ${missing.join(', ')}: ${mode} campaigns need a PBX that can (use the sim or webhook adapter)`, { adapter: adapter.name, mode, missing });
  }

  private async setStatus(projectId: string, cur: Campaign, status: CampaignStatus, actor: Actor): Promise<Campaign> {
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('campaigns').set({ status, updated_at: new Date() }).where('id', '=', cur.id).where('project_id', '=', projectId).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: `campaign.${status}`, entity: 'campaign', entityId: cur.id });
      return r;
    });
    const change = status === 'running' ? 'started' : status === 'paused' ? 'paused' : 'stopped';
    this.deps.bus.publish(projectId, 'campaign.changed', { campaignId: cur.id, change });
    return toCampaign(row);
  }

  /** New calling hours: leads parked for the old hours are looked at again (retries keep their own time). */
  private async unpark(campaignId: string): Promise<void> {
    await this.deps.db.updateTable('leads').set({ next_attempt_at: null }).where('campaign_id', '=', campaignId).where('status', '=', 'ready').where('attempts', '=', 0).execute();
  }

  private async checkRefs(projectId: string, c: { agentIds: string[]; queueId: string | null }): Promise<void> {
    const { db } = this.deps;
    if (c.agentIds.length) {
      const found = await db.selectFrom('agents').select('id').where('project_id', '=', projectId).where('id', 'in', c.agentIds).execute();
      const unknown = c.agentIds.filter((id) => !found.some((f) => f.id === id));
      if (unknown.length) throw new AppError('CAMPAIGN_SETTINGS_INVALID', `agentIds: not agents of this project: ${unknown.join(', ')}`, { problem: 'unknown_agent', agentIds: unknown });
    }
    if (c.queueId) {
      const q = await db.selectFrom('queues').select('id').where('project_id', '=', projectId).where('id', '=', c.queueId).executeTakeFirst();
      if (!q) throw new AppError('CAMPAIGN_SETTINGS_INVALID', 'queueId: no such queue in this project', { problem: 'unknown_queue' });
    }
  }

  /** A callback campaign's queue keeps callbacks with their owner, then falls back after the campaign's wait. */
  private async applyCallbackQueue(c: Campaign): Promise<void> {
    if (c.mode !== 'callback' || !c.queueId) return;
    const eng = this.deps.routing;
    await eng.run(c.projectId, (ps) => saveQueue(eng, ps, c.queueId, { settings: { ownerStickiness: true, ownerFallbackSeconds: c.callbackFallbackSeconds } }, { kind: 'system', id: null }));
  }
}
