import type { DomainEvent } from '../../platform/events/bus.ts';
import { fixedRatioDials } from '../dialer/pacing-fixed.ts';
import { ANSWER_GRACE_SECONDS, predictiveDials } from '../dialer/pacing.ts';
import type { CampaignDeps } from './context.ts';
import { DncLists } from './dnc.ts';
import { hopperSize, refillHopper } from './hopper.ts';
import { callableAt } from './hours.ts';
import { busyAgents, CampaignRun, type AgentView, type HopperLead, type LiveCall } from './live.ts';
import type { Campaign } from './model.ts';
import { CallOutcomes, type Extensions } from './outcomes.ts';
import { CampaignTeam } from './team.ts';
import { claimLeads } from './claim.ts';
import { recordAttempt, runningCampaigns } from './repo.ts';
import { liveStats } from './stats.ts';
import { countWindows, pacingWindows } from './windows.ts';

const REFILL_MS = 10_000;
const COUNTS_MS = 5_000;
const SCAN_MS = 10_000;
const LOST_CALL_MS = 60_000;
/** The per-second event lists this many agents (events cross processes in 8 kB); GET .../stats lists all. */
const EVENT_AGENTS = 40;

/**
 * Until this many people have answered in the strictest window, a predictive campaign dials like a
 * progressive one: its answer-rate and handle-time estimates are not learned yet, and with few answers
 * one early abandon alone would put the rate over the target for a long time.
 */
export const COLD_START_ANSWERS = 30;

export const learning = (windows: readonly { answered: number }[]): boolean => windows.some((w) => w.answered < COLD_START_ANSWERS);

/**
 * The pacing runner: every second, per running campaign, it reads the live state (campaign agents from
 * presence, calls ringing and waiting, learned ring/talk times, the abandon budget), asks the pure pacing
 * policy how many calls to place, and dials leads from the hopper. Call events come back through `onEvent`.
 */
export class DialerRunner {
  readonly runs = new Map<string, CampaignRun>();
  readonly dnc: DncLists;
  readonly outcomes: CallOutcomes;
  private readonly byCall = new Map<string, CampaignRun>();
  readonly team: CampaignTeam;
  private timer: NodeJS.Timeout | undefined;
  private scannedAt = 0;

  constructor(readonly deps: CampaignDeps, private readonly tickMs: number) {
    this.dnc = new DncLists(deps.db);
    this.outcomes = new CallOutcomes(deps);
    this.team = new CampaignTeam(deps);
  }

  /** Starts the per-second timer (tests leave it off and call `tick` with their own clock). */
  startTimer(): void {
    if (this.timer || this.tickMs <= 0) return;
    this.timer = setInterval(() => void this.tickAll().catch((err) => this.deps.log.error({ err }, 'dialer tick failed')), this.tickMs);
    this.timer.unref();
  }

  stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async start(c: Campaign): Promise<void> {
    const run = this.runs.get(c.id);
    if (run) run.campaign = c;
    else this.runs.set(c.id, new CampaignRun(c));
  }

  update(c: Campaign): void {
    const run = this.runs.get(c.id);
    if (run) {
      run.campaign = c;
      run.hopperAt = 0;
    }
  }

  /** Stops dialing; calls already placed still end normally and count. */
  stop(campaignId: string): void {
    const run = this.runs.get(campaignId);
    if (!run) return;
    run.campaign = { ...run.campaign, status: 'stopped' };
    if (!run.calls.size) this.runs.delete(campaignId);
  }

  async tickAll(now = this.deps.clock.now()): Promise<void> {
    if (this.tickMs > 0 && Date.now() - this.scannedAt >= SCAN_MS) await this.adoptRunning();
    await Promise.all([...this.runs.values()].map((run) => this.tick(run, now)));
  }

  /** Picks up campaigns set running outside the API (the demo seed, a restore), so they dial too. */
  async adoptRunning(): Promise<void> {
    this.scannedAt = Date.now();
    for (const c of await runningCampaigns(this.deps.db)) if (!this.runs.has(c.id)) await this.start(c);
  }

  async tick(run: CampaignRun, now = this.deps.clock.now()): Promise<void> {
    if (run.ticking) return;
    run.ticking = true;
    try {
      const c = run.campaign;
      if (now - run.lastDecay >= 60_000) {
        if (run.lastDecay) run.estimates.decay();
        run.lastDecay = now;
      }
      if (!run.counts || now - run.countsAt >= COUNTS_MS) await this.refreshCounts(run, now);
      const ext = await this.team.extensions(c, now);
      await this.sweep(run, now);
      await this.outcomes.serveWaiting(run, ext, now);
      const agents = await this.team.views(c);
      if (c.status === 'running' && (c.mode === 'predictive' || c.mode === 'progressive')) await this.pace(run, agents, ext, now);
      if (c.status === 'running' && c.mode === 'preview') await this.dialDuePreviews(run, now);
      if (c.status === 'stopped' && !run.calls.size) this.runs.delete(c.id);
      const stats = await liveStats(this.deps.db, run, agents, now);
      this.deps.bus.publish(c.projectId, 'campaign.stats', { ...stats, agents: stats.agents.slice(0, EVENT_AGENTS) });
    } finally {
      run.ticking = false;
    }
  }

  /** A ringing call the PBX never reported on (lost events) is given up after its ring time and a margin. */
  private async sweep(run: CampaignRun, now: number): Promise<void> {
    const limit = run.campaign.ringSeconds * 1000 + LOST_CALL_MS;
    for (const call of [...run.calls.values()]) {
      if (call.state !== 'ringing' || now - call.placedAt < limit) continue;
      this.byCall.delete(call.callId);
      await this.outcomes.ended(run, call, 'no_answer', now);
    }
  }

  /** How many calls to place now (pure policies), then place them. */
  private async pace(run: CampaignRun, agents: AgentView[], ext: Extensions, now: number): Promise<void> {
    const c = run.campaign;
    const ready = agents.filter((a) => a.state === 'available' && !a.taskId && ext.has(a.id)).length;
    const base = { readyAgents: ready, ringing: run.count('ringing'), waiting: run.count('waiting'), linesInUse: run.calls.size, lines: c.maxLines };
    const windows = pacingWindows(run.counts!, c.abandonWindows, c.abandonTarget);
    const n = c.mode === 'progressive' || learning(windows)
      ? fixedRatioDials(1, base)
      : predictiveDials({
        ...base, busyAgents: busyAgents(agents.filter((a) => ext.has(a.id)), now), ringingAges: run.ringingAges(now),
        estimates: run.estimates.current, windows,
      });
    if (n <= 0) return;
    if (run.hopper.length < n || now - run.hopperAt >= REFILL_MS || run.hopper.length < hopperSize(c.maxLines) / 2) await refillHopper(this.deps.db, run, now, await this.prioritySettings(c));
    const leads = run.hopper.filter((l) => callableAt(c.callingHours, l.timezone, now)).slice(0, n);
    run.hopper = run.hopper.filter((l) => !leads.includes(l));
    for (const lead of await this.claim(run, leads, now)) await this.place(run, lead, null, now);
  }

  /** Skips DNC numbers (recorded) and marks the rest `dialling` (guarded: a lead is dialled once). */
  claim(run: CampaignRun, leads: HopperLead[], now: number): Promise<HopperLead[]> {
    return claimLeads(this.deps, this.dnc, run, leads, now);
  }

  /** Places one campaign call with the campaign's caller ID and the numbers domain's trunks. */
  async place(run: CampaignRun, lead: HopperLead, reserved: { agentId: string; taskId: string | null } | null, now: number): Promise<LiveCall | null> {
    const c = run.campaign;
    const numbers = this.deps.numbers?.();
    const callerId = c.callerId.mode === 'fixed' ? c.callerId.number : numbers?.callerIdFor(c.projectId, { phone: lead.phone })?.number;
    const trunks = numbers?.trunksFor(c.projectId, lead.phone).map((t) => ({ trunkId: t.trunkId, name: t.name }));
    let callId: string;
    try {
      ({ callId } = await this.deps.telephony.dial(
        { projectId: c.projectId, to: lead.phone, ringSeconds: c.ringSeconds, ...(callerId && { callerId }) },
        { campaignId: c.id, leadId: lead.id, contactId: lead.contactId, agentId: reserved?.agentId ?? null, taskId: reserved?.taskId ?? null, ...(trunks?.length && { trunks }) },
      ));
    } catch (err) {
      this.deps.log.warn({ err, leadId: lead.id }, 'campaign dial failed');
      await this.outcomes.finish(run, { callId: '', leadId: lead.id, phone: lead.phone, agentId: null }, 'failed', now);
      return null;
    }
    const call: LiveCall = {
      callId, leadId: lead.id, phone: lead.phone, contactId: lead.contactId, placedAt: now, state: 'ringing', answeredAt: null,
      agentId: reserved?.agentId ?? null, taskId: reserved?.taskId ?? null, reserved: !!reserved, connecting: false,
    };
    run.calls.set(callId, call);
    this.byCall.set(callId, run);
    await recordAttempt(this.deps.db, { projectId: c.projectId, campaignId: c.id, leadId: lead.id, phone: lead.phone, at: now, outcome: 'dialled', callId, agentId: reserved?.agentId ?? null });
    this.deps.bus.publish(c.projectId, 'campaign.dialled', { campaignId: c.id, leadId: lead.id, callId, phone: lead.phone, agentId: reserved?.agentId ?? null });
    return call;
  }

  /** Follows a call placed for the campaign elsewhere (callbacks originate their own calls). */
  track(callId: string, run: CampaignRun): void {
    this.byCall.set(callId, run);
  }

  /** Call events of calls this process placed; anything else is ignored. */
  async onEvent(e: DomainEvent, now = this.deps.clock.now()): Promise<void> {
    if (e.type !== 'call.answered' && e.type !== 'call.ended') return;
    const callId = (e.payload as { callId: string }).callId;
    const run = this.byCall.get(callId);
    const call = run?.calls.get(callId);
    if (!run || !call) return;
    if (e.type === 'call.answered') {
      const p = e.payload as { answeredBy: 'human' | 'machine' | null };
      const ext = await this.team.extensions(run.campaign, now);
      await this.outcomes.answered(run, call, p.answeredBy, ext, now);
      if (call.state === 'waiting' && this.tickMs > 0) this.atGraceEnd(run, ext);
    } else {
      this.byCall.delete(callId);
      await this.outcomes.ended(run, call, (e.payload as { cause: string }).cause, now);
    }
  }

  /** The 2 s grace is checked when it ends, not at the next tick, so an abandon is never late. */
  private atGraceEnd(run: CampaignRun, ext: Extensions): void {
    const t = setTimeout(() => void this.outcomes.serveWaiting(run, ext, this.deps.clock.now()).catch((err) => this.deps.log.error({ err }, 'abandon check failed')), ANSWER_GRACE_SECONDS * 1000 + 10);
    t.unref();
  }

  /** An agent became free: waiting answered calls get them at once instead of at the next tick. */
  async agentFree(projectId: string, now = this.deps.clock.now()): Promise<void> {
    for (const run of this.runs.values()) {
      if (run.campaign.projectId !== projectId || !run.count('waiting')) continue;
      await this.outcomes.serveWaiting(run, await this.team.extensions(run.campaign, now), now);
    }
  }

  async refreshCounts(run: CampaignRun, now: number): Promise<void> {
    const tz = (await this.deps.routing.project(run.campaign.projectId)).timezone;
    run.counts = await countWindows(this.deps.db, run.campaign.id, now, tz);
    run.countsAt = now;
  }

  /** The campaign queue's priority weights (the routing engine's model orders the hopper). */
  private async prioritySettings(c: Campaign) {
    if (!c.queueId) return undefined;
    return (await this.deps.routing.project(c.projectId)).queues.get(c.queueId)?.settings;
  }

  private async dialDuePreviews(run: CampaignRun, now: number): Promise<void> {
    for (const [agentId, p] of run.previews) if (p.dialAt <= now) await this.previewDial?.(run, agentId, p.leadId, now);
  }

  /** Set by the preview service: dials an agent's reserved lead when its countdown ends. */
  previewDial?: (run: CampaignRun, agentId: string, leadId: string, now: number) => Promise<void>;
}
