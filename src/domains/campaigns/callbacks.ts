import type { Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { createTasks } from '../tasks/task-service.ts';
import { agentOfUser } from '../tasks/txn.ts';
import { complete, scheduleCallback } from '../tasks/work-actions.ts';
import type { CampaignDeps } from './context.ts';
import { callableAt, dialable, leadZone, nextCallable } from './hours.ts';
import type { Campaign } from './model.ts';
import { loadCampaign, projectFacts, recordAttempt } from './repo.ts';
import type { DialerRunner } from './runner.ts';
import type { z } from 'zod';
import type { CallbackBody } from './schemas.ts';

/**
 * The callback campaign: a callback is a lead of the campaign plus a scheduled task in its queue,
 * owned by the lead's own agent, so the routing calendar brings it to that agent at the time (and to anyone
 * after the campaign's fallback wait). When an agent takes it, the agent's phone rings, then the customer's.
 */
export class CallbackService {
  constructor(private readonly deps: CampaignDeps, private readonly runner: DialerRunner) {}

  async schedule(projectId: string, campaignId: string, input: z.infer<typeof CallbackBody>, actor: Actor, userId: string | null) {
    const c = await loadCampaign(this.deps.db, projectId, campaignId);
    if (c.mode !== 'callback') throw new AppError('VALIDATION_FAILED', 'campaignId: callbacks are scheduled in a callback campaign');
    if (!c.queueId) throw new AppError('CAMPAIGN_SETTINGS_INVALID', 'queueId: a callback campaign needs a queue', { problem: 'no_queue' });
    const facts = await projectFacts(this.deps.db, projectId);
    const phone = dialable(input.phone, facts.country);
    if (!phone) throw new AppError('LEAD_NOT_DIALABLE', `phone: "${input.phone}" is not a dialable number`);
    const origin = input.leadId ? await this.deps.db.selectFrom('leads').selectAll().where('id', '=', input.leadId).where('project_id', '=', projectId).executeTakeFirst() : undefined;
    const zone = leadZone({ timezone: origin?.timezone, phone, projectTimezone: facts.timezone });
    const at = nextCallable(c.callingHours, zone, Math.max(Date.parse(input.at), this.deps.clock.now() + 1000));
    if (at === null) throw new AppError('CAMPAIGN_SETTINGS_INVALID', 'callingHours: the calling hours never open for this number', { problem: 'calling_hours_never_open' });
    const owner = input.ownerAgentId ?? (await this.ownerOf(projectId, origin?.id, userId));
    const details = { ...((origin?.details as Record<string, unknown>) ?? {}), ...(input.details ?? {}) };
    const lead = await this.deps.db.insertInto('leads').values({
      project_id: projectId, campaign_id: c.id, phone, name: input.name ?? origin?.name ?? '', external_id: origin?.external_id ?? null,
      contact_id: input.contactId ?? origin?.contact_id ?? null, timezone: zone, value: origin?.value ?? 0, details: JSON.stringify(details),
      next_attempt_at: new Date(at),
    }).returning('id').executeTakeFirstOrThrow().catch((err: { code?: string }) => {
      if (err.code === '23505') throw new AppError('LEAD_DUPLICATE', 'A callback for this number is already scheduled in the campaign');
      throw err;
    });
    const eng = this.deps.routing;
    const [task] = await eng.run(projectId, (ps) => createTasks(eng, ps, [{
      queueId: c.queueId!, title: `Callback: ${input.name ?? origin?.name ?? phone}`, phones: [phone], scheduledAt: new Date(at).toISOString(),
      ...(owner && { ownerAgentId: owner }), details: { ...details, campaignId: c.id, leadId: lead.id, notes: input.notes ?? null },
      ...((input.contactId ?? origin?.contact_id) && { contactId: (input.contactId ?? origin?.contact_id)! }),
    }], actor)).catch(async (err) => {
      await this.deps.db.deleteFrom('leads').where('id', '=', lead.id).execute();
      throw err;
    });
    await this.deps.db.updateTable('leads').set({ task_id: task!.id }).where('id', '=', lead.id).execute();
    return { taskId: task!.id, leadId: lead.id, at: new Date(at).toISOString(), ownerAgentId: owner ?? null };
  }

  /** `task.accepted`: when the task is a callback of a running callback campaign, ring the agent, then the customer. */
  async accepted(projectId: string, taskId: string, agentId: string): Promise<void> {
    if (![...this.runner.runs.values()].some((r) => r.campaign.projectId === projectId && r.campaign.mode === 'callback')) return;
    const lead = await this.deps.db.selectFrom('leads').selectAll().where('task_id', '=', taskId).where('project_id', '=', projectId).executeTakeFirst();
    if (!lead) return;
    const run = this.runner.runs.get(lead.campaign_id);
    if (!run || run.campaign.status !== 'running' || run.campaign.mode !== 'callback') return;
    const now = this.deps.clock.now();
    if (!callableAt(run.campaign.callingHours, lead.timezone, now)) return this.postpone(run.campaign, lead.timezone, taskId, agentId, now);
    const ext = (await this.runner.team.extensions(run.campaign, now)).get(agentId);
    const callerId = this.callerId(run.campaign, lead.phone);
    try {
      if (!ext) throw new AppError('AGENT_NOT_FOUND', 'The agent has no extension to ring');
      const { callId } = await this.deps.telephony.originate({ projectId, agentId, extension: ext, to: lead.phone, ...(callerId && { callerId }) }, { campaignId: lead.campaign_id, leadId: lead.id, contactId: lead.contact_id, taskId });
      run.calls.set(callId, { callId, leadId: lead.id, phone: lead.phone, contactId: lead.contact_id, placedAt: now, state: 'connected', answeredAt: now, agentId, taskId, reserved: true, connecting: false });
      this.runner.track(callId, run);
      await recordAttempt(this.deps.db, { projectId, campaignId: lead.campaign_id, leadId: lead.id, phone: lead.phone, at: now, outcome: 'callback', callId, agentId });
      await this.deps.db.updateTable('leads').set({ status: 'done', last_outcome: 'callback', attempts: lead.attempts + 1, updated_at: new Date(now) }).where('id', '=', lead.id).execute();
      this.deps.bus.publish(projectId, 'campaign.dialled', { campaignId: lead.campaign_id, leadId: lead.id, callId, phone: lead.phone, agentId });
    } catch (err) {
      this.deps.log.warn({ err, taskId }, 'callback call could not be placed');
      await this.runner.outcomes.finish(run, { callId: '', leadId: lead.id, phone: lead.phone, agentId }, 'failed', now);
      const eng = this.deps.routing;
      await eng.run(projectId, async (ps) => {
        const a = ps.agents.get(agentId);
        if (a) await complete(eng, ps, a, taskId, 'callback_failed', err instanceof Error ? err.message : null);
      }).catch(() => undefined);
    }
  }

  private callerId(c: Campaign, phone: string): string | undefined {
    return c.callerId.mode === 'fixed' ? c.callerId.number : this.deps.numbers?.()?.callerIdFor(c.projectId, { phone })?.number;
  }

  /** Outside the customer's calling hours (the fallback ran late): back on the calendar at their next opening. */
  private async postpone(c: Campaign, zone: string, taskId: string, agentId: string, now: number): Promise<void> {
    const at = nextCallable(c.callingHours, zone, now);
    if (at === null) return;
    const eng = this.deps.routing;
    await eng.run(c.projectId, async (ps) => {
      const a = ps.agents.get(agentId);
      if (a) await scheduleCallback(eng, ps, a, taskId, at, 'moved to the customer\'s calling hours');
    }).catch((err) => this.deps.log.warn({ err, taskId }, 'callback could not be postponed'));
  }

  /** the agent who scheduled it, else the agent who last talked to the lead. */
  private async ownerOf(projectId: string, leadId: string | undefined, userId: string | null): Promise<string | undefined> {
    const eng = this.deps.routing;
    if (userId) {
      const mine = await eng.run(projectId, (ps) => agentOfUser(eng, ps, userId)).catch(() => undefined);
      if (mine) return mine.id;
    }
    if (!leadId) return undefined;
    const last = await this.deps.db.selectFrom('lead_attempts').select('agent_id').where('lead_id', '=', leadId).where('outcome', '=', 'human').where('agent_id', 'is not', null)
      .orderBy('at', 'desc').limit(1).executeTakeFirst();
    return last?.agent_id ?? undefined;
  }
}
