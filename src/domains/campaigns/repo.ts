import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { CampaignsTable, LeadsTable } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { mergeSettings, type Campaign, type CampaignSettings } from './model.ts';

/** A campaign row as the API and the runner see it (settings merged over the defaults). */
export function toCampaign(r: Selectable<CampaignsTable>): Campaign {
  return {
    id: r.id, projectId: r.project_id, name: r.name, mode: r.mode, status: r.status, queueId: r.queue_id, agentIds: r.agent_ids,
    ...mergeSettings(r.settings as Partial<CampaignSettings>),
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

/** The stored part of the settings (everything but identity, mode, status, queue and agents). */
export function settingsOf(c: CampaignSettings): string {
  const { callingHours, retry, maxLines, ringSeconds, abandonTarget, abandonWindows, abandonCooldownHours, previewSeconds, callbackFallbackSeconds, callerId } = c;
  return JSON.stringify({ callingHours, retry, maxLines, ringSeconds, abandonTarget, abandonWindows, abandonCooldownHours, previewSeconds, callbackFallbackSeconds, callerId });
}

export async function loadCampaign(db: Db, projectId: string, campaignId: string): Promise<Campaign> {
  const r = await db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).where('project_id', '=', projectId).executeTakeFirst();
  if (!r) throw new AppError('CAMPAIGN_NOT_FOUND', 'Campaign not found');
  return toCampaign(r);
}

export async function runningCampaigns(db: Db): Promise<Campaign[]> {
  return (await db.selectFrom('campaigns').selectAll().where('status', '=', 'running').execute()).map(toCampaign);
}

export type LeadRow = Selectable<LeadsTable>;

/** The API shape of a lead. */
export function presentLead(r: LeadRow) {
  return {
    id: r.id, campaignId: r.campaign_id, phone: r.phone, name: r.name, externalId: r.external_id, contactId: r.contact_id,
    timezone: r.timezone, value: Number(r.value), details: r.details as Record<string, unknown>, status: r.status, attempts: r.attempts,
    lastOutcome: r.last_outcome, nextAttemptAt: r.next_attempt_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
  };
}
export type Lead = ReturnType<typeof presentLead>;

/** The project's time zone, default country and organisation (calling hours, numbers, global DNC). */
export async function projectFacts(db: Db, projectId: string) {
  const r = await db.selectFrom('projects').select(['timezone', 'default_country', 'organisation_id']).where('id', '=', projectId).executeTakeFirstOrThrow();
  return { timezone: r.timezone, country: r.default_country, organisationId: r.organisation_id };
}

/** Records one attempt or skip of a lead (the abandon windows and the lead's history are read from these). */
export async function recordAttempt(db: Db, a: { projectId: string; campaignId: string; leadId: string | null; phone: string; at: number; outcome: string; callId?: string | null; agentId?: string | null }) {
  await db.insertInto('lead_attempts').values({
    project_id: a.projectId, campaign_id: a.campaignId, lead_id: a.leadId, phone: a.phone, at: new Date(a.at), outcome: a.outcome,
    call_id: a.callId ?? null, agent_id: a.agentId ?? null,
  }).execute();
}
