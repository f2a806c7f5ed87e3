import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { connect, type DbHandle } from './platform/db/db.ts';
import { startEmbeddedPostgres, type EmbeddedDb } from './platform/db/embedded.ts';
import { migrate } from './platform/db/migrate.ts';
import { EventBus } from './platform/events/bus.ts';
import { bridgeEvents, type EventBridge } from './platform/events/pg-bridge.ts';
import { buildApp } from './platform/http/app.ts';
import { opsRoutes } from './platform/http/ops-routes.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createServices, type Services } from './services.ts';

export interface Switchboard {
  app: FastifyInstance;
  url: string;
  db: DbHandle;
  bus: EventBus;
  /** Carries events to and from the other Switchboard processes on the same database. */
  bridge: EventBridge;
  services: Services;
  stop(): Promise<void>;
}

/** Brings up the database (embedded unless DATABASE_URL), migrations, services and HTTP, in that order. */
export async function openDatabase(config: Config, log: Logger): Promise<{ handle: DbHandle; embedded?: EmbeddedDb }> {
  let embedded: EmbeddedDb | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log: (m) => log.debug(m) });
    url = embedded.url;
  }
  const handle = connect(url);
  const applied = await migrate(handle.pool);
  if (applied.length) log.info({ applied }, 'database migrated');
  return { handle, embedded };
}

export interface StartOptions {
  listen?: boolean;
  /** Where the built web app is served from (tests pin one copy for the whole run). */
  webDist?: string;
  /** Writes data before the services load their in-memory state (the demo seed), so they start with it. */
  seed?: (db: DbHandle['db']) => Promise<void>;
}

export async function startSwitchboard(config: Config, log: Logger, opts: StartOptions = {}): Promise<Switchboard> {
  const { handle, embedded } = await openDatabase(config, log);
  await opts.seed?.(handle.db);
  const bus = new EventBus();
  const bridge = await bridgeEvents(bus, handle.pool, handle.url, log);
  const jobs = await startJobs(handle.url, log);
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log });
  const services = await createServices({ config, log, db: handle.db, bus, jobs, mailer });
  const app = await buildApp({
    config,
    log,
    resolver: services.directory.access,
    routes: [opsRoutes(handle.db), ...services.routes],
    webDist: opts.webDist,
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await services.stop();
    await jobs.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
    await bridge.stop();
    await handle.close();
    await embedded?.stop();
  };
  let url = config.publicUrl;
  try {
    if (opts.listen === false) await app.ready();
    else url = config.PUBLIC_URL ?? (await app.listen({ port: config.PORT, host: config.HOST })).replace('127.0.0.1', 'localhost');
  } catch (err) {
    await stop();
    throw err;
  }
  return { app, url, db: handle, bus, bridge, services, stop };
}
