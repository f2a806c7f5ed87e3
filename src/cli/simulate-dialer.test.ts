import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-sim-dialer-'));
const scenarioFile = (name: string, json: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'simulate', 'dialer', ...args], { encoding: 'utf8' });

describe('switchboard simulate dialer', { timeout: 120_000 }, () => {
  const small = scenarioFile('small.json', { seed: 5, hours: 0.5, agents: 5, answerRate: 0.3 });

  it('prints the figures as a table, and the same run as JSON', () => {
    const table = cli('--scenario', small);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('abandon rate');
    expect(table.stdout).toContain('talk minutes per agent-hour');
    const json = cli('--scenario', small, '--json');
    const out = JSON.parse(json.stdout);
    expect(out.scenario.seed).toBe(5);
    expect(out.summary.dials).toBeGreaterThan(0);
    expect(out.summary.answered).toBeGreaterThanOrEqual(out.summary.connected + out.summary.abandoned);
  });

  it('adds the hindsight ratio and writes a self-contained chart', () => {
    const chart = path.join(dir, 'chart.html');
    const res = cli('--scenario', small, '--json', '--hindsight', '--chart', chart);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).hindsight.ratio).toBeGreaterThanOrEqual(1);
    const html = readFileSync(chart, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Abandon rate');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('rejects a scenario with an unknown field or a wrong type, naming them', () => {
    const bad = scenarioFile('bad.json', { agents: 'ten', answerRate: 0.3, answerRates: 0.2 });
    const res = cli('--scenario', bad);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('unknown field: answerRates');
    expect(res.stderr).toContain('agents: Invalid input: expected number');
  });

  it('says so when the file is missing or not JSON', () => {
    expect(cli('--scenario', path.join(dir, 'none.json')).stderr).toContain('cannot read scenario');
    expect(cli('--scenario', scenarioFile('broken.json', '{"agents": 3,')).stderr).toContain('is not valid JSON');
  });
});
