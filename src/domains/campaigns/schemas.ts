import { z } from 'zod';
import { IANAZone } from 'luxon';

/** Request shapes of the campaigns API (docs/campaigns.md); unknown fields are refused (400 VALIDATION_FAILED). */
const text = (max: number) => z.string().trim().min(1).max(max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm');
const zone = z.string().max(64).refine((s) => IANAZone.isValidZone(s), 'an IANA time zone such as Europe/Prague');

export const MODES = ['preview', 'progressive', 'predictive', 'callback'] as const;
export const OUTCOMES = ['busy', 'no_answer', 'machine', 'failed', 'abandoned'] as const;
export const WINDOWS = ['today', '24h', '30d'] as const;
export const LEAD_STATUSES = ['ready', 'dialling', 'retry', 'done', 'exhausted', 'dnc', 'moved', 'skipped'] as const;

export const P = z.object({ projectId: z.string() });
export const PCampaign = P.extend({ campaignId: z.uuid() });
export const PLead = PCampaign.extend({ leadId: z.uuid() });
export const PLeadImport = PCampaign.extend({ leadImportId: z.uuid() });
export const PDnc = P.extend({ dncEntryId: z.uuid() });

const Range = z.tuple([hhmm, hhmm]).refine(([a, b]) => a < b, 'start before end');
export const CallingHours = z.strictObject({
  days: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(Range).max(6)),
  holidayCountry: z.string().length(2).transform((c) => c.toUpperCase()).nullable().default(null),
  closedDays: z.array(z.iso.date()).max(400).default([]),
});

const Rule = z.strictObject({
  delayMinutes: z.number().int().min(0).max(60 * 24 * 60),
  maxAttempts: z.number().int().min(1).max(100),
});
export const Retry = z.strictObject(Object.fromEntries(OUTCOMES.map((o) => [o, Rule])) as Record<(typeof OUTCOMES)[number], typeof Rule>).partial();

export const CallerId = z.union([
  z.strictObject({ mode: z.literal('auto') }),
  z.strictObject({ mode: z.literal('fixed'), number: text(40) }),
]);

export const CampaignBody = z.strictObject({
  name: text(100),
  mode: z.enum(MODES).optional(),
  queueId: z.uuid().nullable().optional(),
  agentIds: z.array(z.uuid()).max(1000).optional(),
  callingHours: CallingHours.optional(),
  retry: Retry.optional(),
  maxLines: z.number().int().min(0).max(10_000).optional(),
  ringSeconds: z.number().int().min(5).max(120).optional(),
  abandonTarget: z.number().min(0).max(1).optional(),
  abandonWindows: z.array(z.enum(WINDOWS)).min(1).max(3).optional(),
  abandonCooldownHours: z.number().min(0).max(24 * 365).optional(),
  previewSeconds: z.number().int().min(0).max(3600).optional(),
  callbackFallbackSeconds: z.number().int().min(0).max(86_400).optional(),
  callerId: CallerId.optional(),
});
export type CampaignInput = z.infer<typeof CampaignBody>;
export const CampaignPatch = CampaignBody.partial();
export type CampaignPatchInput = z.infer<typeof CampaignPatch>;

export const LeadBody = z.strictObject({
  phone: z.string().max(40),
  name: z.string().max(200).optional(),
  externalId: text(200).optional(),
  contactId: z.uuid().optional(),
  timezone: zone.optional(),
  value: z.number().min(0).max(1e12).optional(),
  details: z.record(z.string().max(100), z.unknown()).optional(),
});
export type LeadInput = z.infer<typeof LeadBody>;
export const LeadsBulk = z.strictObject({ leads: z.array(z.unknown()).min(1).max(1000) });
export const LeadQuery = z.strictObject({
  status: z.enum(LEAD_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const MoveBody = z.strictObject({
  fromCampaignId: z.uuid(),
  leadIds: z.array(z.uuid()).min(1).max(10_000).optional(),
  statuses: z.array(z.enum(LEAD_STATUSES)).min(1).optional(),
});

export const DncBody = z.strictObject({
  phone: z.string().max(40),
  reason: z.string().max(500).optional(),
  scope: z.enum(['project', 'global']).default('project'),
});
export const DncQuery = z.strictObject({
  scope: z.enum(['project', 'global']).optional(),
  q: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const DncImportQuery = z.strictObject({ scope: z.enum(['project', 'global']).default('project') });
export const DncCheckQuery = z.strictObject({ phone: z.string().min(1).max(40) });

export const PreviewAction = z.strictObject({ leadId: z.uuid(), reason: z.string().max(200).optional() });
export const CallbackBody = z.strictObject({
  phone: z.string().max(40),
  at: z.iso.datetime({ offset: true }),
  name: z.string().max(200).optional(),
  leadId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  ownerAgentId: z.uuid().optional(),
  notes: z.string().max(5000).optional(),
  details: z.record(z.string().max(100), z.unknown()).optional(),
});
