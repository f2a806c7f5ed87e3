import { beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, conversionProbability, drawLeads } from './arrivals.ts';
import { runDay } from './engine.ts';
import type { PolicyResult } from './model.ts';
import { cherryPickingPolicy, switchboardPolicy } from './policies.ts';
import { renderTable } from './report.ts';
import { dayStreams } from './rng.ts';
import { loadScenario, parseScenario } from './scenario.ts';
import { simulateScenario } from './simulation.ts';

const SHIPPED = ['examples/scenarios/leads-small-team-web-leads.json', 'examples/scenarios/leads-trainees-and-key-accounts.json'];

describe('simulate leads: reproducibility', () => {
  const scenario = { ...loadScenario(SHIPPED[0]), days: 2 };

  it('gives byte-identical output for the same seed', () => {
    const a = simulateScenario(scenario);
    const b = simulateScenario(scenario);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(renderTable(a)).toBe(renderTable(b));
  });

  it('gives a different day for a different seed', () => {
    const a = simulateScenario(scenario);
    const b = simulateScenario({ ...scenario, seed: scenario.seed + 1 });
    expect(a.scenario.leadsPerDay).not.toBe(b.scenario.leadsPerDay);
    expect(renderTable(a)).not.toBe(renderTable(b));
  });

  it('replays the same leads under every policy', () => {
    const report = simulateScenario(scenario);
    const leads = report.results.map((r) => r.leads);
    expect(new Set(leads).size).toBe(1);
  });
});

describe.each(SHIPPED)('simulate leads: the claim holds in %s', (file) => {
  let by: Record<string, PolicyResult>;
  let elapsed: number;
  beforeAll(() => {
    const started = performance.now();
    const report = simulateScenario(loadScenario(file));
    elapsed = performance.now() - started;
    by = Object.fromEntries(report.results.map((r) => [r.policy, r]));
  });

  it('Switchboard leaves fewer leads uncontacted within the SLA than FIFO and cherry-picking', () => {
    expect(by.switchboard.slaMissed).toBeLessThan(by.fifo.slaMissed);
    expect(by.switchboard.slaMissed).toBeLessThan(by['cherry-picking'].slaMissed);
  });

  it('Switchboard earns more than FIFO and cherry-picking, simulated and expected', () => {
    for (const other of [by.fifo, by['cherry-picking']]) {
      expect(by.switchboard.revenue).toBeGreaterThan(other.revenue);
      expect(by.switchboard.expectedRevenue).toBeGreaterThan(other.expectedRevenue);
    }
  });

  it('cherry-picking lets leads rot: some are never called at all', () => {
    expect(by['cherry-picking'].neverContacted).toBeGreaterThan(by.switchboard.neverContacted);
    expect(by['cherry-picking'].ageP95).toBeGreaterThan(by.switchboard.ageP95);
  });

  it('runs in a few seconds', () => {
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('simulate leads: score caps and required skills (R-06)', () => {
  const scenario = loadScenario(SHIPPED[1]);
  const [streams] = dayStreams(scenario.seed, 1);
  const leads = drawLeads(scenario, streams.leads);
  const team = buildTeam(scenario);
  const agentOf = new Map(team.map((a) => [a.id, a]));
  const misfits = (outcomes: ReturnType<typeof runDay>['outcomes']) =>
    outcomes.filter((o) => {
      const agent = o.agentId === null ? null : agentOf.get(o.agentId)!;
      if (!agent) return false;
      return (agent.scoreCap !== null && o.lead.value > agent.scoreCap) || (o.lead.requiredSkill !== null && agent.skill < o.lead.requiredSkill);
    });

  it('never gives a trainee a lead above the cap or a key account without the skill under Switchboard', () => {
    expect(misfits(runDay(scenario, switchboardPolicy(scenario), leads, team).outcomes)).toEqual([]);
  });

  it('cherry-picking trainees grab such leads', () => {
    expect(misfits(runDay(scenario, cherryPickingPolicy(scenario, streams.cherryPicking), leads, team).outcomes).length).toBeGreaterThan(0);
  });
});

describe('simulate leads: conversion model', () => {
  const scenario = parseScenario({ name: 'model', agents: [{ name: 'a', count: 1, skill: 3 }] });
  const lead = { id: 0, arrivalMin: 0, value: 100, segment: 's', baseConversion: 0.2, requiredSkill: null, slaMinutes: 60, ownSla: false, talkMinutes: 5, conversionDraw: 0.5 };

  it('halves the chance to convert every halfLifeMinutes', () => {
    const fresh = conversionProbability(scenario, lead, 3, 0);
    expect(fresh).toBeCloseTo(0.2);
    expect(conversionProbability(scenario, lead, 3, 60)).toBeCloseTo(fresh / 2);
    expect(conversionProbability(scenario, lead, 3, 120)).toBeCloseTo(fresh / 4);
  });

  it('raises it with skill and caps it at maxProbability', () => {
    expect(conversionProbability(scenario, lead, 5, 0)).toBeGreaterThan(conversionProbability(scenario, lead, 1, 0));
    expect(conversionProbability(scenario, { ...lead, baseConversion: 1 }, 5, 0)).toBe(0.95);
  });
});
