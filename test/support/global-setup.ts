import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { withDatabase } from '../../src/platform/db/db.ts';
import { snapshotWebApp } from './web-snapshot.ts';

export const TEMPLATE_DB = 'switchboard_template';

/**
 * One real PostgreSQL for the whole run (TEST_DATABASE_URL, or an embedded one in a temp dir),
 * with a migrated template database that every test file clones into its own database, and one fixed
 * copy of the built web app for the browser tests (see web-snapshot.ts).
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => undefined as void;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port });
    serverUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
  const pool = new pg.Pool({ connectionString: templateUrl });
  await migrate(pool);
  await pool.end();
  project.provide('pgServerUrl', serverUrl);
  const web = await snapshotWebApp();
  project.provide('webDist', web.dir ?? '');
  return async () => {
    web.remove();
    await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    /** the run's copy of web/dist ('' when there is no build) */
    webDist: string;
  }
}
