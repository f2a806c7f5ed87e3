import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { LeadsTable } from '../../platform/db/schema.ts';
import { dialable, leadZone } from './hours.ts';
import type { LeadInput } from './schemas.ts';

/** A lead that was not stored, with the reason (reported to whoever sent it). */
export interface Rejected {
  index: number;
  code: 'LEAD_NOT_DIALABLE' | 'LEAD_DUPLICATE' | 'VALIDATION_FAILED';
  message: string;
}

export interface LeadTarget {
  projectId: string;
  campaignId: string;
  country: string;
  projectTimezone: string;
}

/**
 * Turns inputs into rows, reporting (not storing) leads with no dialable number and duplicates: of a lead
 * still being worked in the campaign (same number or application id) or of an earlier item of the batch.
 */
export async function prepareLeads(db: Db, t: LeadTarget, inputs: readonly LeadInput[], now: number) {
  const rejected: Rejected[] = [];
  const keep: Array<{ index: number; row: Insertable<LeadsTable> }> = [];
  const phones = new Set<string>();
  const externals = new Set<string>();
  const contactZones = await zonesOf(db, t.projectId, inputs.map((i) => i.contactId).filter((x): x is string => !!x));
  inputs.forEach((input, index) => {
    const phone = dialable(input.phone, t.country);
    if (!phone) return rejected.push({ index, code: 'LEAD_NOT_DIALABLE', message: `phone: "${input.phone ?? ''}" is not a dialable number` });
    if (phones.has(phone) || (input.externalId && externals.has(input.externalId))) {
      return rejected.push({ index, code: 'LEAD_DUPLICATE', message: `duplicate of an earlier lead in this batch (${input.externalId && externals.has(input.externalId) ? `externalId ${input.externalId}` : phone})` });
    }
    phones.add(phone);
    if (input.externalId) externals.add(input.externalId);
    const timezone = leadZone({ timezone: input.timezone, contactTimezone: input.contactId ? contactZones.get(input.contactId) : null, phone, projectTimezone: t.projectTimezone });
    keep.push({
      index,
      row: {
        project_id: t.projectId, campaign_id: t.campaignId, phone, name: input.name ?? '', external_id: input.externalId ?? null,
        contact_id: input.contactId && contactZones.has(input.contactId) ? input.contactId : null, timezone, value: input.value ?? 0,
        details: JSON.stringify(input.details ?? {}), created_at: new Date(now), updated_at: new Date(now),
      },
    });
  });
  const open = await openDuplicates(db, t.campaignId, [...phones], [...externals]);
  const rows = keep.filter(({ index, row }) => {
    const dup = open.phones.has(row.phone) ? row.phone : row.external_id && open.externals.has(row.external_id) ? `externalId ${row.external_id}` : null;
    if (dup) rejected.push({ index, code: 'LEAD_DUPLICATE', message: `the campaign already has this lead (${dup})` });
    return !dup;
  });
  return { rows, rejected };
}

/** Inserts prepared rows; a row that lost a race with an equal lead is reported as a duplicate. */
export async function insertLeads(db: Db, rows: Array<{ index: number; row: Insertable<LeadsTable> }>) {
  if (!rows.length) return { created: [] as Array<{ index: number; id: string }>, rejected: [] as Rejected[] };
  const out = await db.insertInto('leads').values(rows.map((r) => r.row)).onConflict((oc) => oc.doNothing()).returning(['id', 'phone']).execute();
  const byPhone = new Map(out.map((r) => [r.phone, r.id]));
  const created: Array<{ index: number; id: string }> = [];
  const rejected: Rejected[] = [];
  for (const r of rows) {
    const id = byPhone.get(r.row.phone);
    if (id) created.push({ index: r.index, id });
    else rejected.push({ index: r.index, code: 'LEAD_DUPLICATE', message: `the campaign already has this lead (${r.row.phone})` });
  }
  return { created, rejected };
}

async function zonesOf(db: Db, projectId: string, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'timezone']).where('project_id', '=', projectId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.timezone]));
}

async function openDuplicates(db: Db, campaignId: string, phones: string[], externals: string[]) {
  const found = { phones: new Set<string>(), externals: new Set<string>() };
  if (!phones.length) return found;
  const rows = await db.selectFrom('leads').select(['phone', 'external_id']).where('campaign_id', '=', campaignId).where('status', 'in', ['ready', 'dialling', 'retry'])
    .where((eb) => eb.or([eb('phone', 'in', phones), ...(externals.length ? [eb('external_id', 'in', externals)] : [])])).execute();
  const wanted = { phones: new Set(phones), externals: new Set(externals) };
  for (const r of rows) {
    if (wanted.phones.has(r.phone)) found.phones.add(r.phone);
    if (r.external_id && wanted.externals.has(r.external_id)) found.externals.add(r.external_id);
  }
  return found;
}
