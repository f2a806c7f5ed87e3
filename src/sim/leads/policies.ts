import { chooseTask, type TaskCandidate } from '../../domains/tasks/choose.ts';
import { DEFAULT_QUEUE_SETTINGS, type QueueSettings, type Task } from '../../domains/tasks/model.ts';
import type { Rng } from '../random.ts';
import type { Choice, Policy, SimAgent, SimLead } from './model.ts';
import type { Scenario } from './scenario.ts';

/** The one skill the simulated team has; leads may require a level of it. */
export const SALES_SKILL = 'sales';

/** Simulation minutes become epoch ms for the priority model; only differences matter. */
const DAY_ORIGIN = Date.UTC(2026, 0, 5);
export const toEpochMs = (minute: number): number => DAY_ORIGIN + minute * 60_000;

/**
 * FIFO: a plain ACD queue hands every free agent the oldest waiting lead it is qualified for
 * (required skill level), whatever the lead's value.
 */
export function fifoPolicy(): Policy {
  return {
    id: 'fifo',
    label: 'FIFO',
    pick(agent, waiting): Choice {
      const lead = waiting.find((l) => l.requiredSkill === null || agent.skill >= l.requiredSkill);
      return lead ? { kind: 'lead', lead, selectionMinutes: 0 } : { kind: 'wait', recheckMinutes: null };
    },
  };
}

/**
 * Cherry-picking from a shared list, as in the seed before Switchboard: the list shows the newest
 * `visibleLeads` leads; a free agent spends `browseSeconds` scanning it and takes the most valuable
 * visible lead. Leads below `skipBelowValue` are skipped while anything better is visible; when only
 * such leads are visible the agent takes one with `lowValueTakeProbability`, otherwise does something
 * else and looks again after `recheckMinutes`. Older leads scroll off the list and rot.
 */
export function cherryPickingPolicy(scenario: Scenario, rng: Rng): Policy {
  const c = scenario.cherryPicking;
  return {
    id: 'cherry-picking',
    label: 'Cherry-picking',
    pick(_agent, waiting): Choice {
      const visible = waiting.slice(Math.max(0, waiting.length - c.visibleLeads));
      if (visible.length === 0) return { kind: 'wait', recheckMinutes: null };
      const best = visible.reduce((a, b) => (b.value > a.value ? b : a));
      if (best.value < c.skipBelowValue && rng.next() >= c.lowValueTakeProbability) {
        return { kind: 'wait', recheckMinutes: c.recheckMinutes };
      }
      return { kind: 'lead', lead: best, selectionMinutes: c.browseSeconds / 60 };
    },
  };
}

/**
 * The routing engine's queue settings for a scenario: its defaults (DEFAULT_QUEUE_SETTINGS), the
 * scenario's SLA, and the priority weights unless the scenario overrides some of them.
 */
export function switchboardSettings(scenario: Scenario): QueueSettings {
  const sw = scenario.switchboard;
  return {
    ...DEFAULT_QUEUE_SETTINGS,
    weights: { ...DEFAULT_QUEUE_SETTINGS.weights, ...sw.weights },
    slaSeconds: scenario.slaMinutes * 60,
    slaRampSeconds: sw.slaRampMinutes !== undefined ? sw.slaRampMinutes * 60 : DEFAULT_QUEUE_SETTINGS.slaRampSeconds,
  };
}

/** A waiting lead as the routing engine's Task: its value, arrival, own due time and required skill. */
export function asTask(lead: SimLead): Task {
  return {
    id: String(lead.id),
    projectId: 'simulation',
    queueId: 'leads',
    status: 'queued',
    value: lead.value,
    createdAt: toEpochMs(lead.arrivalMin),
    dueAt: lead.ownSla ? toEpochMs(lead.arrivalMin + lead.slaMinutes) : null,
    eligibleAt: null,
    expiresAt: null,
    ownerAgentId: null,
    requiredSkills: lead.requiredSkill === null ? {} : { [SALES_SKILL]: lead.requiredSkill },
    agentId: null,
  };
}

/**
 * Switchboard: push assignment decided by the routing engine's own pure decision, chooseTask from
 * src/domains/tasks/choose.ts, which applies eligibility (required skill, score cap R-06) and the
 * priority model (value, age, SLA, fit) with the queue's weights. No browsing: the offer arrives
 * with the agent's availability, and the engine offers to the longest-idle agent first.
 */
export function switchboardPolicy(scenario: Scenario): Policy {
  const settings = switchboardSettings(scenario);
  const candidates = new Map<number, TaskCandidate>();
  const candidateOf = (lead: SimLead): TaskCandidate => {
    let c = candidates.get(lead.id);
    if (!c) candidates.set(lead.id, (c = { task: asTask(lead), settings }));
    return c;
  };
  return {
    id: 'switchboard',
    label: 'Switchboard',
    pick(agent: SimAgent, waiting, nowMin): Choice {
      const profile = { id: String(agent.id), skills: { [SALES_SKILL]: agent.skill }, scoreCap: agent.scoreCap, idleSince: 0 };
      const trace = chooseTask(profile, waiting.map(candidateOf), toEpochMs(nowMin));
      if (trace.taskId === null) return { kind: 'wait', recheckMinutes: null };
      const lead = waiting.find((l) => String(l.id) === trace.taskId)!;
      return { kind: 'lead', lead, selectionMinutes: 0 };
    },
  };
}
