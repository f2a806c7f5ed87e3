import type { CampaignInput, CampaignPatchInput } from './schemas.ts';
import { MODES, OUTCOMES, WINDOWS } from './schemas.ts';

export type Mode = (typeof MODES)[number];
export type RetryOutcome = (typeof OUTCOMES)[number];
export type AbandonWindowName = (typeof WINDOWS)[number];
export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped';

/** Local opening ranges per ISO weekday ("1" = Monday), as in the routing queues' business hours. */
export interface CallingHours {
  days: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>;
  holidayCountry: string | null;
  closedDays: string[];
}

export interface RetryRule {
  delayMinutes: number;
  maxAttempts: number;
}

/** Everything a campaign is configured with, defaults filled in (stored as `settings` jsonb). */
export interface CampaignSettings {
  callingHours: CallingHours;
  retry: Record<RetryOutcome, RetryRule>;
  maxLines: number;
  ringSeconds: number;
  abandonTarget: number;
  abandonWindows: AbandonWindowName[];
  abandonCooldownHours: number;
  previewSeconds: number;
  callbackFallbackSeconds: number;
  callerId: { mode: 'auto' } | { mode: 'fixed'; number: string };
}

export interface Campaign extends CampaignSettings {
  id: string;
  projectId: string;
  name: string;
  mode: Mode;
  status: CampaignStatus;
  queueId: string | null;
  agentIds: string[];
  createdAt: string;
  updatedAt: string;
}

const weekdays = (from: string, to: string) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [[from, to]]]));

/** Defaults (docs/campaigns.md): the usual consumer-calling day, a 3 % abandon target and a 72 h cooldown. */
export const DEFAULT_SETTINGS: Readonly<CampaignSettings> = Object.freeze({
  callingHours: { days: { ...weekdays('09:00', '20:00'), '6': [['10:00', '14:00']] }, holidayCountry: null, closedDays: [] } as CallingHours,
  retry: {
    busy: { delayMinutes: 10, maxAttempts: 5 },
    no_answer: { delayMinutes: 60, maxAttempts: 4 },
    machine: { delayMinutes: 240, maxAttempts: 3 },
    failed: { delayMinutes: 30, maxAttempts: 3 },
    abandoned: { delayMinutes: 4320, maxAttempts: 3 },
  },
  maxLines: 30,
  ringSeconds: 25,
  abandonTarget: 0.03,
  abandonWindows: ['today', '24h', '30d'] as AbandonWindowName[],
  abandonCooldownHours: 72,
  previewSeconds: 20,
  callbackFallbackSeconds: 300,
  callerId: { mode: 'auto' } as CampaignSettings['callerId'],
});

/** Stored settings merged over the defaults, so new knobs get their default on old campaigns. */
export function mergeSettings(stored: Partial<CampaignSettings> | null | undefined, patch: CampaignPatchInput | CampaignInput = { name: '' }): CampaignSettings {
  const base = { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
  const pick = <K extends keyof CampaignSettings>(k: K): CampaignSettings[K] => ((patch as Partial<CampaignSettings>)[k] ?? base[k]) as CampaignSettings[K];
  return {
    callingHours: pick('callingHours'),
    retry: { ...DEFAULT_SETTINGS.retry, ...(stored?.retry ?? {}), ...(patch.retry ?? {}) } as Record<RetryOutcome, RetryRule>,
    maxLines: pick('maxLines'),
    ringSeconds: pick('ringSeconds'),
    abandonTarget: pick('abandonTarget'),
    abandonWindows: pick('abandonWindows'),
    abandonCooldownHours: pick('abandonCooldownHours'),
    previewSeconds: pick('previewSeconds'),
    callbackFallbackSeconds: pick('callbackFallbackSeconds'),
    callerId: pick('callerId'),
  };
}

export type SettingsProblem = 'calling_hours_never_open' | 'no_agents' | 'no_lines' | 'unknown_agent' | 'unknown_queue' | 'no_queue' | 'fixed_caller_id_missing';

/** A contradiction in a campaign's settings, with the sentence shown to the supervisor. */
export interface Contradiction {
  problem: SettingsProblem;
  message: string;
}

/**
 * Settings that cannot work together, found before anything is stored: hours that never open, zero lines,
 * and (when the campaign is to run) no agents. Pure; existence of agents and queues is checked by the service.
 */
export function contradictions(s: CampaignSettings, c: { mode: Mode; agentIds: string[]; queueId: string | null }, starting: boolean): Contradiction[] {
  const out: Contradiction[] = [];
  const open = Object.values(s.callingHours.days).some((ranges) => (ranges ?? []).some(([a, b]) => a < b));
  if (!open) out.push({ problem: 'calling_hours_never_open', message: 'callingHours: the calling hours never open (no weekday has an opening range), so no lead could ever be dialled' });
  if (s.maxLines <= 0) out.push({ problem: 'no_lines', message: 'maxLines: a campaign with 0 lines cannot place any call' });
  if (starting && c.agentIds.length === 0) out.push({ problem: 'no_agents', message: 'agentIds: the campaign has no agents, so answered calls could only be abandoned' });
  if (starting && c.mode !== 'preview' && !c.queueId) out.push({ problem: 'no_queue', message: 'queueId: answered campaign calls are filed as tasks in a queue; choose one' });
  if (s.callerId.mode === 'fixed' && !s.callerId.number.trim()) out.push({ problem: 'fixed_caller_id_missing', message: 'callerId: a fixed caller ID needs a number' });
  return out;
}

/** Capabilities each mode needs from the project's telephony adapter. */
export const NEEDED_CAPABILITIES: Record<Mode, Array<'dial' | 'bridge' | 'abandon' | 'originate'>> = {
  predictive: ['dial', 'bridge', 'abandon'],
  progressive: ['dial', 'bridge', 'abandon'],
  preview: ['dial', 'bridge'],
  callback: ['originate'],
};
