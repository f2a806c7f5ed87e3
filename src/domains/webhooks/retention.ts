import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { webhookRepo } from './repo.ts';

const QUEUE = 'webhook-log-cleanup';
const DAILY_AT_0317_UTC = '17 3 * * *';
const DAY_MS = 86_400_000;

/**
 * Once a day (pg-boss cron, one run across all processes) deletes delivered and failed deliveries
 * older than `days`, so the delivery log keeps recent history without growing forever.
 * Returns the worker id, for `offWork` on shutdown.
 */
export async function scheduleLogCleanup(jobs: Jobs, db: Db, days: number, log: Logger): Promise<string> {
  await jobs.createQueue(QUEUE);
  await jobs.schedule(QUEUE, DAILY_AT_0317_UTC);
  return jobs.work(QUEUE, async () => {
    const removed = await webhookRepo.prune(db, new Date(Date.now() - days * DAY_MS));
    if (removed) log.info({ removed, days }, 'pruned the webhook delivery log');
  });
}
