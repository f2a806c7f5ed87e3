import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from './scenario.ts';

const minimal = { name: 'x', agents: [{ name: 'rep', count: 2, skill: 3 }] };

function issuesOf(input: unknown): string[] {
  try {
    parseScenario(input, 'test.json');
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

describe('lead simulation scenario', () => {
  it('fills every documented default', () => {
    const s = parseScenario(minimal);
    expect(s.seed).toBe(1);
    expect(s.days).toBe(20);
    expect(s.day).toEqual({ startHour: 8, shiftHours: 9 });
    expect(s.slaMinutes).toBe(60);
    expect(s.segments).toHaveLength(3);
    expect(s.agents[0].scoreCap).toBeNull();
    expect(s.cherryPicking.visibleLeads).toBe(30);
    expect(s.switchboard.weights).toEqual({});
  });

  it('names an unknown field, also nested ones', () => {
    expect(issuesOf({ ...minimal, sead: 3 })).toEqual(['sead: unknown field']);
    expect(issuesOf({ ...minimal, agents: [{ name: 'rep', count: 2, skil: 3 }] })).toContain('agents[0].skil: unknown field');
    expect(issuesOf({ ...minimal, switchboard: { weights: { valeu: 2 } } })).toEqual(['switchboard.weights.valeu: unknown field']);
  });

  it('names a field of the wrong type or out of range', () => {
    expect(issuesOf({ ...minimal, seed: 'abc' })[0]).toMatch(/^seed: .*number/);
    expect(issuesOf({ ...minimal, agents: [{ name: 'rep', count: 2, skill: 7 }] })[0]).toMatch(/^agents\[0\]\.skill: /);
    expect(issuesOf({ ...minimal, handling: { talkMinutes: { dist: 'gamma', mean: 5 } } })[0]).toMatch(/^handling\.talkMinutes\.dist: /);
    expect(issuesOf({ ...minimal, segments: [{ name: 's', weight: 1, value: { min: 9, max: 1 }, baseConversion: 0.1 }] })[0]).toMatch(
      /^segments\[0\]\.value: min must not exceed max/,
    );
  });

  it('requires a name and at least one agent group, reporting all problems at once', () => {
    const issues = issuesOf({ agents: [] });
    expect(issues.some((i) => i.startsWith('name: '))).toBe(true);
    expect(issues.some((i) => i.startsWith('agents: '))).toBe(true);
  });

  it('refuses more hourly rates than the shift has hours', () => {
    expect(issuesOf({ ...minimal, day: { shiftHours: 2 }, arrivals: { perHour: [1, 2, 3] } })).toEqual([
      'arrivals.perHour: arrivals.perHour has more hours than day.shiftHours',
    ]);
  });

  it('reports unreadable files and bad JSON with the file name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'leads-scenario-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": ');
    expect(() => loadScenario(bad)).toThrow(/bad\.json[\s\S]*not valid JSON/);
    expect(() => loadScenario(path.join(dir, 'missing.json'))).toThrow(/cannot read file/);
  });
});
