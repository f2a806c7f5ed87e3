import type { PolicyResult } from './model.ts';
import type { SimulationReport } from './simulation.ts';

/** Thousands separated by commas, independent of the machine locale so output is byte-identical everywhere. */
export function formatNumber(x: number, digits = 0): string {
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

interface Row {
  label: string;
  value: (r: PolicyResult) => number;
  digits: number;
  /** true when a larger figure is better: used for the comparison lines */
  higherIsBetter: boolean;
}

/** The table's rows, in order. Exported so the chart and the docs show the same figures. */
export const ROWS: readonly Row[] = [
  { label: 'Revenue (simulated)', value: (r) => r.revenue, digits: 0, higherIsBetter: true },
  { label: 'Revenue (expected)', value: (r) => r.expectedRevenue, digits: 0, higherIsBetter: true },
  { label: 'Conversions', value: (r) => r.conversions, digits: 1, higherIsBetter: true },
  { label: 'Calls', value: (r) => r.calls, digits: 1, higherIsBetter: true },
  { label: 'Calls per agent-hour', value: (r) => r.callsPerAgentHour, digits: 2, higherIsBetter: true },
  { label: 'Lead age at first contact p50 (min)', value: (r) => r.ageP50, digits: 1, higherIsBetter: false },
  { label: 'Lead age at first contact p95 (min)', value: (r) => r.ageP95, digits: 1, higherIsBetter: false },
  { label: 'Leads not contacted within SLA', value: (r) => r.slaMissed, digits: 1, higherIsBetter: false },
  { label: 'Leads never contacted', value: (r) => r.neverContacted, digits: 1, higherIsBetter: false },
];

function change(base: number, now: number): string {
  if (base === 0) return now === 0 ? '±0%' : 'n/a (baseline 0)';
  const pct = ((now - base) / Math.abs(base)) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** One line per other policy: how Switchboard's revenue and SLA misses compare with it. */
function comparison(results: readonly PolicyResult[]): string[] {
  const sb = results.find((r) => r.policy === 'switchboard');
  if (!sb) return [];
  return results
    .filter((r) => r !== sb)
    .map(
      (r) =>
        `Switchboard vs ${r.label}: revenue ${change(r.revenue, sb.revenue)} (expected ${change(r.expectedRevenue, sb.expectedRevenue)}), ` +
        `leads not contacted within SLA ${formatNumber(r.slaMissed, 1)} -> ${formatNumber(sb.slaMissed, 1)}, ` +
        `calls per agent-hour ${change(r.callsPerAgentHour, sb.callsPerAgentHour)}`,
    );
}

/** The plain-text report `simulate leads` prints: a heading, the table, and the comparison lines. */
export function renderTable(report: SimulationReport): string {
  const s = report.scenario;
  const head = [
    `Scenario "${s.name}": seed ${s.seed}, ${s.days} simulated day(s), ${s.agents} agents, ` +
      `${formatNumber(s.leadsPerDay, 1)} leads/day, ${s.shiftHours} h shift, SLA ${formatNumber(s.slaMinutes)} min`,
    'Per-day averages (the same leads replayed under each policy):',
    '',
  ];
  const header = ['', ...report.results.map((r) => r.label)];
  const body = ROWS.map((row) => [row.label, ...report.results.map((r) => formatNumber(row.value(r), row.digits))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => line[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [...head, line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', ...comparison(report.results)].join('\n') + '\n';
}
