import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { reportBench, type BenchFigure } from './lib/report.ts';
import { predictiveDials, type BusyAgent, type PacingState } from '../src/domains/dialer/pacing.ts';
import { MAX_RING_AGE } from '../src/sim/dialer/estimates.ts';
import { simulateDialer } from '../src/sim/dialer/engine.ts';
import { hindsightRatio } from '../src/sim/dialer/hindsight.ts';
import { summarise, type DaySummary } from '../src/sim/dialer/metrics.ts';
import { formatTable } from '../src/sim/dialer/report.ts';
import { parseScenarioText, type DialerMode, type Scenario } from '../src/sim/dialer/scenario.ts';

/**
 * Dialer pacing benchmark (issue 5, item 8): every shipped examples/scenarios/dialer-*.json over 10
 * seeds; predictive against progressive, VICIdial's ADAPT_AVERAGE and the hindsight-best fixed ratio
 * found on the same seed. BENCH_SCALE=0.2 runs 2 seeds for a quick check.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const seeds = Math.max(1, Math.round(10 * scale));
const HOUR_LIMIT = 0.05;
const dir = 'examples/scenarios';
const files = readdirSync(dir).filter((f) => f.startsWith('dialer-') && f.endsWith('.json')).sort();

interface Row {
  name: string;
  base: Scenario;
  predictive: DaySummary[];
  progressive: DaySummary[];
  vicidial: DaySummary[];
  hindsight: DaySummary[];
  ratios: number[];
  /** Predictive run with its target set to VICIdial's mean abandon rate, when VICIdial's was lower. */
  predictiveAtVicidial?: DaySummary[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const avg = (runs: DaySummary[], f: (s: DaySummary) => number) => mean(runs.map(f));
const run = (s: Scenario, mode: DialerMode, extra: Partial<Scenario> = {}) => summarise(simulateDialer({ ...s, ...extra, mode }));

const started = performance.now();
const rows: Row[] = [];
for (const file of files) {
  const base = parseScenarioText(readFileSync(path.join(dir, file), 'utf8'), file);
  const row: Row = { name: file.replace(/^dialer-|\.json$/g, ''), base, predictive: [], progressive: [], vicidial: [], hindsight: [], ratios: [] };
  for (let seed = 1; seed <= seeds; seed++) {
    const s = { ...base, seed };
    row.predictive.push(run(s, 'predictive'));
    row.progressive.push(run(s, 'progressive'));
    row.vicidial.push(run(s, 'vicidial-adaptive'));
    const h = hindsightRatio(s);
    if (h) {
      row.hindsight.push(h.summary);
      row.ratios.push(h.ratio);
    }
  }
  const vicidialAbandon = avg(row.vicidial, (x) => x.abandonRate);
  if (vicidialAbandon < avg(row.predictive, (x) => x.abandonRate) && vicidialAbandon > 0) {
    row.predictiveAtVicidial = Array.from({ length: seeds }, (_, i) => run({ ...base, seed: i + 1 }, 'predictive', { abandonTarget: vicidialAbandon }));
  }
  rows.push(row);
  process.stderr.write(`dialer bench: ${row.name} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

printTable(rows);
const figures: BenchFigure[] = rows.flatMap(figuresFor);
figures.push(decisionTime());
reportBench('dialer', figures);
process.stdout.write(`dialer bench: ${seeds} seeds per scenario, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

function printTable(all: Row[]): void {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const header = ['scenario', 'policy', 'abandon', 'worst hour', 'occupancy', 'idle', 'talk min/agent-h', 'ratio'];
  const lines: string[][] = [];
  for (const r of all) {
    const add = (policy: string, runs: DaySummary[], ratio = '') =>
      runs.length &&
      lines.push([r.name, policy, pct(avg(runs, (x) => x.abandonRate)), pct(Math.max(...runs.map((x) => x.worstHourAbandonRate))),
        pct(avg(runs, (x) => x.occupancy)), pct(avg(runs, (x) => x.idleShare)), avg(runs, (x) => x.talkMinutesPerAgentHour).toFixed(1), ratio]);
    add('predictive', r.predictive);
    add('progressive', r.progressive);
    add('vicidial-adaptive', r.vicidial);
    add('hindsight fixed ratio', r.hindsight, mean(r.ratios).toFixed(2));
    if (r.predictiveAtVicidial) add("predictive @ vicidial's abandon", r.predictiveAtVicidial);
  }
  process.stdout.write(`\n${formatTable(header, lines)}\n\n(means over ${seeds} seeds; worst hour = highest rolling-hour abandon rate of any seed)\n\n`);
}

function figuresFor(r: Row): BenchFigure[] {
  const talk = (runs: DaySummary[]) => avg(runs, (x) => x.talkMinutesPerAgentHour);
  const abandon = (runs: DaySummary[]) => avg(runs, (x) => x.abandonRate);
  const worstHour = Math.max(...r.predictive.map((x) => x.worstHourAbandonRate));
  const answerRates = typeof r.base.answerRate === 'number' ? [r.base.answerRate] : r.base.answerRate.map((x) => x.value);
  const needs13 = r.base.agents >= 20 && Math.max(...answerRates) <= 0.35;
  const fair = r.predictiveAtVicidial ?? r.predictive;
  const figures: BenchFigure[] = [
    {
      metric: `${r.name} abandon rate % (worst hour ${(worstHour * 100).toFixed(2)}%)`,
      value: abandon(r.predictive) * 100, baseline: r.base.abandonTarget * 100, baselineName: 'target', higherIsBetter: false,
      target: `mean <= target, every rolling hour <= ${HOUR_LIMIT * 100}%`,
      met: abandon(r.predictive) <= r.base.abandonTarget && worstHour <= HOUR_LIMIT,
    },
    {
      metric: `${r.name} talk min/agent-h vs progressive`,
      value: talk(r.predictive), baseline: talk(r.progressive), baselineName: 'progressive', higherIsBetter: true,
      ...(needs13 ? { target: '>= 1.3x', met: talk(r.predictive) >= 1.3 * talk(r.progressive) } : {}),
    },
    {
      metric: `${r.name} talk min/agent-h vs vicidial-adaptive${r.predictiveAtVicidial ? ' (predictive at its abandon rate)' : ''}`,
      value: talk(fair), baseline: talk(r.vicidial), baselineName: 'vicidial-adaptive', higherIsBetter: true,
      target: 'more talk at an equal or lower abandon rate',
      met: talk(fair) > talk(r.vicidial) && abandon(fair) <= abandon(r.vicidial),
    },
  ];
  if (r.hindsight.length) {
    const occ = avg(r.predictive, (x) => x.occupancy);
    const hs = avg(r.hindsight, (x) => x.occupancy);
    figures.push({
      metric: `${r.name} occupancy % vs hindsight ratio`, value: occ * 100, baseline: hs * 100, baselineName: 'hindsight fixed ratio',
      higherIsBetter: true, target: '>= 0.95x', met: occ >= 0.95 * hs,
    });
  }
  return figures;
}

/** Mean time of one predictive decision for 1,000 agents (100 ready, 900 talking or wrapping). */
function decisionTime(): BenchFigure {
  const busy: BusyAgent[] = Array.from({ length: 900 }, (_, i) => ({ phase: i % 5 === 0 ? 'wrapping' : 'talking', elapsedSeconds: (i * 37) % 400 }));
  const ages = Array.from({ length: MAX_RING_AGE + 1 }, (_, e) => (e < 30 ? 40 : 0));
  const state: PacingState = {
    readyAgents: 100, busyAgents: busy, ringingAges: ages, waiting: 3, linesInUse: 2200, lines: Infinity,
    estimates: {
      ring: { human: ages.map((_, e) => (e >= 3 && e <= 25 ? 40 : 0)), other: ages.map((_, e) => (e === 3 || (e >= 25 && e <= 35) ? 250 : 0)) },
      talk: { mean: 150, sd: 100 },
      wrap: { mean: 20, sd: 6 },
    },
    windows: [{ target: 0.03, answered: 5000, abandoned: 80 }, { target: 0.04, answered: 700, abandoned: 10 }],
  };
  let sink = 0;
  for (let i = 0; i < 500; i++) sink += predictiveDials(state);
  const n = 5000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += predictiveDials(state);
  const ms = (performance.now() - t0) / n;
  return {
    metric: `predictive decision, 1,000 agents (ms; ${sink > 0 ? 'dials' : 'no dials'} placed)`, value: ms, baseline: 1,
    baselineName: '1 ms budget', higherIsBetter: false, target: '< 1 ms', met: ms < 1,
  };
}
