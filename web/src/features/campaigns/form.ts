import { ApiError } from '../../api/client.ts';
import type { WeekHours } from '../queues/api.ts';
import { OUTCOMES, type Action, type Campaign, type CampaignSettings, type Outcome, type RetryRule, type Status } from './api.ts';

/** What the campaign form edits: the settings, with the abandon target in percent and the caller ID split. */
export interface CampaignForm extends Omit<CampaignSettings, 'abandonTarget' | 'callerId'> {
  abandonTargetPercent: number;
  callerIdMode: 'auto' | 'fixed';
  callerIdNumber: string;
}

const WORKDAY: [string, string][] = [['09:00', '20:00']];

/** The server's defaults for a new campaign (docs/campaigns.md), so the form shows what will be stored. */
export const DEFAULT_RETRY: Record<Outcome, RetryRule> = {
  busy: { delayMinutes: 10, maxAttempts: 5 },
  no_answer: { delayMinutes: 60, maxAttempts: 4 },
  machine: { delayMinutes: 240, maxAttempts: 3 },
  failed: { delayMinutes: 30, maxAttempts: 3 },
  abandoned: { delayMinutes: 4320, maxAttempts: 3 },
};

export const DEFAULT_DAYS: WeekHours = { '1': WORKDAY, '2': WORKDAY, '3': WORKDAY, '4': WORKDAY, '5': WORKDAY, '6': [['10:00', '14:00']] };

/** "Always open" in the hours editor means every day, all day, for a campaign. */
export const ALL_DAY: WeekHours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]));

/** Whether calling hours are every day all day (shown as "always open"). */
export function isAllDay(days: WeekHours): boolean {
  return Object.keys(ALL_DAY).every((d) => days[d as keyof WeekHours]?.length === 1 && days[d as keyof WeekHours]![0]![0] === '00:00' && days[d as keyof WeekHours]![0]![1] === '24:00');
}

export function newForm(): CampaignForm {
  return {
    name: '', mode: 'predictive', queueId: null, agentIds: [],
    callingHours: { days: structuredClone(DEFAULT_DAYS), holidayCountry: null, closedDays: [] },
    retry: structuredClone(DEFAULT_RETRY), maxLines: 30, ringSeconds: 25, abandonTargetPercent: 3,
    abandonWindows: ['today', '24h', '30d'], abandonCooldownHours: 72, previewSeconds: 20, callbackFallbackSeconds: 300,
    callerIdMode: 'auto', callerIdNumber: '',
  };
}

/** The form for an existing campaign (or a new one). */
export function toForm(c: Campaign | null): CampaignForm {
  if (!c) return newForm();
  const { id: _id, status: _s, createdAt: _c, updatedAt: _u, abandonTarget, callerId, ...rest } = c;
  return {
    ...structuredClone(rest),
    retry: { ...structuredClone(DEFAULT_RETRY), ...structuredClone(c.retry) },
    abandonTargetPercent: Math.round(abandonTarget * 10000) / 100,
    callerIdMode: callerId.mode,
    callerIdNumber: callerId.mode === 'fixed' ? callerId.number : '',
  };
}

/** The request body: every setting, the target back as a fraction, the caller ID as the API takes it. */
export function toBody(f: CampaignForm): CampaignSettings {
  const { abandonTargetPercent, callerIdMode, callerIdNumber, ...rest } = f;
  const retry = Object.fromEntries(OUTCOMES.map((o) => [o, f.retry[o]])) as Record<Outcome, RetryRule>;
  return {
    ...rest,
    name: f.name.trim(),
    retry,
    abandonTarget: Math.round(abandonTargetPercent * 100) / 10000,
    callingHours: { ...f.callingHours, holidayCountry: f.callingHours.holidayCountry?.trim().toUpperCase() || null },
    callerId: callerIdMode === 'fixed' ? { mode: 'fixed', number: callerIdNumber.trim() } : { mode: 'auto' },
  };
}

/** Which form field a `CAMPAIGN_SETTINGS_INVALID` problem belongs to. */
const PROBLEM_FIELD: Record<string, string> = {
  calling_hours_never_open: 'callingHours',
  no_agents: 'agentIds',
  unknown_agent: 'agentIds',
  no_lines: 'maxLines',
  unknown_queue: 'queueId',
  fixed_caller_id_missing: 'callerId',
};

/**
 * Server errors by form field (`name`, `maxLines`, `callingHours`, `retry`, ...); anything else under `form`.
 * Validation details name the body path; contradictory settings name a `details.problem`.
 */
export function campaignErrors(err: unknown): Record<string, string> {
  if (!err) return {};
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const out: Record<string, string> = {};
    for (const d of err.details as { field: string; message: string }[]) {
      const key = d.field.replace(/^body\.?/, '').split('.')[0] || 'form';
      out[key === 'abandonTarget' ? 'abandonTargetPercent' : key] ??= d.message;
    }
    return out;
  }
  if (err instanceof ApiError && err.code === 'CAMPAIGN_NAME_TAKEN') return { name: err.message };
  if (err instanceof ApiError && err.code === 'CAMPAIGN_SETTINGS_INVALID') {
    const problem = (err.details as { problem?: string } | undefined)?.problem ?? '';
    return { [PROBLEM_FIELD[problem] ?? 'form']: err.message };
  }
  return { form: err instanceof Error ? err.message : String(err) };
}

/** Whole seconds left until `dialAt` (0 once it has passed). */
export function secondsLeft(dialAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(dialAt) - now) / 1000));
}

/** An abandon rate as "1.14 %" in the UI language. */
export function formatRate(rate: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate * 100)} %`;
}
/** Which of start, pause and stop make sense in a status (a stopped or paused campaign starts again). */
export function actionsFor(status: Status): Action[] {
  if (status === 'running') return ['pause', 'stop'];
  if (status === 'paused') return ['start', 'stop'];
  return ['start'];
}
