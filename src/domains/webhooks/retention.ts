import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { scheduleDaily } from '../../platform/jobs/daily.ts';
import { webhookRepo } from './repo.ts';

const DAY_MS = 86_400_000;

/**
 * Once a day deletes delivered and failed deliveries older than `days`, so the delivery log keeps
 * recent history without growing forever. Returns the worker id, for `offWork` on shutdown.
 */
export function scheduleLogCleanup(jobs: Jobs, db: Db, days: number, log: Logger): Promise<string> {
  return scheduleDaily(jobs, 'webhook-log-cleanup', '17 3 * * *', log, () => webhookRepo.prune(db, new Date(Date.now() - days * DAY_MS)));
}
