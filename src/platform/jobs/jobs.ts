import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

export type Jobs = PgBoss;

/** Durable jobs in PostgreSQL (pg-boss): webhook deliveries, due callbacks, report runs. */
export async function startJobs(url: string, log: Logger): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 5, application_name: 'switchboard-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  return boss;
}
