import { scoreTask, type ScoreComponents } from './priority.ts';
import { ineligibility, type AgentProfile, type Ineligible } from './eligibility.ts';
import type { QueueSettings, Task } from './model.ts';

/** One line of a decision trace: a task (or agent) the engine looked at and what it thought of it. */
export interface TraceCandidate {
  taskId: string;
  agentId: string;
  total: number | null;
  components: ScoreComponents | null;
  excluded: Ineligible | null;
  idleSince?: number | null;
  owner?: boolean;
}

/** Why this agent got this task; stored with every offer (task_offers.trace) and shown in the API. */
export interface DecisionTrace {
  trigger: 'agent_available' | 'task_eligible';
  at: string;
  taskId: string | null;
  agentId: string | null;
  reason: string;
  candidates: TraceCandidate[];
}

/** A task with its queue's settings, as chooseTask scores it. */
export interface TaskCandidate {
  task: Task;
  settings: QueueSettings;
}

/** An available agent as the choice functions see it. */
export interface AgentCandidate extends AgentProfile {
  /** epoch ms since the agent became available (longest idle first) */
  idleSince: number;
  declined?: ReadonlySet<string>;
}

const MAX_TRACE = 10;

/** The best task for an available agent: highest total score among eligible candidates; ties -> oldest. */
export function chooseTask(agent: AgentCandidate, candidates: readonly TaskCandidate[], now: number): DecisionTrace {
  const lines: TraceCandidate[] = [];
  let best: TraceCandidate | null = null;
  let bestCreated = Infinity;
  for (const { task, settings } of candidates) {
    const excluded = ineligibility(task, settings, agent, now, agent.declined);
    const score = excluded ? null : scoreTask(task, settings, agent, now);
    const line: TraceCandidate = { taskId: task.id, agentId: agent.id, total: score?.total ?? null, components: score?.components ?? null, excluded };
    lines.push(line);
    if (!score) continue;
    if (!best || score.total > best.total! || (score.total === best.total && task.createdAt < bestCreated)) {
      best = line;
      bestCreated = task.createdAt;
    }
  }
  lines.sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity));
  const reason = best
    ? `highest score ${best.total!.toFixed(1)} of ${lines.filter((l) => !l.excluded).length} eligible task(s)`
    : 'no eligible task';
  return { trigger: 'agent_available', at: new Date(now).toISOString(), taskId: best?.taskId ?? null, agentId: best ? agent.id : null, reason, candidates: lines.slice(0, MAX_TRACE) };
}

/**
 * The agent for a newly eligible task: its owner first while stickiness holds, otherwise the eligible
 * agent idle the longest (equal distribution, R-23).
 */
export function chooseAgent(task: Task, settings: QueueSettings, agents: readonly AgentCandidate[], now: number): DecisionTrace {
  const lines: TraceCandidate[] = agents.map((a) => {
    const excluded = ineligibility(task, settings, a, now, a.declined);
    const score = excluded ? null : scoreTask(task, settings, a, now);
    const owner = task.ownerAgentId === a.id;
    return { taskId: task.id, agentId: a.id, total: score?.total ?? null, components: score?.components ?? null, excluded, idleSince: a.idleSince, owner };
  });
  const eligible = lines.filter((l) => !l.excluded);
  const owner = settings.ownerStickiness ? eligible.find((l) => l.owner) : undefined;
  eligible.sort((a, b) => a.idleSince! - b.idleSince! || a.agentId.localeCompare(b.agentId));
  const pick = owner ?? eligible[0];
  const reason = !pick ? 'no eligible agent' : owner ? 'owner agent (stickiness)' : `longest idle of ${eligible.length} eligible agent(s)`;
  const ordered = [...eligible, ...lines.filter((l) => l.excluded)].slice(0, MAX_TRACE);
  return { trigger: 'task_eligible', at: new Date(now).toISOString(), taskId: pick ? task.id : null, agentId: pick?.agentId ?? null, reason, candidates: ordered };
}
