import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/cli/index.ts', 'simulate', 'leads'];
const SCENARIO = 'examples/scenarios/leads-trainees-and-key-accounts.json';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('switchboard simulate leads', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'simulate-leads-'));

  it('prints the comparison table', async () => {
    const { code, stdout } = await cli(['--scenario', SCENARIO, '--days', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('Scenario "trainees-and-key-accounts": seed 7, 2 simulated day(s), 14 agents');
    for (const label of ['FIFO', 'Cherry-picking', 'Switchboard', 'Revenue (simulated)', 'Calls per agent-hour', 'Leads not contacted within SLA']) {
      expect(stdout).toContain(label);
    }
  });

  it('prints JSON with --json and writes a self-contained HTML chart with --chart', async () => {
    const chart = path.join(dir, 'chart.html');
    const { code, stdout } = await cli(['--scenario', SCENARIO, '--days', '2', '--seed', '99', '--json', '--chart', chart]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.scenario).toMatchObject({ seed: 99, days: 2 });
    expect(report.results.map((r: { policy: string }) => r.policy)).toEqual(['fifo', 'cherry-picking', 'switchboard']);
    const html = readFileSync(chart, 'utf8');
    expect(html.match(/<svg/g)?.length).toBe(5);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('exits with status 2 and names the bad field', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', agents: [{ name: 'rep', count: 'two', skill: 3 }], colour: 'red' }));
    const { code, stdout, stderr } = await cli(['--scenario', bad]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('agents[0].count');
    expect(stderr).toContain('colour: unknown field');
  });
});
