import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { RetryPolicy } from './model.ts';
import { DeliveryQueue } from './queue.ts';
import { webhookRepo } from './repo.ts';
import { scheduleLogCleanup } from './retention.ts';
import { Webhooks } from './service.ts';
import { SubscriptionCache } from './subscriptions.ts';

export interface WebhookOptions {
  policy: RetryPolicy;
  /** Per attempt; the receiver must answer 2xx within it. */
  timeoutMs: number;
  /** Finished deliveries stay in the log this many days. */
  logDays: number;
}

/**
 * Outgoing webhooks: settings, the in-memory subscription cache, the bus listener, the durable
 * delivery queue and the daily log cleanup. `start` sets up the job queues and begins listening;
 * `stop` undoes it.
 */
export function createWebhooks(deps: { db: Db; bus: EventBus; jobs: Jobs; log: Logger }, opts: WebhookOptions) {
  const log = deps.log.child({ domain: 'webhooks' });
  const queue = new DeliveryQueue({ db: deps.db, jobs: deps.jobs, log, policy: opts.policy, timeoutMs: opts.timeoutMs });
  const cache = new SubscriptionCache((projectId) => webhookRepo.activeSubscriptions(deps.db, projectId));
  const service = new Webhooks({ db: deps.db, bus: deps.bus, log, queue, cache });
  let unlisten: (() => void) | undefined;
  let cleanupWorker: string | undefined;
  return {
    service,
    async start() {
      await queue.start();
      cleanupWorker = await scheduleLogCleanup(deps.jobs, deps.db, opts.logDays, log);
      unlisten = service.listen();
    },
    async stop() {
      unlisten?.();
      if (cleanupWorker) await deps.jobs.offWork({ id: cleanupWorker }).catch(() => undefined);
      await queue.stop();
    },
  };
}

export type WebhooksModule = ReturnType<typeof createWebhooks>;
