import { z } from 'zod';
import type { AccountKind } from '../../platform/db/schema.ts';
import type { WeekHours } from '../tasks/model.ts';

/** The caller's kind: their account's kind, or 'unknown' when no contact has the calling number. */
export type CallerKind = AccountKind | 'unknown';
export const callerKinds = ['unknown', 'customer', 'supplier', 'partner', 'other'] as const satisfies readonly CallerKind[];

/** What routing knows about the caller, from the in-memory caller index (never from the database). */
export interface CallerFacts {
  /** E.164, or null for anonymous and unparseable numbers. */
  phone: string | null;
  kind: CallerKind;
  contactId: string | null;
  accountId: string | null;
  /** The contact's owner, else the account's owner. */
  ownerId: string | null;
  /** The contact's and the account's tags together. */
  tags: readonly string[];
}

export const unknownCaller = (phone: string | null): CallerFacts => ({
  phone,
  kind: 'unknown',
  contactId: null,
  accountId: null,
  ownerId: null,
  tags: [],
});

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +420601123456');

/** Every condition is optional; a rule matches when all the conditions it has hold. */
export const Conditions = z.strictObject({
  callerKinds: z.array(z.enum(callerKinds)).min(1).optional(),
  /** The caller has at least one of these tags. */
  tagsAny: z.array(z.string().min(1).max(60)).min(1).max(50).optional(),
  /** true: the caller has an owner agent; false: they have none. */
  hasOwner: z.boolean().optional(),
  /** The number dialled is one of these (tracking numbers, departments' direct numbers). */
  dialled: z.array(E164).min(1).max(500).optional(),
  /** 'holiday': a public holiday of the project's country or a custom closed day; 'workday': any other day. */
  day: z.enum(['holiday', 'workday']).optional(),
  /** 'open': inside business hours on a working day; 'closed': outside them. */
  hours: z.enum(['open', 'closed']).optional(),
  /** true: the action's agent or at least one member of its group is available. */
  targetAvailable: z.boolean().optional(),
});
export type Conditions = z.infer<typeof Conditions>;

/** What a rule does with the call; the union is validated at the API boundary. */
export const Action = z.discriminatedUnion('type', [
  /** The caller's owner agent; when they do not pick up, the next matching rule's targets ring. */
  z.strictObject({ type: z.literal('owner') }),
  z.strictObject({ type: z.literal('group'), groupId: z.uuid() }),
  z.strictObject({ type: z.literal('external'), number: E164 }),
  z.strictObject({ type: z.literal('voicemail'), box: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -') }),
  z.strictObject({ type: z.literal('reject'), code: z.union([z.literal(480), z.literal(486), z.literal(603)]).default(603) }),
]);
export type Action = z.infer<typeof Action>;

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: Conditions;
  action: Action;
}

/** A department: agents rung in this order, skipping those known to be unavailable. */
export interface CallGroup {
  id: string;
  name: string;
  members: string[];
}

export const WeekHoursSchema = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(z.tuple([Time, Time])).max(6));

/** Per-project routing settings: the calendar rules read, the fallback route and how long phones ring. */
export interface RoutingSettings {
  timezone: string;
  holidayCountry: string | null;
  closedDays: string[];
  businessHours: WeekHours | null;
  fallback: Action;
  ringSeconds: number;
}

/** A partial update of the routing settings (PATCH .../call-routing/settings). */
export const SettingsPatch = z.strictObject({
  timezone: z.string().min(1).max(64).optional(),
  holidayCountry: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as RU').nullable().optional(),
  closedDays: z.array(IsoDay).max(400).optional(),
  businessHours: WeekHoursSchema.nullable().optional(),
  fallback: Action.optional(),
  ringSeconds: z.number().int().min(5).max(120).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Everything routing needs about one project, held in memory. */
export interface ProjectRouting {
  projectId: string;
  country: string;
  settings: RoutingSettings;
  rules: Rule[];
  groups: Map<string, CallGroup>;
  /** agent (user) id -> SIP extension */
  extensions: Map<string, string>;
}

/** One rung of a decision: an agent to ring, or something else the PBX dials. */
export type DecidedTarget =
  | { kind: 'agent'; agentId: string; extension: string }
  | { kind: 'external'; number: string }
  | { kind: 'voicemail'; box: string };

/** Why a rule did not fire (the first failing condition), for "test this number". */
export interface RuleTrace {
  ruleId: string;
  name: string;
  matched: boolean;
  failed: keyof Conditions | 'disabled' | 'no_target' | null;
}

/** The outcome of `decide`: the winning rule (null = fallback), who rings in order or the reject code, and the trace. */
export interface Decision {
  /** null when no rule matched and the fallback route was used. */
  rule: { id: string; name: string } | null;
  action: Action;
  /** The rule whose targets ring after the owner's (owner actions only). */
  overflow: { id: string; name: string } | null;
  targets: DecidedTarget[];
  reject: 480 | 486 | 603 | null;
  trace: RuleTrace[];
}
