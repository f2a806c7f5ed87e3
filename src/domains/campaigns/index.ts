import { sql } from 'kysely';
import { complete } from '../tasks/work-actions.ts';
import { CallbackService } from './callbacks.ts';
import { CampaignService } from './campaign-service.ts';
import type { CampaignDeps } from './context.ts';
import { LeadImporter } from './lead-import.ts';
import { LeadService } from './lead-service.ts';
import { PreviewService } from './preview.ts';
import { DialerRunner } from './runner.ts';

export type { CampaignDeps, Clock, NumbersPort } from './context.ts';

/**
 * Leads left `dialling` by a stop in the middle of their call (this process held the call in memory) are due
 * again at once: their call's outcome is unknown, so it is not counted as an attempt of any rule. The agents
 * those calls held get their call task completed, so they are not busy forever.
 */
async function recoverInterrupted(deps: CampaignDeps): Promise<void> {
  const now = new Date(deps.clock.now());
  await deps.db.updateTable('leads').set({ status: 'retry', next_attempt_at: now, updated_at: now }).where('status', '=', 'dialling').execute();
  const orphans = await deps.db.selectFrom('tasks').select(['id', 'project_id', 'agent_id']).where('status', '=', 'accepted')
    .where(sql<boolean>`details->>'dialerCall' = 'true'`).execute();
  const eng = deps.routing;
  for (const t of orphans) {
    await eng.run(t.project_id, async (ps) => {
      const a = ps.agents.get(t.agent_id ?? '');
      if (a && a.presence.taskId === t.id && a.presence.state === 'busy') await complete(eng, ps, a, t.id, 'call_lost', 'the call ended while Switchboard was stopped');
    }).catch((err) => deps.log.warn({ err, taskId: t.id }, 'could not close a dialer call task left from before the restart'));
  }
}

/**
 * The dialer's campaigns domain: configuration, leads, DNC lists, the per-second pacing runner, preview and
 * callback campaigns. `start` resumes every running campaign and follows call and presence events.
 */
export function createCampaigns(deps: CampaignDeps, opts: { tickMs: number }) {
  const runner = new DialerRunner(deps, opts.tickMs);
  const campaigns = new CampaignService(deps, runner);
  const leads = new LeadService(deps);
  const imports = new LeadImporter(deps);
  const preview = new PreviewService(deps, runner);
  const callbacks = new CallbackService(deps, runner);
  let off: (() => void) | undefined;

  const pending = new Set<Promise<unknown>>();
  const handle = (work: Promise<unknown>, type: string) => {
    const p = work.catch((err) => deps.log.error({ err, type }, 'dialer event handling failed')).finally(() => pending.delete(p));
    pending.add(p);
  };
  const follow = () => deps.bus.subscribe((e) => {
    const p = e.payload as unknown as Record<string, string>;
    if (e.type === 'call.answered' || e.type === 'call.ended') handle(runner.onEvent(e), e.type);
    else if (e.type === 'agent.state_changed' && p.to === 'available') handle(runner.agentFree(e.projectId), e.type);
    else if (e.type === 'task.accepted') handle(callbacks.accepted(e.projectId, p.taskId!, p.agentId!), e.type);
    else if (e.type === 'call_routing.changed' && p.change === 'extensions') runner.team.forget(e.projectId);
  });

  return {
    campaigns,
    leads,
    imports,
    preview,
    callbacks,
    runner,
    dnc: runner.dnc,
    /** Resolves once every call and presence event received so far has been handled (tests await it). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    /** Replaces the domain's clock (tests move time by hand). */
    setClock(now: () => number): void {
      deps.clock.now = now;
    },
    /** Resumes running campaigns (after a restart) and starts the per-second runner. */
    async start(): Promise<void> {
      off ??= follow();
      await recoverInterrupted(deps);
      await runner.adoptRunning();
      runner.startTimer();
    },
    async stop(): Promise<void> {
      off?.();
      off = undefined;
      runner.stopTimer();
      await imports.stop();
    },
  };
}

export type Campaigns = ReturnType<typeof createCampaigns>;
