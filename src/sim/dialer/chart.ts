import type { DayRecord } from './metrics.ts';

/** One line in a panel. */
interface Series {
  name: string;
  color: string;
  values: number[];
}

const W = 900;
const H = 180;
const PAD = { left: 48, right: 12, top: 24, bottom: 24 };

/**
 * A self-contained HTML page (inline SVG, no scripts, no network) with the day's dial level, abandon
 * rate and occupancy per minute, so a run can be inspected in any browser or attached to a ticket.
 */
export function dialerChartHtml(day: DayRecord, title: string): string {
  const m = day.minutes;
  const minutes = m.dials.length;
  const perAgentMinute = (xs: Float64Array) => Array.from(xs, (x, i) => x / (day.agents * minuteLength(day, i)));
  const cumulative: number[] = [];
  const rolling: number[] = [];
  let ans = 0;
  let ab = 0;
  for (let i = 0; i < minutes; i++) {
    ans += m.answered[i];
    ab += m.abandoned[i];
    cumulative.push(ans ? ab / ans : 0);
    let ha = 0;
    let hb = 0;
    for (let j = Math.max(0, i - 59); j <= i; j++) {
      ha += m.answered[j];
      hb += m.abandoned[j];
    }
    rolling.push(ha ? hb / ha : 0);
  }
  const dialLevel: Series[] = [{ name: 'calls in progress per agent', color: '#1c7ed6', values: perAgentMinute(m.inProgressSum) }];
  if (m.dialLevelSum.some((x) => x > 0)) {
    dialLevel.push({ name: 'policy dial level', color: '#f08c00', values: Array.from(m.dialLevelSum, (x, i) => x / minuteLength(day, i)) });
  }
  const panels = [
    panel('Dial level', dialLevel, undefined, false),
    panel('Abandon rate', [
      { name: 'today', color: '#e03131', values: cumulative },
      { name: 'rolling hour', color: '#f08c00', values: rolling },
    ], day.target, true),
    panel('Occupancy (talking agents / logged-in agents)', [
      { name: 'per minute', color: '#2f9e44', values: perAgentMinute(m.talkingAgentSeconds) },
      { name: 'ready (idle)', color: '#868e96', values: perAgentMinute(m.readyAgentSeconds) },
    ], undefined, true),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#212529}h1{font-size:18px}svg{display:block;margin-bottom:16px}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${panels.join('\n')}
</body></html>
`;
}

function minuteLength(day: DayRecord, i: number): number {
  return Math.min(60, day.seconds - i * 60);
}

function panel(title: string, series: Series[], reference: number | undefined, percent: boolean): string {
  const fmtAxis = (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(2));
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const top = Math.max(reference ?? 0, ...series.flatMap((s) => s.values)) * 1.1 || 1;
  const x = (i: number) => PAD.left + (i / Math.max(1, n - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
  const lines = series.map(
    (s) => `<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`,
  );
  const legend = series.map((s, i) => `<text x="${PAD.left + 8 + i * 220}" y="14" fill="${s.color}">${escapeHtml(s.name)}</text>`);
  const ref = reference === undefined ? '' : `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(reference)}" y2="${y(reference)}" stroke="#495057" stroke-dasharray="4 4"/><text x="${W - PAD.right - 80}" y="${y(reference) - 4}" fill="#495057">target ${(reference * 100).toFixed(1)}%</text>`;
  const hours = Array.from({ length: Math.floor((n - 1) / 60) + 1 }, (_, h) => `<text x="${x(h * 60)}" y="${H - 6}" fill="#868e96" text-anchor="middle">${h}h</text>`);
  const axis = `<text x="4" y="${y(top / 1.1) + 4}" fill="#868e96">${fmtAxis(top / 1.1)}</text><text x="4" y="${y(0)}" fill="#868e96">0</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<rect x="${PAD.left}" y="${PAD.top}" width="${W - PAD.left - PAD.right}" height="${H - PAD.top - PAD.bottom}" fill="#f8f9fa"/>
<text x="${W - PAD.right}" y="14" text-anchor="end" font-weight="600">${escapeHtml(title)}</text>
${legend.join('')}${ref}${hours.join('')}${axis}
${lines.join('\n')}
</svg>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
