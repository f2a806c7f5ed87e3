import { fitScore, valueScore } from './priority.ts';
import { ownerOnlyUntil, type QueueSettings, type Task } from './model.ts';

/** The agent fields eligibility needs. */
export interface AgentProfile {
  id: string;
  skills: Record<string, number>;
  /** the highest task value score this agent may be offered; null = no cap */
  scoreCap: number | null;
}

/** Why a task is not offered to an agent; shown in decision traces. */
export type Ineligible = 'NOT_QUEUED' | 'NOT_YET' | 'EXPIRED' | 'MISSING_SKILL' | 'OVER_CAP' | 'OWNER_ONLY' | 'DECLINED';

/**
 * Whether `agent` may be offered `task` at `now`. The score cap is compared with the task's VALUE score
 * (weights.value x value), not the total: aging and SLA urgency must never push a big lead to a trainee.
 * `declined` lists tasks this agent has declined or let time out; they go to someone else.
 */
export function ineligibility(task: Task, s: QueueSettings, agent: AgentProfile, now: number, declined?: ReadonlySet<string>): Ineligible | null {
  if (task.status !== 'queued') return 'NOT_QUEUED';
  if (task.expiresAt !== null && task.expiresAt <= now) return 'EXPIRED';
  if (task.eligibleAt !== null && task.eligibleAt > now) return 'NOT_YET';
  if (task.ownerAgentId && task.ownerAgentId !== agent.id && ownerOnlyUntil(task, s) > now) return 'OWNER_ONLY';
  if (agent.scoreCap !== null && valueScore(task, s.weights) > agent.scoreCap) return 'OVER_CAP';
  if (fitScore(task, agent, s.weights) === null) return 'MISSING_SKILL';
  if (declined?.has(task.id)) return 'DECLINED';
  return null;
}

/** Shorthand for `ineligibility(...) === null`. */
export const isEligible = (task: Task, s: QueueSettings, agent: AgentProfile, now: number, declined?: ReadonlySet<string>): boolean =>
  ineligibility(task, s, agent, now, declined) === null;
