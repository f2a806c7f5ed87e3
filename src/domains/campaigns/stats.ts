import type { Db } from '../../platform/db/db.ts';
import type { CampaignStatsPayload } from '../../platform/events/bus.ts';
import { budgetLeft } from '../dialer/pacing.ts';
import type { AgentView, CampaignRun } from './live.ts';
import { LEAD_STATUSES } from './schemas.ts';
import { pacingWindows } from './windows.ts';

const leadCounts = new WeakMap<CampaignRun, { at: number; counts: Record<string, number> }>();

/** Lead counts per status, re-read at most every 5 s (the live view does not need them sharper). */
async function countLeads(db: Db, run: CampaignRun, now: number): Promise<Record<string, number>> {
  const hit = leadCounts.get(run);
  if (hit && now - hit.at < 5000 && hit.at <= now) return hit.counts;
  const rows = await db.selectFrom('leads').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('campaign_id', '=', run.campaign.id).groupBy('status').execute();
  const counts: Record<string, number> = Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0]));
  for (const r of rows) counts[r.status] = Number(r.n);
  leadCounts.set(run, { at: now, counts });
  return counts;
}

/** The live view of one campaign (docs/campaigns.md "Live stats"), also published as `campaign.stats`. */
export async function liveStats(db: Db, run: CampaignRun, agents: AgentView[], now: number): Promise<CampaignStatsPayload> {
  const c = run.campaign;
  const counts = run.counts ?? { today: zero(), '24h': zero(), '30d': zero(), dialsToday: 0, machineToday: 0 };
  const onCall = new Map<string, string>();
  for (const call of run.calls.values()) if (call.agentId) onCall.set(call.agentId, call.callId);
  const loggedIn = agents.filter((a) => a.state !== 'offline').length;
  return {
    campaignId: c.id, status: c.status, mode: c.mode,
    dialLevel: run.dialLevel(loggedIn),
    linesInUse: run.calls.size, maxLines: c.maxLines, ringing: run.count('ringing'), waiting: run.count('waiting'), connected: run.count('connected'),
    hopper: run.hopper.length,
    leads: await countLeads(db, run, now),
    today: { dials: counts.dialsToday, answered: counts.today.answered, machine: counts.machineToday, abandoned: counts.today.abandoned },
    windows: { today: withRate(counts.today), '24h': withRate(counts['24h']), '30d': withRate(counts['30d']) },
    abandonTarget: c.abandonTarget,
    budgetLeft: Math.round(budgetLeft(pacingWindows(counts, c.abandonWindows, c.abandonTarget)) * 1000) / 1000,
    agentsTotal: agents.length,
    agents: agents.map((a) => ({ agentId: a.id, name: a.name, state: a.state, since: new Date(a.since).toISOString(), callId: onCall.get(a.id) ?? null })),
  };
}

const zero = () => ({ answered: 0, abandoned: 0, rate: 0 });
const withRate = (w: { answered: number; abandoned: number }) => ({ answered: w.answered, abandoned: w.abandoned, rate: w.answered ? Math.round((w.abandoned / w.answered) * 10_000) / 10_000 : 0 });
