import type { CampaignDeps } from './context.ts';
import type { DncLists } from './dnc.ts';
import type { CampaignRun, HopperLead } from './live.ts';
import { recordAttempt } from './repo.ts';

/** Marks leads `dialling` (guarded, so a lead is dialled once), after dropping those on a DNC list. */
export async function claimLeads(deps: CampaignDeps, dnc: DncLists, run: CampaignRun, leads: HopperLead[], now: number): Promise<HopperLead[]> {
  const ok = await withoutDnc(deps, dnc, run, leads, now);
  if (!ok.length) return [];
  const claimed = await deps.db.updateTable('leads').set((eb) => ({ status: 'dialling', attempts: eb('attempts', '+', 1), reserved_until: null, updated_at: new Date(now) }))
    .where('id', 'in', ok.map((l) => l.id)).where('status', 'in', ['ready', 'retry']).returning('id').execute();
  const ids = new Set(claimed.map((r) => r.id));
  return ok.filter((l) => ids.has(l.id));
}

/**
 * Leads whose number is on the project's or the organisation's DNC list are never dialled: they are marked
 * `dnc`, the skip is recorded in their attempts and announced as `campaign.lead_skipped`. The list is read
 * right before the dial, so a number added a second ago is already respected.
 */
export async function withoutDnc(deps: CampaignDeps, dnc: DncLists, run: CampaignRun, leads: HopperLead[], now: number): Promise<HopperLead[]> {
  if (!leads.length) return [];
  const c = run.campaign;
  const blocked = await dnc.blocked(c.projectId, leads.map((l) => l.phone));
  for (const l of leads.filter((x) => blocked.has(x.phone))) {
    const hit = await deps.db.updateTable('leads').set({ status: 'dnc', last_outcome: 'dnc', updated_at: new Date(now) }).where('id', '=', l.id).where('status', 'in', ['ready', 'retry']).returning('id').executeTakeFirst();
    if (!hit) continue;
    await recordAttempt(deps.db, { projectId: c.projectId, campaignId: c.id, leadId: l.id, phone: l.phone, at: now, outcome: 'dnc' });
    deps.bus.publish(c.projectId, 'campaign.lead_skipped', { campaignId: c.id, leadId: l.id, phone: l.phone, reason: 'dnc' });
  }
  return leads.filter((x) => !blocked.has(x.phone));
}
