import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchFigure {
  /** What is measured, e.g. "GET contact by phone, req/s". */
  metric: string;
  value: number;
  /** The same machine's baseline measured in the same run, e.g. a bare Fastify route. */
  baseline: number;
  baselineName: string;
  /** Whether a higher value is better (throughput) or lower (latency, memory). */
  higherIsBetter: boolean;
  /** The target as a ratio or absolute figure, described in words, and whether it held. */
  target?: string;
  met?: boolean;
  extra?: Record<string, number | string>;
}

/** Writes bench/results/<name>.json and prints one line per figure: value, baseline, ratio. */
export function reportBench(name: string, figures: BenchFigure[]): void {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const rows = figures.map((f) => ({ ...f, ratio: f.baseline === 0 ? null : f.value / f.baseline }));
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), figures: rows }, null, 2));
  for (const r of rows) {
    const ratio = r.ratio === null ? 'n/a' : `${r.ratio.toFixed(2)}x`;
    const verdict = r.met === undefined ? '' : r.met ? '  [target met]' : '  [TARGET MISSED]';
    const target = r.target ? `  target: ${r.target}` : '';
    process.stdout.write(
      `${name.padEnd(18)} ${r.metric}: ${fmt(r.value)} vs ${r.baselineName} ${fmt(r.baseline)} = ${ratio}${target}${verdict}\n`,
    );
  }
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2));

/** `BENCH_CPU_PROF=DIR` profiles the server under test (node --cpu-prof), to see where a request's time goes. */
export const profileArgs: string[] = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/** A server process's resident memory now and at its peak (Linux /proc), in MB. */
export function serverMemory(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

export const memoryOf = (pid: number): string => {
  const m = serverMemory(pid);
  return `RSS ${m.rssMb} MB (peak ${m.peakRssMb} MB)`;
};
