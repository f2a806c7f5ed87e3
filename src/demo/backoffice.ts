import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db/db.ts';
import { typed } from '../platform/http/app.ts';

/** The demo back office's token; it guards demo data only, never anything real. */
export const DEMO_BACKOFFICE_TOKEN = 'demo-backoffice-7f3a';
/** The support source answers this late, so the demo shows a card streaming in. */
export const SLOW_SOURCE_MS = 1500;

const PRODUCTS = ['Electricity tariff', 'Gas tariff', 'Solar panels', 'Heat pump', 'Service contract', 'Smart meter'];
const TOPICS = ['Meter reading', 'Invoice question', 'Tariff change', 'Outage report', 'Address change', 'Payment plan'];

/** A small deterministic generator seeded by the phone number: the same caller always has the same history. */
function rng(seed: string): () => number {
  let x = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

const day = (r: () => number, maxDaysAgo: number) => new Date(Date.UTC(2026, 10, 20) - Math.floor(r() * maxDaysAgo) * 86_400_000).toISOString().slice(0, 10);

function orders(phone: string) {
  const r = rng(`orders ${phone}`);
  return Array.from({ length: 2 + Math.floor(r() * 5) }, (_, i) => ({
    number: `ORD-${20_000 + Math.floor(r() * 9000) + i}`,
    date: day(r, 720),
    product: PRODUCTS[Math.floor(r() * PRODUCTS.length)],
    amount: `${(500 + Math.floor(r() * 60_000)).toLocaleString('en')} CZK`,
    status: r() < 0.8 ? 'delivered' : 'in progress',
  })).sort((a, b) => b.date.localeCompare(a.date));
}

function invoices(phone: string) {
  const r = rng(`invoices ${phone}`);
  return Array.from({ length: 2 + Math.floor(r() * 4) }, (_, i) => ({
    invoice: `FV${2026_0000 + Math.floor(r() * 9999) + i}`,
    due: day(r, 200),
    amount: `${(300 + Math.floor(r() * 20_000)).toLocaleString('en')} CZK`,
    paid: r() < 0.7 ? 'yes' : 'no',
  })).sort((a, b) => b.due.localeCompare(a.due));
}

function account(phone: string) {
  const r = rng(`account ${phone}`);
  const receivables = r() < 0.4 ? Math.floor(r() * 25_000) : 0;
  return {
    'Lifetime value': `${(20_000 + Math.floor(r() * 900_000)).toLocaleString('en')} CZK`,
    Receivables: receivables ? `${receivables.toLocaleString('en')} CZK overdue` : 'none',
    'Payment discipline': receivables ? 'late payer' : 'pays on time',
    'Customer since': day(r, 3650),
    Segment: ['household', 'small business', 'key account'][Math.floor(r() * 3)],
  };
}

function support(phone: string) {
  const r = rng(`support ${phone}`);
  return Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    ticket: `SUP-${4000 + Math.floor(r() * 900) + i}`,
    opened: day(r, 365),
    topic: TOPICS[Math.floor(r() * TOPICS.length)],
    state: r() < 0.75 ? 'solved' : 'open',
  }));
}

const sources = { account, orders, invoices, support } as const;

/**
 * A fake back office for the demo (accounting, orders, support): deterministic data per phone,
 * behind a bearer token, with the support source deliberately slow. The demo project's connectors
 * point here, so `npm start` shows cards streaming in without any real system.
 */
export function demoBackofficeRoutes() {
  return (app: FastifyInstance) => {
    typed(app).get('/api/demo/backoffice/:source', {
      config: { access: 'public' },
      schema: { tags: ['demo'], hide: true, params: z.object({ source: z.enum(['account', 'orders', 'invoices', 'support']) }), querystring: z.object({ phone: z.string().max(40).default('') }) },
    }, async (req, reply) => {
      if (req.headers.authorization !== `Bearer ${DEMO_BACKOFFICE_TOKEN}`) return reply.code(401).send({ error: 'demo token required' });
      if (req.params.source === 'support') await new Promise((resolve) => setTimeout(resolve, SLOW_SOURCE_MS));
      const data = sources[req.params.source](req.query.phone);
      // Switchboard calls itself here: a kept-alive connection would hold its shutdown for the keep-alive timeout.
      reply.header('connection', 'close');
      return req.params.source === 'account' ? data : { items: data };
    });
  };
}

/** Registers the demo back office's four sources as the demo project's connectors (once, at seeding). */
export async function registerDemoConnectors(db: Db, projectId: string): Promise<void> {
  const base = { project_id: projectId, auth_header: 'Authorization', auth_value: `Bearer ${DEMO_BACKOFFICE_TOKEN}` };
  await db
    .insertInto('connectors')
    .values([
      { ...base, name: 'Accounting', url_template: '/api/demo/backoffice/account?phone={{phone}}', display: 'fields', deadline_ms: 2000, cache_ttl_seconds: 30, position: 1 },
      { ...base, name: 'Orders', url_template: '/api/demo/backoffice/orders?phone={{phone}}', display: 'table', deadline_ms: 2000, cache_ttl_seconds: 30, position: 2 },
      { ...base, name: 'Invoices', url_template: '/api/demo/backoffice/invoices?phone={{phone}}', display: 'table', deadline_ms: 2000, cache_ttl_seconds: 30, position: 3 },
      { ...base, name: 'Support history', url_template: '/api/demo/backoffice/support?phone={{phone}}', display: 'table', deadline_ms: 4000, cache_ttl_seconds: 0, position: 4 },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}
