import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { profileArgs, reportBench } from './lib/report.ts';
import { benchDatabase, type BenchDb } from './lib/contacts-db.ts';

/**
 * Issue 4: the time from the PBX's route request to the first caller-card frame on the ringing
 * agent's WebSocket, p95, with three connectors answering in 10 ms (target < 50 ms), and again with
 * a fourth connector that never answers (the card must still arrive on time and end "partial").
 * Baseline, same socket and run: the time from the route request to the `call.routed` event.
 * BENCH_CALLS (default 400) calls per scenario, one after another.
 */
const calls = Math.max(20, Math.round(Number(process.env.BENCH_CALLS ?? 400) * Number(process.env.BENCH_SCALE ?? 1)));
const CONTACTS = 200;
const HANG_DEADLINE_MS = 300;

async function load(db: BenchDb, officeUrl: string): Promise<{ agentId: string; hangingId: string }> {
  const c = await db.handle.pool.connect();
  try {
    const user = await c.query(`INSERT INTO users (email, name) VALUES ('card-agent@example.test', 'Agent') RETURNING id`);
    const agentId = user.rows[0].id as string;
    await c.query(`INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, 'agent')`, [db.projectId, agentId]);
    await c.query(`INSERT INTO accounts (id, project_id, name, kind, external_id) SELECT md5('a' || g)::uuid, $1, 'Firma ' || g, 'customer', 'ACC-' || g FROM generate_series(0, $2::int - 1) g`, [db.projectId, CONTACTS]);
    await c.query(`INSERT INTO contacts (id, project_id, account_id, name, owner_id, city) SELECT md5('c' || g)::uuid, $1, md5('a' || g)::uuid, 'Kontakt ' || g, $3, 'Brno' FROM generate_series(0, $2::int - 1) g`, [db.projectId, CONTACTS, agentId]);
    await c.query(`INSERT INTO contact_phones (project_id, phone, contact_id) SELECT $1, '+420601' || lpad(g::text, 6, '0'), md5('c' || g)::uuid FROM generate_series(0, $2::int - 1) g`, [db.projectId, CONTACTS]);
    for (const [i, name] of ['account', 'orders', 'invoices'].entries()) {
      await c.query(`INSERT INTO connectors (project_id, name, url_template, display, deadline_ms, position) VALUES ($1, $2, $3, 'fields', 1000, $4)`, [db.projectId, name, `${officeUrl}/${name}?phone={{phone}}&acc={{account.externalId}}`, i]);
    }
    const hanging = await c.query(`INSERT INTO connectors (project_id, name, url_template, deadline_ms, position, enabled) VALUES ($1, 'hanging', $2, $3, 9, false) RETURNING id`, [db.projectId, `${officeUrl}/hang`, HANG_DEADLINE_MS]);
    return { agentId, hangingId: hanging.rows[0].id as string };
  } finally {
    c.release();
  }
}

/** A back office whose sources answer in 10 ms, except /hang, which never answers. */
async function backOffice() {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/hang')) return;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ltv: 123456, receivables: 0, url: req.url }));
    }, 10);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

interface Timing { routed: number; frame: number; done: number; status: string }

async function scenario(s: { switchboard: string; token: string }, socket: WebSocket, tag: string, count = calls): Promise<Timing[]> {
  const out: Timing[] = [];
  for (let i = 0; i < count; i++) {
    const callId = `${tag}-${i}`;
    const t: Partial<Timing> = {};
    const started = performance.now();
    const finished = new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(String(data));
        if (m.payload?.callId !== callId) return;
        const at = performance.now() - started;
        if (m.type === 'call.routed') t.routed = at;
        if (m.type === 'card.frame' && m.payload.kind === 'card') t.frame = at;
        if (m.type === 'card.frame' && m.payload.kind === 'done') {
          t.done = at;
          t.status = m.payload.status;
          socket.off('message', onMessage);
          resolve();
        }
      };
      socket.on('message', onMessage);
    });
    const res = await fetch(`${s.switchboard}/api/telephony/kamailio/route`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchboard-token': s.token },
      body: JSON.stringify({ callId, from: `+420601${String(i % CONTACTS).padStart(6, '0')}`, to: '+420222000111' }),
    });
    if (!res.ok) throw new Error(`route answered ${res.status}`);
    await finished;
    await fetch(`${s.switchboard}/api/telephony/kamailio/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-switchboard-token': s.token }, body: JSON.stringify({ event: 'ended', callId }) });
    out.push(t as Timing);
  }
  return out;
}

const office = await backOffice();
const db = await benchDatabase();
let server: ReturnType<typeof spawn> | undefined;
try {
  const { agentId, hangingId } = await load(db, office.url);
  server = spawn(process.execPath, ['--max-semi-space-size=64', ...profileArgs, '--import', 'tsx', 'bench/lib/card-server.ts', db.url, db.projectId, agentId], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
  const s = JSON.parse(line) as { switchboard: string; token: string; cookie: string; apiKey: string };
  const socket = new WebSocket(`${s.switchboard.replace('http', 'ws')}/api/projects/${db.projectId}/events`, { headers: { cookie: s.cookie } });
  await once(socket, 'open');
  await scenario(s, socket, 'warm', 50);
  const fast = await scenario(s, socket, 'fast');
  const enabled = await fetch(`${s.switchboard}/api/projects/${db.projectId}/connectors/${hangingId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.apiKey}` },
    body: JSON.stringify({ enabled: true }),
  });
  if (!enabled.ok) throw new Error(`enabling the hanging connector: ${enabled.status}`);
  const hanging = await scenario(s, socket, 'hang');
  socket.close();
  const figure = (xs: Timing[], k: keyof Timing) => p95(xs.map((x) => x[k] as number));
  const partial = hanging.filter((x) => x.status === 'partial').length;
  reportBench('card-latency', [
    { metric: 'route request -> first card frame p95 ms (3 connectors, 10 ms)', value: figure(fast, 'frame'), baseline: figure(fast, 'routed'), baselineName: 'call.routed on the same socket p95 ms', higherIsBetter: false, target: '< 50 ms', met: figure(fast, 'frame') < 50, extra: { calls, completeCardP95Ms: figure(fast, 'done') } },
    { metric: `first card frame p95 ms with one connector hanging`, value: figure(hanging, 'frame'), baseline: figure(hanging, 'routed'), baselineName: 'call.routed p95 ms', higherIsBetter: false, target: '< 50 ms, every card partial', met: figure(hanging, 'frame') < 50 && partial === hanging.length, extra: { partialCards: partial, calls: hanging.length, lastFrameP95Ms: figure(hanging, 'done'), hangDeadlineMs: HANG_DEADLINE_MS } },
  ]);
} finally {
  if (server) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await db.close();
  office.close();
}
