import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, withDatabase, type DbHandle } from '../../src/platform/db/db.ts';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

export interface BenchDb {
  url: string;
  handle: DbHandle;
  projectId: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database with one CZ project for the contact benches: on BENCH_DATABASE_URL's
 * server when set, else on an embedded PostgreSQL in a temp dir that is removed afterwards.
 */
export async function benchDatabase(): Promise<BenchDb> {
  let server = process.env.BENCH_DATABASE_URL;
  let stopServer = async () => undefined as void;
  if (!server) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port: 30000 + Math.floor(Math.random() * 20000) });
    server = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  const handle = connect(url);
  await migrate(handle.pool);
  const org = await handle.db.insertInto('organisations').values({ name: 'Bench' }).returning('id').executeTakeFirstOrThrow();
  const project = await handle.db.insertInto('projects').values({ organisation_id: org.id, name: 'Bench', default_country: 'CZ' }).returning('id').executeTakeFirstOrThrow();
  return {
    url,
    handle,
    projectId: project.id,
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      await stopServer();
    },
  };
}
