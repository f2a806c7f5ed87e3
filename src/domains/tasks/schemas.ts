import Holidays from 'date-holidays';
import { z } from 'zod';

/** Request shapes of the routing API; unknown fields are refused (400 VALIDATION_FAILED). */
const countries = new Set(Object.keys(new Holidays().getCountries()));
const when = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const seconds = (max: number) => z.number().int().min(0).max(max);
const DAY = 86_400;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm');

export const P = z.object({ projectId: z.string() });
export const PTask = P.extend({ taskId: z.uuid() });
export const PQueue = P.extend({ queueId: z.uuid() });
export const PAgent = P.extend({ agentId: z.uuid() });

export const Skills = z.record(text(50), z.number().int().min(1).max(5)).refine((r) => Object.keys(r).length <= 50, 'at most 50 skills');

export const TaskBody = z.strictObject({
  queueId: z.uuid(),
  externalId: text(200).optional(),
  title: z.string().max(500).optional(),
  phones: z.array(z.string().max(40)).max(10).optional(),
  value: z.number().min(0).max(1e12).optional(),
  dueAt: when.optional(),
  scheduledAt: when.optional(),
  ttlSeconds: z.number().int().min(1).max(365 * DAY).optional(),
  ownerAgentId: z.uuid().optional(),
  requiredSkills: Skills.optional(),
  details: z.record(z.string().max(100), z.unknown()).optional(),
  contactId: z.uuid().optional(),
});
export const BulkBody = z.strictObject({ tasks: z.array(TaskBody).min(1).max(1000) });

export const TaskQuery = z.strictObject({
  status: z.enum(['queued', 'offered', 'accepted', 'wrap_up', 'done', 'expired', 'cancelled']).optional(),
  queueId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CompleteBody = z.strictObject({ disposition: text(100), notes: z.string().max(5000).optional() });
export const CallbackBody = z.strictObject({ at: when, notes: z.string().max(5000).optional() });
export const RequeueBody = z.strictObject({ retryAt: when.optional() });

export const PresenceBody = z.union([
  z.strictObject({ state: z.enum(['available', 'offline']) }),
  z.strictObject({ state: z.literal('break'), reason: text(50) }),
]);

export const AgentPatch = z.strictObject({ skills: Skills.optional(), scoreCap: z.number().min(0).max(1e12).nullable().optional() });

const Weights = z.strictObject({
  value: z.number().min(0).max(1e6),
  agePerMinute: z.number().min(0).max(1e6),
  sla: z.number().min(0).max(1e9),
  fit: z.number().min(0).max(1e6),
}).partial();

const Settings = z.strictObject({
  weights: Weights,
  slaSeconds: seconds(30 * DAY).min(1),
  slaRampSeconds: seconds(30 * DAY).min(1),
  wrapUpSeconds: seconds(3600),
  offerTimeoutSeconds: seconds(600).min(1),
  autoAccept: z.boolean(),
  missedOfferState: z.enum(['available', 'break', 'offline']),
  ownerStickiness: z.boolean(),
  ownerFallbackSeconds: seconds(30 * DAY),
  businessHours: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(z.tuple([hhmm, hhmm]).refine(([a, b]) => a < b, 'start before end')).max(6)).nullable(),
  holidayCountry: z.string().length(2).refine((c) => countries.has(c.toUpperCase()), 'a country known to date-holidays').transform((c) => c.toUpperCase()).nullable(),
  closedDays: z.array(z.iso.date()).max(400),
}).partial();

export const QueueBody = z.strictObject({ name: text(100), vertical: z.string().max(100).optional(), taskType: z.string().max(100).optional(), settings: Settings.optional() });
export const QueuePatch = QueueBody.partial();
