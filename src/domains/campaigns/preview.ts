import { AppError } from '../../platform/errors.ts';
import { assignCall } from '../tasks/direct.ts';
import { agentOfUser } from '../tasks/txn.ts';
import { withoutDnc } from './claim.ts';
import type { CampaignDeps } from './context.ts';
import { refillHopper } from './hopper.ts';
import type { CampaignRun, HopperLead } from './live.ts';
import { loadCampaign, presentLead, recordAttempt } from './repo.ts';
import type { DialerRunner } from './runner.ts';

const SKIP_MS = 10 * 60_000;

/**
 * Preview dialing: the agent sees the next lead with a countdown; it is dialled when the agent clicks, or by the
 * runner when the countdown ends. The agent is reserved before the customer rings, so it is never abandoned.
 */
export class PreviewService {
  constructor(private readonly deps: CampaignDeps, private readonly runner: DialerRunner) {
    runner.previewDial = (run, agentId, leadId, now) => this.dial(run, agentId, leadId, now).then(() => undefined, (err) => {
      run.previews.delete(agentId);
      this.deps.log.info({ err, leadId }, 'preview countdown dial not possible; the lead goes back');
      return this.release(leadId, now);
    });
  }

  /** The agent's reserved lead, or the best next one reserved now; null when nothing is dialable. */
  async next(projectId: string, campaignId: string, userId: string) {
    const { run, agentId } = await this.context(projectId, campaignId, userId);
    const now = this.deps.clock.now();
    const mine = run.previews.get(agentId);
    if (mine) return this.answer(mine.leadId, mine.dialAt, now);
    for (let tries = 0; tries < 3; tries++) {
      if (!run.hopper.length) await refillHopper(this.deps.db, run, now);
      const lead = run.hopper.shift();
      if (!lead) return null;
      const [ok] = await withoutDnc(this.deps, this.runner.dnc, run, [lead], now);
      if (!ok) continue;
      const dialAt = now + run.campaign.previewSeconds * 1000;
      const got = await this.deps.db.updateTable('leads').set({ reserved_agent_id: agentId, reserved_until: new Date(dialAt + 60_000), updated_at: new Date(now) })
        .where('id', '=', ok.id).where('status', 'in', ['ready', 'retry'])
        .where((eb) => eb.or([eb('reserved_until', 'is', null), eb('reserved_until', '<', new Date(now))])).returning('id').executeTakeFirst();
      if (!got) continue;
      run.previews.set(agentId, { leadId: ok.id, dialAt });
      this.deps.bus.publish(projectId, 'campaign.preview', { campaignId, agentId, leadId: ok.id, dialAt: new Date(dialAt).toISOString() });
      return this.answer(ok.id, dialAt, now);
    }
    return null;
  }

  async dialNow(projectId: string, campaignId: string, userId: string, leadId: string) {
    const { run, agentId } = await this.context(projectId, campaignId, userId);
    if (run.previews.get(agentId)?.leadId !== leadId) throw new AppError('LEAD_NOT_RESERVED', 'This lead is not reserved for you; ask for the next preview lead');
    return this.dial(run, agentId, leadId, this.deps.clock.now());
  }

  async skip(projectId: string, campaignId: string, userId: string, leadId: string): Promise<void> {
    const { run, agentId } = await this.context(projectId, campaignId, userId);
    if (run.previews.get(agentId)?.leadId !== leadId) throw new AppError('LEAD_NOT_RESERVED', 'This lead is not reserved for you');
    run.previews.delete(agentId);
    const now = this.deps.clock.now();
    const r = await this.deps.db.updateTable('leads').set({ reserved_agent_id: null, reserved_until: null, next_attempt_at: new Date(now + SKIP_MS), last_outcome: 'skipped', updated_at: new Date(now) })
      .where('id', '=', leadId).returning('phone').executeTakeFirst();
    if (!r) return;
    await recordAttempt(this.deps.db, { projectId, campaignId, leadId, phone: r.phone, at: now, outcome: 'skipped', agentId });
    this.deps.bus.publish(projectId, 'campaign.lead_skipped', { campaignId, leadId, phone: r.phone, reason: 'agent' });
  }

  /** Reserves the agent (an accepted task, when the campaign has a queue), then dials the lead for them. */
  private async dial(run: CampaignRun, agentId: string, leadId: string, now: number): Promise<{ callId: string }> {
    const c = run.campaign;
    const row = await this.deps.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirst();
    if (!row) throw new AppError('LEAD_NOT_FOUND', 'Lead not found');
    const lead: HopperLead = { id: row.id, phone: row.phone, name: row.name, contactId: row.contact_id, value: Number(row.value), details: row.details as Record<string, unknown>, timezone: row.timezone, score: 0 };
    let taskId: string | null = null;
    if (c.queueId) {
      const got = await assignCall(this.deps.routing, c.projectId, { queueId: c.queueId, agentIds: [agentId], title: `${c.name}: ${row.name || row.phone}`, phones: [row.phone], value: lead.value, details: { ...lead.details, campaignId: c.id, leadId, dialerCall: true }, contactId: row.contact_id });
      if (!got) throw new AppError('AGENT_STATE_CONFLICT', 'Be available (not on a break or another task) to dial a preview lead');
      taskId = got.taskId;
    }
    run.previews.delete(agentId);
    const [claimed] = await this.runner.claim(run, [lead], now);
    if (!claimed) throw new AppError('LEAD_NOT_RESERVED', 'The lead can no longer be dialled (on a DNC list or taken)');
    const call = await this.runner.place(run, claimed, { agentId, taskId }, now);
    if (!call) throw new AppError('TELEPHONY_TRUNK_FAILED', 'The call could not be placed; the lead will be retried');
    return { callId: call.callId };
  }

  private async release(leadId: string, now: number): Promise<void> {
    await this.deps.db.updateTable('leads').set({ reserved_agent_id: null, reserved_until: null, updated_at: new Date(now) }).where('id', '=', leadId).execute();
  }

  private async answer(leadId: string, dialAt: number, now: number) {
    const row = await this.deps.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();
    return { lead: presentLead(row), countdownSeconds: Math.max(0, Math.ceil((dialAt - now) / 1000)), dialAt: new Date(dialAt).toISOString() };
  }

  private async context(projectId: string, campaignId: string, userId: string) {
    const run = this.runner.runs.get(campaignId);
    if (!run || run.campaign.projectId !== projectId) await loadCampaign(this.deps.db, projectId, campaignId);
    if (!run || run.campaign.projectId !== projectId || run.campaign.status !== 'running' || run.campaign.mode !== 'preview') {
      throw new AppError('CAMPAIGN_NOT_RUNNING', 'This is not a running preview campaign');
    }
    const eng = this.deps.routing;
    const agent = await eng.run(projectId, (ps) => agentOfUser(eng, ps, userId));
    if (!run.campaign.agentIds.includes(agent.id)) throw new AppError('NOT_CAMPAIGN_AGENT', 'You do not work this campaign');
    return { run, agentId: agent.id };
  }
}
