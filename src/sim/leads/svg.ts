/**
 * Tiny inline-SVG charts for simulation reports: the HTML they end up in must open offline, from a
 * file, with no script or CDN, so the charts are plain SVG strings built here.
 */

export interface Series {
  name: string;
  values: number[];
  color: string;
  /** optional colour per category, overriding `color` bar by bar */
  colors?: string[];
  /** optional SVG stroke-dasharray for lines, so overlapping lines stay distinguishable */
  dash?: string;
}

const W = 460;
const H = 260;
const PAD = { top: 36, right: 16, bottom: 52, left: 64 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A "nice" upper bound for an axis (a round multiple of a power of ten, so quarter ticks read well). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= max)!;
  return step * power;
}

/** Axis labels: no decimals once the axis reaches 10, thousands as "k". */
function tick(v: number): string {
  if (v >= 10_000) return `${Math.round(v / 1000)}k`;
  return v >= 10 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1);
}

function frame(title: string, yMax: number): string {
  const plotH = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = PAD.top + plotH * (1 - f);
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#e3e6ea"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${tick(yMax * f)}</text>`;
  });
  return `<text x="${W / 2}" y="20" text-anchor="middle" font-weight="600" font-size="14">${escapeHtml(title)}</text>${ticks.join('')}`;
}

function svg(body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(label)}" font-family="system-ui, sans-serif" font-size="11">${body}</svg>`;
}

/** Grouped bars: one group per category, one bar per series, each bar labelled with its value. */
export function barChart(title: string, categories: string[], series: Series[], format: (v: number) => string): string {
  const yMax = niceMax(1.08 * Math.max(...series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / categories.length;
  const barW = (groupW * 0.7) / series.length;
  const parts = [frame(title, yMax)];
  categories.forEach((cat, ci) => {
    const x0 = PAD.left + ci * groupW + groupW * 0.15;
    series.forEach((s, si) => {
      const v = s.values[ci];
      const h = (v / yMax) * plotH;
      const x = x0 + si * barW;
      const y = PAD.top + plotH - h;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colors?.[ci] ?? s.color}"><title>${escapeHtml(`${cat} · ${s.name}: ${format(v)}`)}</title></rect>`);
      parts.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${escapeHtml(format(v))}</text>`);
    });
    parts.push(`<text x="${(x0 + (barW * series.length) / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(cat)}</text>`);
  });
  if (series.length > 1) parts.push(legend(series));
  return svg(parts.join(''), title);
}

function legend(series: Series[]): string {
  return series
    .map((s, i) => {
      const x = PAD.left + i * 130;
      return `<rect x="${x}" y="${H - 18}" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="${H - 9}">${escapeHtml(s.name)}</text>`;
    })
    .join('');
}

/** Lines over a shared x axis (e.g. time of day), one per series (the first drawn on top), with a legend. */
export function lineChart(title: string, xLabels: string[], series: Series[]): string {
  const yMax = niceMax(1.08 * Math.max(...series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = Math.max(...series.map((s) => s.values.length));
  const xAt = (i: number) => PAD.left + (n > 1 ? (i / (n - 1)) * plotW : plotW / 2);
  const parts = [frame(title, yMax)];
  const every = Math.max(1, Math.ceil(xLabels.length / 8));
  xLabels.forEach((label, i) => {
    if (i % every === 0) parts.push(`<text x="${xAt(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  for (const s of [...series].reverse()) {
    const points = s.values.map((v, i) => `${xAt(i).toFixed(1)},${(PAD.top + plotH - (v / yMax) * plotH).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}><title>${escapeHtml(s.name)}</title></polyline>`);
  }
  parts.push(legend(series));
  return svg(parts.join(''), title);
}
