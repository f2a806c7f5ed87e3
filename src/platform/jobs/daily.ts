import type { Logger } from 'pino';
import type { Jobs } from './jobs.ts';

/**
 * Runs `work` once a day at `cron` (UTC), once across all Switchboard processes (a pg-boss schedule),
 * and logs what it removed. Housekeeping (old delivery logs, expired sessions) goes through here.
 * Returns the worker id, for `offWork` on shutdown.
 */
export async function scheduleDaily(jobs: Jobs, queue: string, cron: string, log: Logger, work: () => Promise<number>): Promise<string> {
  await jobs.createQueue(queue);
  await jobs.schedule(queue, cron);
  return jobs.work(queue, async () => {
    const removed = await work();
    if (removed) log.info({ queue, removed }, 'daily housekeeping removed old rows');
  });
}
