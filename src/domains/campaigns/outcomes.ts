import { complete } from '../tasks/work-actions.ts';
import { assignCall } from '../tasks/direct.ts';
import { AppError } from '../../platform/errors.ts';
import { ANSWER_GRACE_SECONDS } from '../dialer/pacing.ts';
import type { CampaignDeps } from './context.ts';
import type { CampaignRun, LiveCall } from './live.ts';
import { recordAttempt } from './repo.ts';
import { afterAttempt, outcomeOfCause, type DialOutcome } from './retry.ts';

/** Agent id -> the PBX extension bridged calls ring (agents without one cannot take dialled calls). */
export type Extensions = Map<string, string>;

/**
 * What happens to a campaign call after it is placed: a person answers -> an agent is bridged within the 2 s
 * grace or the call is abandoned with the recorded message; a machine is hung up; every ending decides the
 * lead's next attempt by the campaign's retry rules.
 */
export class CallOutcomes {
  constructor(private readonly deps: CampaignDeps) {}

  /** `call.answered` for a call this campaign placed. */
  async answered(run: CampaignRun, call: LiveCall, answeredBy: 'human' | 'machine' | null, ext: Extensions, now: number): Promise<void> {
    if (call.state !== 'ringing') return;
    run.estimates.onRingEnd(Math.round((now - call.placedAt) / 1000), answeredBy !== 'machine');
    if (answeredBy === 'machine') {
      run.calls.delete(call.callId);
      await this.deps.telephony.hangup(run.campaign.projectId, call.callId).catch((err) => this.deps.log.warn({ err, callId: call.callId }, 'hanging up a machine failed'));
      await this.release(run, call);
      return this.finish(run, call, 'machine', now);
    }
    call.state = 'waiting';
    call.answeredAt = now;
    await this.serve(run, call, ext, now);
  }

  /** `call.ended`: the ringing, waiting or connected call is over. */
  async ended(run: CampaignRun, call: LiveCall, cause: string, now: number): Promise<void> {
    run.calls.delete(call.callId);
    if (call.state === 'ringing') {
      run.estimates.onRingEnd(Math.round((now - call.placedAt) / 1000), false);
      await this.release(run, call);
      return this.finish(run, call, outcomeOfCause(cause), now);
    }
    if (call.state === 'waiting') {
      await this.release(run, call);
      return this.abandoned(run, call, now, false);
    }
    if (call.answeredAt) run.estimates.onTalkEnd(Math.max(1, (now - call.answeredAt) / 1000));
    await this.release(run, call);
  }

  /** Every waiting call: an agent if one is free, else abandoned once the grace is over. */
  async serveWaiting(run: CampaignRun, ext: Extensions, now: number): Promise<void> {
    for (const call of [...run.calls.values()]) if (call.state === 'waiting' && !call.connecting) await this.serve(run, call, ext, now);
  }

  private async serve(run: CampaignRun, call: LiveCall, ext: Extensions, now: number): Promise<void> {
    if (call.connecting) return;
    call.connecting = true;
    try {
      if (await this.connect(run, call, ext, now)) return;
      if (now - (call.answeredAt ?? now) >= ANSWER_GRACE_SECONDS * 1000) {
        run.calls.delete(call.callId);
        await this.deps.telephony.abandon(run.campaign.projectId, call.callId).catch((err) => this.deps.log.warn({ err, callId: call.callId }, 'abandon failed'));
        await this.abandoned(run, call, now, true);
      }
    } finally {
      call.connecting = false;
    }
  }

  /** Bridges the call to its reserved agent, or to the campaign agent idle longest (as an accepted task). */
  private async connect(run: CampaignRun, call: LiveCall, ext: Extensions, now: number): Promise<boolean> {
    const c = run.campaign;
    if (!call.agentId) {
      if (!c.queueId) return false;
      const got = await assignCall(this.deps.routing, c.projectId, {
        queueId: c.queueId, agentIds: c.agentIds.filter((id) => ext.has(id)), title: `${c.name}: ${call.phone}`, phones: [call.phone],
        value: 0, details: { campaignId: c.id, leadId: call.leadId, callId: call.callId, dialerCall: true }, contactId: call.contactId,
      });
      if (!got) return false;
      call.agentId = got.agentId;
      call.taskId = got.taskId;
    }
    const extension = ext.get(call.agentId);
    try {
      if (!extension) throw new AppError('AGENT_NOT_FOUND', 'The agent has no extension');
      await this.deps.telephony.bridge(c.projectId, call.callId, extension);
    } catch (err) {
      this.deps.log.warn({ err, callId: call.callId, agentId: call.agentId }, 'bridging a campaign call failed');
      await this.release(run, call);
      call.agentId = null;
      call.taskId = null;
      return false;
    }
    call.state = 'connected';
    await this.finish(run, call, 'human', now);
    return true;
  }

  private async abandoned(run: CampaignRun, call: LiveCall, now: number, played: boolean): Promise<void> {
    this.deps.bus.publish(run.campaign.projectId, 'campaign.abandoned', { campaignId: run.campaign.id, leadId: call.leadId, callId: call.callId });
    for (const w of run.counts ? [run.counts.today, run.counts['24h'], run.counts['30d']] : []) {
      w.abandoned++;
      w.answered++;
    }
    this.deps.log.debug({ callId: call.callId, played }, 'campaign call abandoned');
    await this.finish(run, call, 'abandoned', now);
  }

  /** Ends the call's task (the agent goes to wrap-up) when the call had an agent. */
  private async release(run: CampaignRun, call: LiveCall): Promise<void> {
    if (!call.taskId || !call.agentId) return;
    const eng = this.deps.routing;
    const { agentId, taskId } = call;
    await eng.run(run.campaign.projectId, async (ps) => {
      const a = ps.agents.get(agentId);
      if (a && a.presence.taskId === taskId && a.presence.state === 'busy') await complete(eng, ps, a, taskId, 'call_ended', null);
    }).catch((err) => this.deps.log.debug({ err, taskId }, 'the campaign call task was already completed'));
  }

  /** Records the attempt's outcome and schedules the lead's next step by the campaign's retry rules. */
  async finish(run: CampaignRun, call: Pick<LiveCall, 'callId' | 'leadId' | 'phone' | 'agentId'>, outcome: DialOutcome, now: number): Promise<void> {
    const c = run.campaign;
    const { db } = this.deps;
    await recordAttempt(db, { projectId: c.projectId, campaignId: c.id, leadId: call.leadId, phone: call.phone, at: now, outcome, callId: call.callId, agentId: call.agentId });
    if (outcome === 'human' && run.counts) for (const w of [run.counts.today, run.counts['24h'], run.counts['30d']]) w.answered++;
    const n = await db.selectFrom('lead_attempts').select((eb) => eb.fn.countAll<string>().as('n')).where('lead_id', '=', call.leadId).where('outcome', '=', outcome).executeTakeFirstOrThrow();
    const next = afterAttempt(c, outcome, Number(n.n), now);
    await db.updateTable('leads').set({
      status: next.status, last_outcome: outcome, next_attempt_at: next.nextAttemptAt ? new Date(next.nextAttemptAt) : null, reserved_agent_id: null, reserved_until: null, updated_at: new Date(now),
    }).where('id', '=', call.leadId).execute();
    this.deps.bus.publish(c.projectId, 'campaign.call_result', {
      campaignId: c.id, leadId: call.leadId, callId: call.callId, outcome, agentId: call.agentId, nextAttemptAt: next.nextAttemptAt ? new Date(next.nextAttemptAt).toISOString() : null,
    });
  }
}
