/**
 * The priority model: one explainable score per (task, agent) pair, pure and clock-free.
 *
 *   total = value + age + sla + fit
 *   value = weights.value        * task.value                        (money, in the project's currency)
 *   age   = weights.agePerMinute * minutes since the task was created
 *   sla   = weights.sla          * max(0, now - rampStart) / ramp     (0 before the ramp, = weights.sla at the
 *           due time, and it keeps rising after it: an overdue lead overtakes everything eventually)
 *           dueAt = task.dueAt ?? createdAt + slaSeconds; ramp = min(slaRampSeconds, slaSeconds); rampStart = dueAt - ramp
 *   fit   = weights.fit * Σ over required skills (agent level - required level)   (0 without an agent)
 *
 * Every term is linear in `now` in each phase (before / after rampStart), so the engine can order tasks by a
 * time-invariant key ({@link staticKey}, {@link rampKey}) and still pick exactly the highest score.
 * All times are epoch milliseconds. See docs/routing.md for a worked example.
 */

/** Per-queue weights; every term is in "points". With value = 1, one point is one unit of money. */
export interface PriorityWeights {
  /** points per unit of money value */
  value: number;
  /** points per minute of age */
  agePerMinute: number;
  /** points reached at the due time (and the slope of the ramp before and after it) */
  sla: number;
  /** points per skill level above the task's required level */
  fit: number;
}

/** The queue settings the score depends on. */
export interface PriorityQueueSettings {
  weights: PriorityWeights;
  /** default time to first contact when the task has no own due time */
  slaSeconds: number;
  /** how long before the due time the SLA term starts to rise */
  slaRampSeconds: number;
}

/** The task fields the score depends on (epoch ms). */
export interface PriorityTask {
  value: number;
  createdAt: number;
  dueAt: number | null;
  /** skill name -> minimum level 1-5 */
  requiredSkills: Readonly<Record<string, number>>;
}

/** The agent fields the score depends on. */
export interface PriorityAgent {
  /** skill name -> level 1-5 */
  skills: Readonly<Record<string, number>>;
}

/** The four terms of a score, kept apart for the decision trace. */
export interface ScoreComponents {
  value: number;
  age: number;
  sla: number;
  fit: number;
}

/** A task's score for one agent at one moment, with its parts. */
export interface PriorityScore {
  total: number;
  components: ScoreComponents;
  /** the effective due time used for the SLA term (epoch ms) */
  dueAt: number;
}

/** Default weights: one point per unit of money, 10 per minute of age, 5000 at the due time, 500 per spare skill level. */
export const DEFAULT_WEIGHTS: Readonly<PriorityWeights> = Object.freeze({ value: 1, agePerMinute: 10, sla: 5000, fit: 500 });

/** Defaults a queue starts with: SLA one hour, urgency rising over its last 30 minutes. */
export const DEFAULT_PRIORITY_SETTINGS: Readonly<PriorityQueueSettings> = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  slaSeconds: 3600,
  slaRampSeconds: 1800,
});

const MINUTE = 60_000;

/** The effective due time: the task's own, else created + the queue's SLA. */
export function effectiveDueAt(task: PriorityTask, q: PriorityQueueSettings): number {
  return task.dueAt ?? task.createdAt + q.slaSeconds * 1000;
}

/** Length of the SLA ramp in ms (never zero, so the slope is finite). */
export function rampMs(q: PriorityQueueSettings): number {
  return Math.max(1000, Math.min(q.slaRampSeconds, q.slaSeconds) * 1000);
}

/** When the SLA term starts rising (epoch ms). */
export function rampStartAt(task: PriorityTask, q: PriorityQueueSettings): number {
  return effectiveDueAt(task, q) - rampMs(q);
}

/** The value term alone; this is what an agent's score cap is compared with. */
export function valueScore(task: Pick<PriorityTask, 'value'>, w: PriorityWeights): number {
  return w.value * task.value;
}

/**
 * Agent fit: points for each skill level above what the task requires. Returns null when the agent lacks a
 * required skill or level (the agent is not eligible), 0 when there is no agent or nothing is required.
 */
export function fitScore(task: PriorityTask, agent: PriorityAgent | null, w: PriorityWeights): number | null {
  if (!agent) return 0;
  let surplus = 0;
  for (const [skill, need] of Object.entries(task.requiredSkills)) {
    const level = agent.skills[skill] ?? 0;
    if (level < need) return null;
    surplus += level - need;
  }
  return w.fit * surplus;
}

/**
 * The full score of a task for an agent at `now`. An agent lacking a required skill gets fit 0 here;
 * use eligibility to exclude such agents. Pass `agent = null` for the agent-independent score.
 */
export function scoreTask(task: PriorityTask, q: PriorityQueueSettings, agent: PriorityAgent | null, now: number): PriorityScore {
  const w = q.weights;
  const dueAt = effectiveDueAt(task, q);
  const ramp = rampMs(q);
  const components: ScoreComponents = {
    value: valueScore(task, w),
    age: (w.agePerMinute * Math.max(0, now - task.createdAt)) / MINUTE,
    sla: (w.sla * Math.max(0, now - (dueAt - ramp))) / ramp,
    fit: fitScore(task, agent, w) ?? 0,
  };
  const total = components.value + components.age + components.sla + components.fit;
  return { total, components, dueAt };
}

/**
 * Time-invariant ordering key before the ramp starts: for any two tasks of one queue whose ramp has not
 * started, a larger key means a larger score at every `now` (score = key + agePerMinute * now / minute).
 */
export function staticKey(task: PriorityTask, w: PriorityWeights): number {
  return valueScore(task, w) - (w.agePerMinute * task.createdAt) / MINUTE;
}

/**
 * Time-invariant ordering key once the ramp has started (score = key + slope * now, with one slope per queue).
 */
export function rampKey(task: PriorityTask, q: PriorityQueueSettings): number {
  return staticKey(task, q.weights) - (q.weights.sla * rampStartAt(task, q)) / rampMs(q);
}
