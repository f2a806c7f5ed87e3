import type { PolicyId } from './model.ts';
import { formatNumber } from './report.ts';
import { SAMPLE_MINUTES } from './engine.ts';
import type { SimulationReport } from './simulation.ts';
import { barChart, escapeHtml, lineChart, type Series } from './svg.ts';

const COLORS: Record<PolicyId, string> = { fifo: '#868e96', 'cherry-picking': '#f08c00', switchboard: '#1c7ed6' };

/** Bar labels must fit a narrow bar: 124,426 becomes 124.4k. */
const money = (v: number) => (v >= 10_000 ? `${formatNumber(v / 1000, 1)}k` : formatNumber(v));
const oneDecimal = (v: number) => formatNumber(v, 1);

/** One bar per policy, each in its policy's colour (a series per policy keeps the colours). */
function perPolicy(report: SimulationReport, title: string, value: (r: SimulationReport['results'][number]) => number, format: (v: number) => string): string {
  const series: Series[] = [{ name: title, color: COLORS.switchboard, colors: report.results.map((r) => COLORS[r.policy]), values: report.results.map(value) }];
  return barChart(title, report.results.map((r) => r.label), series, format);
}

function clock(startHour: number, minute: number): string {
  const total = startHour * 60 + minute;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(Math.round(total % 60)).padStart(2, '0')}`;
}

/**
 * The `--chart` page: a self-contained HTML file (inline SVG, no script, no network) comparing the
 * policies on revenue, SLA misses, calls per agent-hour, lead age percentiles and the waiting list
 * over the day.
 */
export function renderChart(report: SimulationReport, startHour: number): string {
  const s = report.scenario;
  const labels = report.results.map((r) => r.label);
  const revenue = barChart(
    'Revenue per day',
    labels,
    [
      { name: 'simulated', color: '#1c7ed6', values: report.results.map((r) => r.revenue) },
      { name: 'expected', color: '#a5d8ff', values: report.results.map((r) => r.expectedRevenue) },
    ],
    money,
  );
  const ages = barChart(
    'Lead age at first contact (min)',
    labels,
    [
      { name: 'p50', color: '#1c7ed6', values: report.results.map((r) => r.ageP50) },
      { name: 'p95', color: '#a5d8ff', values: report.results.map((r) => r.ageP95) },
    ],
    oneDecimal,
  );
  const waitingLength = Math.max(...report.results.map((r) => r.waitingOverDay.length));
  const waiting = lineChart(
    'Leads waiting over the day',
    Array.from({ length: waitingLength }, (_, i) => clock(startHour, i * SAMPLE_MINUTES)),
    report.results.map((r) => ({ name: r.label, color: COLORS[r.policy], values: r.waitingOverDay, dash: r.policy === 'fifo' ? '6 4' : undefined })),
  );
  const panels = [
    revenue,
    perPolicy(report, 'Leads not contacted within SLA per day', (r) => r.slaMissed, oneDecimal),
    perPolicy(report, 'Calls per agent-hour', (r) => r.callsPerAgentHour, (v) => formatNumber(v, 2)),
    ages,
    waiting,
  ];
  const legend = report.results.map((r) => `<span style="color:${COLORS[r.policy]}">■</span> ${escapeHtml(r.label)}`).join(' &nbsp; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`Lead simulation: ${s.name}`)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#212529}figure{display:inline-block;margin:8px;padding:8px;border:1px solid #dee2e6;border-radius:6px;background:#fff}p{max-width:60em}</style></head>
<body><h1>${escapeHtml(s.name)}</h1>
<p>${escapeHtml(s.description)}</p>
<p>Seed ${s.seed}, ${s.days} simulated day(s), ${s.agents} agents, ${formatNumber(s.leadsPerDay, 1)} leads/day, ${s.shiftHours} h shift, SLA ${formatNumber(s.slaMinutes)} min. Per-day averages; every policy works the same leads. ${legend}</p>
${panels.map((p) => `<figure>${p}</figure>`).join('\n')}
</body></html>
`;
}
