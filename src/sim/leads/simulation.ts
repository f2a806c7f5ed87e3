import { buildTeam, drawLeads } from './arrivals.ts';
import { runDay, type DayRun } from './engine.ts';
import { summarise } from './metrics.ts';
import type { Policy, PolicyResult } from './model.ts';
import { cherryPickingPolicy, fifoPolicy, switchboardPolicy } from './policies.ts';
import { dayStreams, type LeadStreams } from './rng.ts';
import type { Scenario } from './scenario.ts';

export interface SimulationReport {
  scenario: {
    name: string;
    description: string;
    seed: number;
    days: number;
    leadsPerDay: number;
    agents: number;
    shiftHours: number;
    slaMinutes: number;
  };
  results: PolicyResult[];
}

/** The three policies, fresh for one day (policies may keep per-day state such as a random stream). */
function policiesFor(scenario: Scenario, streams: LeadStreams): Policy[] {
  return [fifoPolicy(), cherryPickingPolicy(scenario, streams.cherryPicking), switchboardPolicy(scenario)];
}

/**
 * Simulates `days` independent days of the scenario under FIFO, cherry-picking and Switchboard.
 * Each day's leads are drawn once from the seed and replayed under every policy, so the policies
 * differ only by their decisions. Figures are per-day averages; averaging over many days keeps the
 * luck of a few big deals from deciding the comparison. Deterministic: same scenario, same report.
 */
export function simulateScenario(scenario: Scenario): SimulationReport {
  const team = buildTeam(scenario);
  const runs = new Map<string, { policy: Policy; days: DayRun[] }>();
  let leads = 0;
  for (const streams of dayStreams(scenario.seed, scenario.days)) {
    const dayLeads = drawLeads(scenario, streams.leads);
    leads += dayLeads.length;
    for (const policy of policiesFor(scenario, streams)) {
      const entry = runs.get(policy.id) ?? { policy, days: [] };
      entry.days.push(runDay(scenario, policy, dayLeads, team));
      runs.set(policy.id, entry);
    }
  }
  return {
    scenario: {
      name: scenario.name,
      description: scenario.description,
      seed: scenario.seed,
      days: scenario.days,
      leadsPerDay: Math.round((leads / scenario.days) * 10) / 10,
      agents: team.length,
      shiftHours: scenario.day.shiftHours,
      slaMinutes: scenario.slaMinutes,
    },
    results: [...runs.values()].map(({ policy, days }) => summarise(scenario, policy, days, team.length)),
  };
}
