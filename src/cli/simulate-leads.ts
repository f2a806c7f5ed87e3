import { writeFileSync } from 'node:fs';
import { renderChart } from '../sim/leads/chart.ts';
import { renderTable } from '../sim/leads/report.ts';
import { loadScenario, parseScenario, ScenarioError, type Scenario } from '../sim/leads/scenario.ts';
import { simulateScenario } from '../sim/leads/simulation.ts';

export interface SimulateLeadsOptions {
  scenario: string;
  json?: boolean;
  chart?: string;
  seed?: string;
  days?: string;
}

/** The scenario with --seed / --days applied, validated like the file itself. */
function scenarioFrom(opts: SimulateLeadsOptions): Scenario {
  const scenario = loadScenario(opts.scenario);
  if (opts.seed === undefined && opts.days === undefined) return scenario;
  const overrides = {
    ...(opts.seed !== undefined && { seed: Number(opts.seed) }),
    ...(opts.days !== undefined && { days: Number(opts.days) }),
  };
  return parseScenario({ ...scenario, ...overrides }, `${opts.scenario} with ${Object.keys(overrides).map((k) => `--${k}`).join(' ')}`);
}

/**
 * `switchboard simulate leads --scenario FILE [--json] [--chart PATH] [--seed N] [--days N]`: FIFO,
 * cherry-picking and Switchboard's push model on the same simulated leads, no database needed.
 * A bad scenario exits with status 2 and names each problem field.
 */
export function simulateLeadsCommand(opts: SimulateLeadsOptions): void {
  let scenario: Scenario;
  try {
    scenario = scenarioFrom(opts);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const report = simulateScenario(scenario);
  if (opts.chart) writeFileSync(opts.chart, renderChart(report, scenario.day.startHour));
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report));
  if (opts.chart && !opts.json) process.stdout.write(`\nchart written to ${opts.chart}\n`);
}
