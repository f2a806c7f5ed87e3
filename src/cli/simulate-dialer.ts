import { readFileSync, writeFileSync } from 'node:fs';
import { dialerChartHtml } from '../sim/dialer/chart.ts';
import { formatRun, runJson } from '../sim/dialer/report.ts';
import { runDialerScenario } from '../sim/dialer/run.ts';
import { parseScenarioText, ScenarioError } from '../sim/dialer/scenario.ts';

export interface SimulateDialerOptions {
  scenario: string;
  json?: boolean;
  hindsight?: boolean;
  chart?: string;
}

/**
 * `switchboard simulate dialer --scenario FILE [--json] [--hindsight] [--chart PATH]`: one simulated
 * day of a dialer campaign, no database needed. A bad scenario exits with status 2 and names each
 * problem field.
 */
export function simulateDialerCommand(opts: SimulateDialerOptions): void {
  let text: string;
  try {
    text = readFileSync(opts.scenario, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read scenario ${opts.scenario}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  let scenario;
  try {
    scenario = parseScenarioText(text, opts.scenario);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    process.stderr.write(`${opts.scenario}: ${err.message}\n`);
    process.exit(2);
  }
  const run = runDialerScenario(scenario, { hindsight: opts.hindsight });
  if (opts.chart) {
    writeFileSync(opts.chart, dialerChartHtml(run.day, `Dialer simulation: ${opts.scenario} (${scenario.mode}, seed ${scenario.seed})`));
  }
  process.stdout.write(opts.json ? `${JSON.stringify(runJson(run), null, 2)}\n` : formatRun(run));
  if (opts.chart && !opts.json) process.stdout.write(`\nchart written to ${opts.chart}\n`);
}
