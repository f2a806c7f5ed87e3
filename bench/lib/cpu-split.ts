import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds spent by the processes of a load test, read from Linux /proc: the server under test, this
 * bench process (the load generator) and every PostgreSQL process. On a small shared machine they all
 * compete for the same cores, so a request's cost is the sum, not just the server's share.
 */
export interface CpuSplit {
  server: number;
  /** the server's kernel time (system calls: sockets) */
  serverKernel: number;
  generator: number;
  postgres: number;
}

const ticks = Number(process.env.CLK_TCK ?? 100);

/** [user, kernel] CPU seconds of a process. */
function timesOf(pid: number | string): [number, number] {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [Number(fields[11]) / ticks, Number(fields[12]) / ticks];
  } catch {
    return [0, 0];
  }
}

const cpuOf = (pid: number | string): number => {
  const [user, kernel] = timesOf(pid);
  return user + kernel;
};

function postgresCpu(): number {
  let sum = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') sum += cpuOf(pid);
    } catch {
      /* the process ended while we looked */
    }
  }
  return sum;
}

export function cpuNow(serverPid: number): CpuSplit {
  const [user, kernel] = timesOf(serverPid);
  return { server: user + kernel, serverKernel: kernel, generator: cpuOf(process.pid), postgres: postgresCpu() };
}

/** Microseconds of CPU per request for each process between two readings. */
export function perRequest(before: CpuSplit, after: CpuSplit, requests: number): string {
  const us = (k: keyof CpuSplit) => Math.round(((after[k] - before[k]) * 1e6) / requests);
  return `CPU per request: server ${us('server')} us (kernel ${us('serverKernel')} us), load generator ${us('generator')} us, PostgreSQL ${us('postgres')} us`;
}
