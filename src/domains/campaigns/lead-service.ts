import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { LeadStatus } from '../../platform/db/schema.ts';
import type { CampaignDeps } from './context.ts';
import { insertLeads, prepareLeads, type LeadTarget, type Rejected } from './lead-rows.ts';
import { loadCampaign, presentLead, projectFacts } from './repo.ts';
import { LeadBody, type LeadInput } from './schemas.ts';

/** Leads of a campaign: by REST one at a time or in bulk, moved from another campaign, listed and removed. */
export class LeadService {
  constructor(private readonly deps: CampaignDeps) {}

  async target(projectId: string, campaignId: string): Promise<LeadTarget> {
    await loadCampaign(this.deps.db, projectId, campaignId);
    const p = await projectFacts(this.deps.db, projectId);
    return { projectId, campaignId, country: p.country, projectTimezone: p.timezone };
  }

  /** One lead (R-20: an application pushed by the company's portal with its details). */
  async addOne(projectId: string, campaignId: string, input: LeadInput, actor: Actor) {
    const r = await this.addMany(projectId, campaignId, [input], actor);
    const bad = r.rejected[0];
    if (bad) throw new AppError(bad.code === 'LEAD_DUPLICATE' ? 'LEAD_DUPLICATE' : 'LEAD_NOT_DIALABLE', bad.message);
    return this.get(projectId, campaignId, r.created[0]!.id);
  }

  /** Up to 1000 leads; each bad item is reported with its index and the good ones are stored. */
  async addBulk(projectId: string, campaignId: string, items: unknown[], actor: Actor) {
    const valid: LeadInput[] = [];
    const positions: number[] = [];
    const rejected: Rejected[] = [];
    items.forEach((item, index) => {
      const parsed = LeadBody.safeParse(item);
      if (parsed.success) {
        valid.push(parsed.data);
        positions.push(index);
      } else rejected.push({ index, code: 'VALIDATION_FAILED', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'lead'}: ${i.message}`).join('; ') });
    });
    const r = await this.addMany(projectId, campaignId, valid, actor);
    const remap = <T extends { index: number }>(x: T): T => ({ ...x, index: positions[x.index]! });
    return { created: r.created.map(remap), rejected: [...rejected, ...r.rejected.map(remap)].sort((a, b) => a.index - b.index) };
  }

  async addMany(projectId: string, campaignId: string, inputs: LeadInput[], actor: Actor) {
    const t = await this.target(projectId, campaignId);
    const prepared = await prepareLeads(this.deps.db, t, inputs, this.deps.clock.now());
    const stored = await insertLeads(this.deps.db, prepared.rows);
    if (stored.created.length) {
      await recordAudit(this.deps.db, { projectId, actor, action: 'leads.create', entity: 'campaign', entityId: campaignId, details: { count: stored.created.length } });
    }
    return { created: stored.created, rejected: [...prepared.rejected, ...stored.rejected].sort((a, b) => a.index - b.index) };
  }

  async list(projectId: string, campaignId: string, q: { status?: LeadStatus; limit: number; offset: number }) {
    await loadCampaign(this.deps.db, projectId, campaignId);
    let base = this.deps.db.selectFrom('leads').where('project_id', '=', projectId).where('campaign_id', '=', campaignId);
    if (q.status) base = base.where('status', '=', q.status);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('created_at').orderBy('id').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(presentLead), total: Number(total.n) };
  }

  async get(projectId: string, campaignId: string, leadId: string) {
    const r = await this.deps.db.selectFrom('leads').selectAll().where('id', '=', leadId).where('project_id', '=', projectId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (!r) throw new AppError('LEAD_NOT_FOUND', 'Lead not found');
    const log = await this.deps.db.selectFrom('lead_attempts').select(['at', 'outcome', 'call_id', 'agent_id']).where('lead_id', '=', leadId).orderBy('at').orderBy('id').execute();
    return { ...presentLead(r), attemptsLog: log.map((a) => ({ at: a.at.toISOString(), outcome: a.outcome, callId: a.call_id, agentId: a.agent_id })) };
  }

  async remove(projectId: string, campaignId: string, leadId: string, actor: Actor): Promise<void> {
    const r = await this.deps.db.deleteFrom('leads').where('id', '=', leadId).where('project_id', '=', projectId).where('campaign_id', '=', campaignId).where('status', '!=', 'dialling').returning('id').executeTakeFirst();
    if (!r) {
      await this.get(projectId, campaignId, leadId);
      throw new AppError('LEAD_NOT_FOUND', 'The lead is being dialled right now; try again when the call ends');
    }
    await recordAudit(this.deps.db, { projectId, actor, action: 'lead.delete', entity: 'lead', entityId: leadId });
  }

  /**
   * Moves leads from another campaign of the project (e.g. the unreached ones of the main campaign into a
   * second one): they start fresh here (no attempts) and are marked `moved` there, keeping their history.
   */
  async move(projectId: string, campaignId: string, body: { fromCampaignId: string; leadIds?: string[]; statuses?: LeadStatus[] }, actor: Actor) {
    if (body.fromCampaignId === campaignId) throw new AppError('VALIDATION_FAILED', 'fromCampaignId: leads are already in this campaign');
    await loadCampaign(this.deps.db, projectId, body.fromCampaignId);
    let q = this.deps.db.selectFrom('leads').selectAll().where('project_id', '=', projectId).where('campaign_id', '=', body.fromCampaignId)
      .where('status', 'in', body.statuses?.filter((s) => s !== 'dialling') ?? ['ready', 'retry', 'exhausted']);
    if (body.leadIds) q = q.where('id', 'in', body.leadIds);
    const source = await q.limit(50_000).execute();
    const inputs: LeadInput[] = source.map((l) => ({ phone: l.phone, name: l.name, externalId: l.external_id ?? undefined, contactId: l.contact_id ?? undefined, timezone: l.timezone, value: Number(l.value), details: l.details as Record<string, unknown> }));
    let moved = 0;
    const rejected: Array<{ leadId: string; code: string; message: string }> = [];
    for (let i = 0; i < inputs.length; i += 1000) {
      const r = await this.addMany(projectId, campaignId, inputs.slice(i, i + 1000), actor);
      const ids = r.created.map((c) => source[i + c.index]!.id);
      if (ids.length) await this.deps.db.updateTable('leads').set({ status: 'moved', updated_at: new Date() }).where('id', 'in', ids).where('status', '!=', 'dialling').execute();
      moved += ids.length;
      rejected.push(...r.rejected.map((x) => ({ leadId: source[i + x.index]!.id, code: x.code, message: x.message })));
    }
    return { moved, rejected };
  }
}
