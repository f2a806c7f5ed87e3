import type { DaySummary } from './metrics.ts';
import type { DialerRun } from './run.ts';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const int = (x: number) => Math.round(x).toLocaleString('en');

/** Renders rows as an aligned plain-text table (first column left, the others right aligned). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures of one day as label/value rows. */
export function summaryRows(s: DaySummary): string[][] {
  return [
    ['dials', int(s.dials)],
    ['answered by a person', int(s.answered)],
    ['connected to an agent', int(s.connected)],
    ['abandoned', int(s.abandoned)],
    ['abandon rate', pct(s.abandonRate)],
    ['worst rolling hour abandon rate', pct(s.worstHourAbandonRate)],
    ['agent occupancy (talk / logged-in)', pct(s.occupancy)],
    ['idle share (ready, waiting for a call)', pct(s.idleShare)],
    ['talk minutes per agent-hour', s.talkMinutesPerAgentHour.toFixed(1)],
  ];
}

/** The CLI's human-readable report of a run. */
export function formatRun(run: DialerRun): string {
  const s = run.scenario;
  const title = `dialer simulation: ${s.mode}${s.mode === 'fixed-ratio' ? ` ${s.ratio}` : ''}, ${s.agents} agents, ${s.hours} h, seed ${s.seed}, abandon target ${pct(s.abandonTarget)}`;
  const rows = summaryRows(run.summary);
  if (run.hindsight === null) rows.push(['hindsight ratio', 'none keeps the target']);
  else if (run.hindsight) {
    const h = run.hindsight;
    rows.push(
      ['hindsight ratio (best fixed ratio)', h.ratio.toFixed(2)],
      ['  its occupancy', pct(h.summary.occupancy)],
      ['  its abandon rate', pct(h.summary.abandonRate)],
      ['  occupancy vs hindsight', `${((run.summary.occupancy / h.summary.occupancy) * 100).toFixed(1)}%`],
    );
  }
  return `${title}\n\n${formatTable(['figure', 'value'], rows)}\n`;
}

/** The JSON the CLI prints with --json (stable field names, rates as fractions). */
export function runJson(run: DialerRun): object {
  return {
    scenario: run.scenario,
    summary: run.summary,
    ...(run.hindsight === undefined
      ? {}
      : { hindsight: run.hindsight && { ratio: run.hindsight.ratio, runs: run.hindsight.runs, summary: run.hindsight.summary } }),
  };
}
