import type { Action, Conditions, RoutingSettings } from './model.ts';

/** The departments of source case 001; a new project gets them empty, ready for members. */
export const DEFAULT_GROUPS = ['Sales', 'Production', 'Finance', 'On duty'] as const;
export type DefaultGroup = (typeof DEFAULT_GROUPS)[number];

export interface DefaultRule {
  name: string;
  conditions: Conditions;
  /** `group` names one of DEFAULT_GROUPS; it becomes that group's id when seeded. */
  action: { type: 'owner' } | { type: 'group'; group: DefaultGroup };
}

/**
 * Source case 001 as rules, in order: holidays go to the on-duty group; a caller with an available
 * owner reaches them first (overflowing to their department); unknown numbers and customers go
 * to sales, suppliers to production, every other counterparty (partners, advertising, hosting,
 * ...) to finance. No IVR greeting: the answer is a route, at once.
 */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  { name: 'Holidays -> on duty', conditions: { day: 'holiday' }, action: { type: 'group', group: 'On duty' } },
  { name: 'Own agent first', conditions: { hasOwner: true, targetAvailable: true }, action: { type: 'owner' } },
  { name: 'Unknown numbers -> sales', conditions: { callerKinds: ['unknown'] }, action: { type: 'group', group: 'Sales' } },
  { name: 'Customers -> sales', conditions: { callerKinds: ['customer'] }, action: { type: 'group', group: 'Sales' } },
  { name: 'Suppliers -> production', conditions: { callerKinds: ['supplier'] }, action: { type: 'group', group: 'Production' } },
  { name: 'Other counterparties -> finance', conditions: { callerKinds: ['partner', 'other'] }, action: { type: 'group', group: 'Finance' } },
];

/** Settings of a new project: its own zone and country calendar, Mon-Fri 09:00-18:00, fallback to sales. */
export function defaultSettings(project: { timezone: string; country: string }, salesGroupId: string): RoutingSettings {
  const day: Array<[string, string]> = [['09:00', '18:00']];
  const fallback: Action = { type: 'group', groupId: salesGroupId };
  return {
    timezone: project.timezone,
    holidayCountry: project.country,
    closedDays: [],
    businessHours: { 1: day, 2: day, 3: day, 4: day, 5: day },
    fallback,
    ringSeconds: 20,
  };
}
