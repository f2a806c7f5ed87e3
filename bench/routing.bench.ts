import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { connect, withDatabase } from '../src/platform/db/db.ts';
import { startEmbeddedPostgres, type EmbeddedDb } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { RoutingEngine } from '../src/domains/tasks/engine.ts';
import { systemClock } from '../src/domains/tasks/scheduler.ts';
import type { ProjectState } from '../src/domains/tasks/state.ts';
import { setPresence } from '../src/domains/agents/presence-actions.ts';
import { chooseTask } from '../src/domains/tasks/choose.ts';
import { reportBench } from './lib/report.ts';
import { seedRouting, sqlAssign } from './lib/routing-seed.ts';

/**
 * Routing engine benchmark (issue 3, item 9): 1,000,000 open tasks in 100 queues, 1,000 agents with mixed
 * skills and caps. Measures "agent available -> offer committed" latency (one agent at a time), sustained
 * committed assignments/s (all agents available at once, rounds), rebuild time and RSS, against the same
 * eligibility and score done as one SQL statement with FOR UPDATE SKIP LOCKED. BENCH_SCALE=0.05 for a quick check.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const N = { queues: 100, agents: Math.max(20, Math.round(1000 * scale)), tasks: Math.round(1_000_000 * scale) };
const LATENCY_SAMPLES = 1000;
const ROUNDS = 5;
const BASELINE_SECONDS = 20;
const log = (m: string) => process.stderr.write(`routing bench: ${m}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const rssMb = () => process.memoryUsage().rss / 1048576;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

let embedded: EmbeddedDb | undefined;
let tmp: string | undefined;
let server = process.env.BENCH_DATABASE_URL;
if (!server) {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sb-routing-bench-'));
  embedded = await startEmbeddedPostgres({ dataDir: tmp, port: 56000 + Math.floor(Math.random() * 2000) });
  server = embedded.url;
}
const cleanup = () => {
  void embedded?.stop().finally(() => tmp && rmSync(tmp, { recursive: true, force: true }));
};
process.once('SIGINT', cleanup);
process.once('SIGTERM', cleanup);
const dbName = `bench_routing_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const handle = connect(withDatabase(server, dbName));
await migrate(handle.pool);
const db = handle.db;

let t = performance.now();
const projectId = await seedRouting(db, N);
log(`seeded ${N.tasks} tasks, ${N.agents} agents in ${((performance.now() - t) / 1000).toFixed(1)} s`);

gc();
const rssBefore = rssMb();
const bus = new EventBus();
const engine = new RoutingEngine({ db, bus, log: pino({ level: 'silent' }), clock: systemClock });
t = performance.now();
const ps: ProjectState = await engine.project(projectId);
const rebuildS = (performance.now() - t) / 1000;
gc();
let peakRss = rssMb();
log(`rebuilt ${ps.index.tasks.size} tasks in ${rebuildS.toFixed(1)} s, RSS ${peakRss.toFixed(0)} MB (JS heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB; ${rssBefore.toFixed(0)} MB before the rebuild)`);

const offeredAt = new Map<string, { at: number; taskId: string }>();
let waiter: { count: number; resolve: () => void } | undefined;
bus.subscribe((e) => {
  if (e.type !== 'task.offered') return;
  offeredAt.set((e.payload as { agentId: string }).agentId, { at: performance.now(), taskId: (e.payload as { taskId: string }).taskId });
  if (waiter && offeredAt.size >= waiter.count) waiter.resolve();
});
const agents = [...ps.agents.values()];

/** Takes the offered tasks away and sends their agents offline, in bulk, outside the timed sections. */
async function releaseAll(): Promise<void> {
  const held = [...offeredAt.entries()];
  await sql`UPDATE tasks SET status = 'done', completed_at = now() WHERE id = ANY(${held.map(([, o]) => o.taskId)}::uuid[])`.execute(db);
  await sql`UPDATE agents SET state = 'offline', current_task_id = NULL WHERE project_id = ${projectId}`.execute(db);
  for (const [, o] of held) {
    ps.forgetTask(o.taskId);
    engine.scheduler.cancel(`offer:${o.taskId}`);
  }
  for (const a of agents) a.presence = { state: 'offline', since: Date.now(), reason: null, taskId: null, wrapUpUntil: null };
  offeredAt.clear();
}

const waitOffered = (count: number) => new Promise<void>((resolve) => {
  if (offeredAt.size >= count) return resolve();
  waiter = { count, resolve };
});

// 0. Decision compute alone (no database): the best task for every agent from the in-memory index.
const compute: number[] = [];
for (const a of agents) {
  const s = performance.now();
  const cands = ps.index.candidates(ps.candidate(a), Date.now());
  chooseTask(ps.candidate(a), cands.map((t) => ({ task: t, settings: ps.queues.get(t.queueId)!.settings })), Date.now());
  compute.push(performance.now() - s);
}
log(`decision compute per agent p50 ${pct(compute, 0.5).toFixed(3)} ms, p99 ${pct(compute, 0.99).toFixed(3)} ms`);

// 1. Latency: one agent becomes available (presence committed), time until its offer is committed and announced.
const latencies: number[] = [];
for (let i = 0; i < LATENCY_SAMPLES; i++) {
  const a = agents[i % agents.length]!;
  await engine.run(projectId, (p) => setPresence(engine, p, a, { state: 'available' }));
  const start = performance.now();
  await waitOffered(1);
  latencies.push(offeredAt.get(a.id)!.at - start);
  await releaseAll();
}
log(`latency p50 ${pct(latencies, 0.5).toFixed(2)} ms, p99 ${pct(latencies, 0.99).toFixed(2)} ms`);

// 2. Throughput: every agent available at once, ROUNDS times.
let assigned = 0;
let busyMs = 0;
const cpu0 = process.cpuUsage();
const burst: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  await sql`UPDATE agents SET state = 'available', state_since = now() WHERE project_id = ${projectId}`.execute(db);
  const start = performance.now();
  for (const a of agents) engine.applyAgentQuietly(ps, a, { state: 'available', since: Date.now(), reason: null, taskId: null, wrapUpUntil: null });
  await waitOffered(agents.length);
  busyMs += performance.now() - start;
  assigned += offeredAt.size;
  for (const o of offeredAt.values()) burst.push(o.at - start);
  peakRss = Math.max(peakRss, rssMb());
  await releaseAll();
}
const cpu = process.cpuUsage(cpu0);
const perCpuSecond = assigned / ((cpu.user + cpu.system) / 1e6);
const perSecond = assigned / (busyMs / 1000);
log(`${assigned} assignments in ${(busyMs / 1000).toFixed(2)} s = ${perSecond.toFixed(0)}/s (${perCpuSecond.toFixed(0)} per engine CPU-second, releases included)`);

// 3. Baseline: the same decision as one SQL statement per assignment, for BASELINE_SECONDS.
const sqlLat: number[] = [];
const until = performance.now() + BASELINE_SECONDS * 1000;
for (let i = 0; performance.now() < until; i++) {
  const a = agents[i % agents.length]!;
  const s = performance.now();
  await sqlAssign(db, projectId, { id: a.id, skills: a.skills, cap: a.scoreCap });
  sqlLat.push(performance.now() - s);
  await sql`UPDATE agents SET state = 'offline', current_task_id = NULL WHERE id = ${a.id}`.execute(db);
}
const sqlPerSecond = sqlLat.length / (sqlLat.reduce((x, y) => x + y, 0) / 1000);
log(`SQL baseline: ${sqlLat.length} assignments, ${sqlPerSecond.toFixed(1)}/s, p99 ${pct(sqlLat, 0.99).toFixed(1)} ms`);

const extra = { tasks: N.tasks, agents: N.agents, queues: N.queues, scale, loadAverage1m: os.loadavg()[0]!, computeP50Ms: pct(compute, 0.5), computeP99Ms: pct(compute, 0.99) };
reportBench('routing', [
  { metric: 'committed assignments/s (all agents available)', value: perSecond, baseline: sqlPerSecond, baselineName: 'one SQL statement per assignment', higherIsBetter: true,
    target: '>= 1,000/s and >= 10x baseline', met: perSecond >= 1000 && perSecond >= 10 * sqlPerSecond, extra: { ...extra, burstP99Ms: pct(burst, 0.99), assignmentsPerEngineCpuSecond: perCpuSecond } },
  { metric: 'available -> offer committed p99, ms', value: pct(latencies, 0.99), baseline: pct(sqlLat, 0.99), baselineName: 'SQL statement p99', higherIsBetter: false,
    target: '< 5 ms', met: pct(latencies, 0.99) < 5, extra: { ...extra, p50Ms: pct(latencies, 0.5), sqlP50Ms: pct(sqlLat, 0.5) } },
  { metric: 'rebuild from PostgreSQL, s', value: rebuildS, baseline: 15, baselineName: 'target', higherIsBetter: false, target: '< 15 s', met: rebuildS < 15 },
  { metric: 'RSS after rebuild and rounds, MB', value: peakRss, baseline: 600, baselineName: 'target', higherIsBetter: false, target: '< 600 MB', met: peakRss < 600 },
]);

engine.stop();
await handle.close();
await admin.query(`DROP DATABASE ${dbName}`).catch(() => undefined);
await admin.end();
await embedded?.stop();
if (tmp) rmSync(tmp, { recursive: true, force: true });
