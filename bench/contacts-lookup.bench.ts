import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { memoryOf, profileArgs, reportBench, serverMemory } from './lib/report.ts';
import { benchDatabase } from './lib/contacts-db.ts';

/**
 * GET contact by phone over HTTP with 1,000,000 contacts loaded (BENCH_SCALE=0.1: 100,000),
 * against a bare Fastify hello-world in the same server process, both driven by autocannon from
 * this process. Callers are drawn uniformly from all numbers and from a hot set of 5,000 repeat
 * callers; both are answered from the phone directory, which holds every contact in memory (loaded
 * when the server starts, after the contacts are in the database). Prints the server's RSS.
 * Targets: >= 40% of hello-world throughput, p99 < 10 ms.
 */
const contacts = Math.min(1_000_000, Math.round(1_000_000 * Number(process.env.BENCH_SCALE ?? 1)));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;
/** Repeat callers: a contact center's regulars. */
const HOT = 5000;
const phoneOf = (i: number) => `%2B420601${String(i).padStart(6, '0')}`;

async function load(db: Awaited<ReturnType<typeof benchDatabase>>): Promise<void> {
  const started = performance.now();
  const c = await db.handle.pool.connect();
  try {
    const { rows: indexes } = await c.query(`SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename IN ('accounts', 'contacts', 'contact_phones') AND indexname NOT LIKE '%pkey'`);
    for (const ix of indexes) await c.query(`DROP INDEX ${ix.indexname}`);
    await c.query('SET session_replication_role = replica');
    await c.query(`INSERT INTO accounts (id, project_id, name, kind, city)
      SELECT md5('a' || g)::uuid, $1, 'Firma ' || g || ' s.r.o.', (ARRAY['customer','customer','customer','supplier','partner','other'])[1 + g % 6], 'Praha'
      FROM generate_series(0, $2::int / 4) g`, [db.projectId, contacts]);
    await c.query(`INSERT INTO contacts (id, project_id, account_id, external_id, name, emails, city, tags)
      SELECT md5('c' || g)::uuid, $1, md5('a' || (g / 4))::uuid, 'C-' || g, 'Kontakt ' || g, ARRAY['k' || g || '@example.cz'], 'Praha', ARRAY['bench']
      FROM generate_series(0, $2::int - 1) g`, [db.projectId, contacts]);
    await c.query(`INSERT INTO contact_phones (project_id, phone, contact_id, label, position)
      SELECT $1, '+420601' || lpad(g::text, 6, '0'), md5('c' || g)::uuid, 'main', 0 FROM generate_series(0, $2::int - 1) g`, [db.projectId, contacts]);
    await c.query('SET session_replication_role = DEFAULT');
    for (const ix of indexes) await c.query(ix.indexdef);
    await c.query('ANALYZE accounts; ANALYZE contacts; ANALYZE contact_phones');
  } finally {
    c.release();
  }
  process.stdout.write(`loaded ${contacts.toLocaleString('en')} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

async function cannon(url: string, path: (() => string) | string, headers: Record<string, string> = {}, amount?: number) {
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [{ method: 'GET', headers, setupRequest: (req) => ({ ...req, path: typeof path === 'string' ? path : path() }) }],
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const db = await benchDatabase();
let server: ReturnType<typeof spawn> | undefined;
try {
  await load(db);
  server = spawn(process.execPath, ['--max-semi-space-size=64', '--expose-gc', ...profileArgs, '--import', 'tsx', 'bench/lib/lookup-server.ts', db.url, db.projectId], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
  const s = JSON.parse(line) as { switchboard: string; hello: string; apiKey: string; startMs: number; numbers: number; heapMb: number };
  process.stdout.write(`server started with ${s.numbers.toLocaleString('en')} numbers in its phone directory in ${(s.startMs / 1000).toFixed(1)} s, ${memoryOf(server.pid!)}, JS heap alive after a full GC ${Math.round(s.heapMb)} MB\n`);
  const auth = { authorization: `Bearer ${s.apiKey}` };
  const base = `/api/projects/${db.projectId}/contacts/by-phone/`;
  const random = () => base + phoneOf(Math.floor(Math.random() * contacts));
  const step = Math.floor(contacts / HOT);
  const hot = () => base + phoneOf(Math.floor(Math.random() * HOT) * step);
  let next = 0;
  await cannon(s.switchboard, () => base + phoneOf((next++ % HOT) * step), auth, HOT);
  await cannon(s.switchboard, random, auth);
  const hello = await cannon(s.hello, '/hello');
  const uniform = await cannon(s.switchboard, random, auth);
  const repeat = await cannon(s.switchboard, hot, auth);
  const fig = (name: string, r: { rps: number; p99: number }) => [
    { metric: `${name}, req/s`, value: r.rps, baseline: hello.rps, baselineName: 'hello-world req/s', higherIsBetter: true, target: '>= 0.40x', met: r.rps >= 0.4 * hello.rps },
    { metric: `${name}, p99 ms`, value: r.p99, baseline: hello.p99, baselineName: 'hello-world p99 ms', higherIsBetter: false, target: '< 10 ms', met: r.p99 < 10 },
  ];
  const rss = serverMemory(server.pid!);
  process.stdout.write(`server after the runs: ${memoryOf(server.pid!)}\n`);
  reportBench('contacts-lookup', [
    ...fig(`by-phone, ${contacts.toLocaleString('en')} contacts, uniform callers`, uniform).map((f) => ({ ...f, extra: rss })),
    ...fig(`by-phone, ${HOT.toLocaleString('en')} repeat callers`, repeat),
  ]);
} finally {
  if (server) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await db.close();
}
