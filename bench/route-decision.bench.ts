import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { memoryOf, profileArgs, reportBench, serverMemory } from './lib/report.ts';
import { benchDatabase, type BenchDb } from './lib/contacts-db.ts';
import { cpuNow, perRequest, type CpuSplit } from './lib/cpu-split.ts';

/**
 * The PBX's route question (POST /api/telephony/kamailio/route) with 1,000,000 contacts
 * (BENCH_SCALE=0.1: 100,000) and 50 routing rules, callers drawn uniformly from all numbers plus
 * unknown ones, against a bare Fastify POST route in the same server process. Targets (issue 4):
 * >= 50% of the bare route's throughput, p99 < 10 ms. Also reports the phone directory's load time and the server's RSS,
 * and, as a diagnostic without a target, the same route on a second server started without the call recorder
 * and the caller-card assembler (which do database work for every routed call), against that server's own baseline.
 * Baseline and route run in interleaved rounds (mean req/s, worst p99 over the rounds). Every comparison prints
 * the CPU each process spent per request (server, load generator, PostgreSQL): on a small machine they share
 * the cores, so that split says more than req/s about where a request's cost is.
 */
const contacts = Math.min(1_000_000, Math.round(1_000_000 * Number(process.env.BENCH_SCALE ?? 1)));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * Interleaved rounds per comparison, each of `seconds / 4` per side: the machine's other tenants come and go
 * within seconds, and many short rounds spread their load over both sides where a few long ones hand it to one.
 */
const ROUNDS = 6;
const connections = 20;

async function load(db: BenchDb): Promise<string> {
  const c = await db.handle.pool.connect();
  try {
    const user = await c.query(`INSERT INTO users (email, name) VALUES ('bench-agent@example.test', 'Agent') RETURNING id`);
    const agentId = user.rows[0].id as string;
    await c.query(`INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, 'agent')`, [db.projectId, agentId]);
    await c.query('SET session_replication_role = replica');
    await c.query(`INSERT INTO accounts (id, project_id, name, kind, owner_id)
      SELECT md5('a' || g)::uuid, $1, 'Firma ' || g, (ARRAY['customer','supplier','partner','other'])[1 + g % 4], CASE WHEN g % 3 = 0 THEN $3::uuid END
      FROM generate_series(0, $2::int / 4) g`, [db.projectId, contacts, agentId]);
    await c.query(`INSERT INTO contacts (id, project_id, account_id, name, tags)
      SELECT md5('c' || g)::uuid, $1, md5('a' || (g / 4))::uuid, 'Kontakt ' || g, ARRAY['bench'] FROM generate_series(0, $2::int - 1) g`, [db.projectId, contacts]);
    await c.query(`INSERT INTO contact_phones (project_id, phone, contact_id)
      SELECT $1, '+420601' || lpad(g::text, 6, '0'), md5('c' || g)::uuid FROM generate_series(0, $2::int - 1) g`, [db.projectId, contacts]);
    await c.query('SET session_replication_role = DEFAULT');
    await c.query('ANALYZE accounts; ANALYZE contacts; ANALYZE contact_phones');
    return agentId;
  } finally {
    c.release();
  }
}

let runs = 0;

async function cannon(url: string, headers: Record<string, string>, amount?: number) {
  // A PBX never routes the same call twice: every run gets call ids of its own.
  const run = runs++;
  let n = 0;
  const body = () => {
    const i = Math.floor(Math.random() * contacts * 1.1);
    return JSON.stringify({ callId: `bench-${run}-${n++}`, from: `+420601${String(i).padStart(6, '0')}`, to: '+420222999999' });
  };
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds / 4 }),
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

/** Starts a route server (after the contacts are loaded) and waits for its JSON line. */
async function startServer(db: BenchDb, agentId: string, mode = 'whole') {
  const server = spawn(process.execPath, ['--max-semi-space-size=64', ...profileArgs, '--import', 'tsx', 'bench/lib/route-server.ts', db.url, db.projectId, agentId, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
  const s = JSON.parse(line) as { switchboard: string; hello: string; token: string; startMs: number; callers: number };
  return { server, ...s, route: `${s.switchboard}/api/telephony/kamailio/route`, auth: { 'x-switchboard-token': s.token } };
}

type Run = Awaited<ReturnType<typeof cannon>>;

/**
 * The baseline and the subject in interleaved rounds (baseline, subject, baseline, ...): on a shared machine
 * the load of the neighbours drifts over a run, and alternating short rounds spreads that drift over both
 * sides instead of handing it to whichever ran second. Prints each round's ratio and, per side, the CPU each
 * process spent per request; returns each side's mean req/s and worst p99.
 */
async function interleaved(pid: number, names: [string, string], runs: [() => Promise<Run>, () => Promise<Run>]) {
  const zero = (): CpuSplit => ({ server: 0, serverKernel: 0, generator: 0, postgres: 0 });
  const sides = runs.map(() => ({ rps: 0, p99: 0, total: 0, cpu: zero() }));
  const ratios: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const got: Run[] = [];
    for (const [i, run] of runs.entries()) {
      const before = cpuNow(pid);
      const r = await run();
      const after = cpuNow(pid);
      const side = sides[i]!;
      for (const k of Object.keys(side.cpu) as Array<keyof CpuSplit>) side.cpu[k] += after[k] - before[k];
      side.rps += r.rps / ROUNDS;
      side.p99 = Math.max(side.p99, r.p99);
      side.total += r.total;
      got.push(r);
    }
    ratios.push(`${(got[1]!.rps / got[0]!.rps).toFixed(2)}x (${Math.round(got[1]!.rps)}/${Math.round(got[0]!.rps)})`);
  }
  for (const [i, side] of sides.entries()) process.stdout.write(`${names[i]}: ${perRequest(zero(), side.cpu, side.total)}\n`);
  process.stdout.write(`${names[1]} / ${names[0]} per round: ${ratios.join(', ')}\n`);
  return { base: sides[0]!, subject: sides[1]! };
}

async function stop(server: ReturnType<typeof spawn>): Promise<void> {
  server.kill('SIGTERM');
  await once(server, 'exit');
}

const db = await benchDatabase();
const servers: Array<ReturnType<typeof spawn>> = [];
try {
  const agentId = await load(db);
  const s = await startServer(db, agentId);
  servers.push(s.server);
  process.stdout.write(`started with ${s.callers.toLocaleString('en')} numbers in memory in ${(s.startMs / 1000).toFixed(1)} s, ${memoryOf(s.server.pid!)}\n`);
  await cannon(s.route, s.auth, 5000);
  const { base: hello, subject: decided } = await interleaved(s.server.pid!, ['bare Fastify', 'route answer'], [() => cannon(`${s.hello}/route`, {}), () => cannon(s.route, s.auth)]);
  const memory = serverMemory(s.server.pid!);
  process.stdout.write(`server after the runs: ${memoryOf(s.server.pid!)}\n`);
  await stop(s.server);
  const bare = await startServer(db, agentId, 'without-side-effects');
  servers.push(bare.server);
  await cannon(bare.route, bare.auth, 5000);
  const { base: bareHello, subject: own } = await interleaved(bare.server.pid!, ['bare Fastify (second server)', 'route answer without call records and cards'], [() => cannon(`${bare.hello}/route`, {}), () => cannon(bare.route, bare.auth)]);
  reportBench('route-decision', [
    { metric: `route answer, ${contacts.toLocaleString('en')} contacts, 50 rules, req/s`, value: decided.rps, baseline: hello.rps, baselineName: 'bare Fastify POST req/s', higherIsBetter: true, target: '>= 0.50x', met: decided.rps >= 0.5 * hello.rps },
    { metric: 'route answer p99 ms', value: decided.p99, baseline: hello.p99, baselineName: 'bare Fastify POST p99 ms', higherIsBetter: false, target: '< 10 ms', met: decided.p99 < 10, extra: { startSeconds: s.startMs / 1000, ...memory } },
    { metric: 'diagnostic: route answer without call records and cards, req/s', value: own.rps, baseline: bareHello.rps, baselineName: 'bare Fastify POST req/s', higherIsBetter: true },
    { metric: 'diagnostic: route answer without call records and cards, p99 ms', value: own.p99, baseline: bareHello.p99, baselineName: 'bare Fastify POST p99 ms', higherIsBetter: false },
  ]);
} finally {
  for (const server of servers) if (server.exitCode === null && server.signalCode === null) await stop(server);
  await db.close();
}
