import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pollUntil } from '../support/poll.ts';

export const SCENARIOS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

/** The absolute path of a command on PATH (or in /usr/sbin), undefined when it is not installed. */
export function which(cmd: string): string | undefined {
  const found = spawnSync('sh', ['-c', `PATH="$PATH:/usr/sbin:/sbin" command -v ${cmd}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Whether something listens on UDP `port` on 127.0.0.1 (from /proc/net/udp, no traffic sent). */
export function udpBound(port: number): boolean {
  const hex = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/udp', 'utf8').includes(hex);
}

export async function untilUdpBound(port: number, what: string): Promise<void> {
  await pollUntil(async () => udpBound(port), (ok) => ok, 15_000).catch(() => {
    throw new Error(`${what} never listened on udp 127.0.0.1:${port}`);
  });
}

/** Sends a SIP OPTIONS and resolves with the status line of any answer, for proxy readiness. */
export function sipPing(port: number, timeoutMs = 500): Promise<string | undefined> {
  return new Promise((resolve) => {
    const sock = createSocket('udp4');
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const done = (v: string | undefined) => {
      clearTimeout(timer);
      sock.close();
      resolve(v);
    };
    sock.on('message', (m) => done(m.toString().split('\r\n')[0]));
    sock.bind(0, '127.0.0.1', () => {
      const local = sock.address().port;
      const msg = [
        `OPTIONS sip:ping@127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${Date.now()}`,
        'From: <sip:probe@127.0.0.1>;tag=probe',
        `To: <sip:ping@127.0.0.1:${port}>`,
        `Call-ID: probe-${Date.now()}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Max-Forwards: 70',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      sock.send(msg, port, '127.0.0.1');
    });
  });
}

/** Runs a process to completion and gives its exit code and output. */
export function run(cmd: string, args: string[], cwd?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Starts a long-running process; its output is kept for failure messages. */
export function start(cmd: string, args: string[], cwd?: string): ChildProcess & { output: () => string } {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  return Object.assign(child, { output: () => output });
}

/** Stops a process this test started, by its pid, and waits for it to go. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}
