import { sampler, type Rng } from '../random.ts';
import { poisson, uniform, weightedIndex } from './rng.ts';
import type { SimAgent, SimLead } from './model.ts';
import type { Scenario } from './scenario.ts';

/** Hourly arrival rates over the shift: a scalar applies to every full hour, a list gives each hour. */
export function hourlyRates(scenario: Scenario): number[] {
  const { perHour } = scenario.arrivals;
  if (Array.isArray(perHour)) return perHour;
  return Array.from({ length: Math.floor(scenario.day.shiftHours) }, () => perHour);
}

/**
 * Draws the day's leads from the scenario seed. Arrivals within an hour are a Poisson count at the
 * hour's rate placed uniformly in that hour. Every random property of a lead (value, talk time,
 * conversion luck) is drawn here, once, so all policies are compared on identical leads.
 */
export function drawLeads(scenario: Scenario, rng: Rng): SimLead[] {
  const weights = scenario.segments.map((s) => s.weight);
  const talk = sampler(scenario.handling.talkMinutes);
  const times: number[] = [];
  hourlyRates(scenario).forEach((rate, hour) => {
    const count = poisson(rng, rate);
    for (let i = 0; i < count; i++) times.push(hour * 60 + uniform(rng, 0, 60));
  });
  const shiftEnd = scenario.day.shiftHours * 60;
  times.sort((a, b) => a - b);
  return times.filter((t) => t < shiftEnd).map((arrivalMin, id) => {
    const segment = scenario.segments[weightedIndex(rng, weights)];
    return {
      id,
      arrivalMin,
      value: Math.round(uniform(rng, segment.value.min, segment.value.max)),
      segment: segment.name,
      baseConversion: segment.baseConversion,
      requiredSkill: segment.requiredSkill,
      slaMinutes: segment.slaMinutes ?? scenario.slaMinutes,
      ownSla: segment.slaMinutes !== null,
      talkMinutes: talk(rng),
      conversionDraw: rng.next(),
    };
  });
}

/** Expands the scenario's agent groups into individual agents ("senior 1", "senior 2", ...). */
export function buildTeam(scenario: Scenario): SimAgent[] {
  const team: SimAgent[] = [];
  for (const group of scenario.agents) {
    for (let i = 1; i <= group.count; i++) {
      team.push({ id: team.length, name: `${group.name} ${i}`, group: group.name, skill: group.skill, scoreCap: group.scoreCap });
    }
  }
  return team;
}

/** Chance that a lead converts when first contacted at `ageMin` by an agent of `skill` (documented model). */
export function conversionProbability(scenario: Scenario, lead: SimLead, skill: number, ageMin: number): number {
  const { halfLifeMinutes, skillFactor, maxProbability } = scenario.conversion;
  const decay = Math.exp((-ageMin / halfLifeMinutes) * Math.LN2);
  return Math.min(maxProbability, lead.baseConversion * skillFactor[skill - 1] * decay);
}
