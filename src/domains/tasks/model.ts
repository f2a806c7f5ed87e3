import { DEFAULT_PRIORITY_SETTINGS, type PriorityQueueSettings, type PriorityWeights } from './priority.ts';

/** Lifecycle of a task. `requeued` is an event, not a status: a requeued task is `queued` again with a retry time. */
export type TaskStatus = 'queued' | 'offered' | 'accepted' | 'wrap_up' | 'done' | 'expired' | 'cancelled';

/** Where an agent goes when an offer is not answered in time. */
export type MissedOfferState = 'available' | 'break' | 'offline';

/** Opening hours of one weekday as "HH:mm"-"HH:mm" ranges in the project's time zone. */
export type DayHours = Array<[string, string]>;
/** Weekday keys as luxon numbers them: 1 = Monday ... 7 = Sunday. */
export type WeekHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>;

/** Every per-queue knob of routing; {@link DEFAULT_QUEUE_SETTINGS} holds the defaults (docs/routing.md lists them). */
export interface QueueSettings extends PriorityQueueSettings {
  weights: PriorityWeights;
  wrapUpSeconds: number;
  offerTimeoutSeconds: number;
  autoAccept: boolean;
  missedOfferState: MissedOfferState;
  ownerStickiness: boolean;
  ownerFallbackSeconds: number;
  /** null = always open */
  businessHours: WeekHours | null;
  /** ISO country for public holidays (date-holidays), null = none */
  holidayCountry: string | null;
  /** extra closed days, "YYYY-MM-DD" in the project's time zone */
  closedDays: string[];
}

export const DEFAULT_QUEUE_SETTINGS: Readonly<QueueSettings> = Object.freeze({
  weights: { ...DEFAULT_PRIORITY_SETTINGS.weights },
  slaSeconds: DEFAULT_PRIORITY_SETTINGS.slaSeconds,
  slaRampSeconds: DEFAULT_PRIORITY_SETTINGS.slaRampSeconds,
  wrapUpSeconds: 30,
  offerTimeoutSeconds: 30,
  autoAccept: false,
  missedOfferState: 'break',
  ownerStickiness: true,
  ownerFallbackSeconds: 600,
  businessHours: null,
  holidayCountry: null,
  closedDays: [],
});

/** The engine's view of a queue. */
export interface Queue {
  id: string;
  projectId: string;
  name: string;
  timezone: string;
  settings: QueueSettings;
}

/** The engine's view of an open task (epoch ms times). */
export interface Task {
  id: string;
  projectId: string;
  queueId: string;
  status: TaskStatus;
  value: number;
  createdAt: number;
  dueAt: number | null;
  /** when it may be offered (scheduled callback, retry); null = now */
  eligibleAt: number | null;
  expiresAt: number | null;
  ownerAgentId: string | null;
  requiredSkills: Record<string, number>;
  agentId: string | null;
}

/** When an owned task may go to anyone: stickiness off -> at once; on -> after the fallback wait. */
export function ownerOnlyUntil(task: Pick<Task, 'ownerAgentId' | 'createdAt' | 'eligibleAt'>, s: QueueSettings): number {
  if (!task.ownerAgentId || !s.ownerStickiness) return 0;
  return Math.max(task.createdAt, task.eligibleAt ?? 0) + s.ownerFallbackSeconds * 1000;
}
