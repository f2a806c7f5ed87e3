import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../../src/platform/db/db.ts';

/** A fresh database cloned from the migrated template, so test files run in parallel in isolation. */
export async function createTestDatabase(): Promise<string> {
  const server = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE switchboard_template`);
  } finally {
    await admin.end();
  }
  return withDatabase(server, name);
}
