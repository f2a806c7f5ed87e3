import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { decideAfterAttempt, deliveryBody, type AttemptOutcome, type RetryPolicy } from './model.ts';
import { webhookRepo, type PendingDelivery } from './repo.ts';
import { sendDelivery } from './send.ts';

const QUEUE = 'webhook-delivery';
const BATCH = 10;
const POLL_SECONDS = 2;
const MAX_WAKE_MS = 60_000;

interface DeliveryJob {
  deliveryId: string;
  attempt: number;
}

export interface QueueDeps {
  db: Db;
  jobs: Jobs;
  log: Logger;
  policy: RetryPolicy;
  timeoutMs: number;
  now?: () => Date;
}

/** Lets pg-boss insert its job inside our Kysely transaction, so a delivery row and its job commit together. */
const inTransaction = (tx: Db): PgBoss.Db => ({
  executeSql: async (text, values) => ({ rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[] }),
});

/**
 * Durable webhook delivery on pg-boss. Every attempt is its own job: a failed attempt records the
 * outcome and schedules the next job in one transaction, so a crash never loses or repeats the
 * schedule. Whichever process polls first runs a job; each job runs once.
 */
export class DeliveryQueue {
  private workerId: string | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => Date;

  constructor(private readonly deps: QueueDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async start(): Promise<void> {
    await this.deps.jobs.createQueue(QUEUE);
    this.workerId = await this.deps.jobs.work<DeliveryJob>(
      QUEUE,
      { batchSize: BATCH, pollingIntervalSeconds: POLL_SECONDS },
      (batch) => this.runBatch(batch),
    );
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.workerId) await this.deps.jobs.offWork({ id: this.workerId }).catch(() => undefined);
    this.workerId = undefined;
  }

  /** Stores one delivery per webhook and its first job; returns the delivery ids. */
  async enqueue(event: DomainEvent, webhookIds: string[]): Promise<string[]> {
    if (!webhookIds.length) return [];
    const ids = await this.deps.db.transaction().execute(async (tx) => {
      const rows = await webhookRepo.insertDeliveries(tx, event, webhookIds);
      for (const r of rows) await this.sendJob(tx, { deliveryId: r.id, attempt: 1 }, this.now());
      return rows.map((r) => r.id);
    });
    this.wake(0);
    return ids;
  }

  private sendJob(tx: Db, job: DeliveryJob, startAfter: Date) {
    const expireInSeconds = Math.max(60, Math.ceil(this.deps.timeoutMs / 1000) * 4);
    return this.deps.jobs.send(QUEUE, job, { startAfter, retryLimit: 3, retryDelay: 60, expireInSeconds, db: inTransaction(tx) });
  }

  private async runBatch(batch: PgBoss.Job<DeliveryJob>[]): Promise<void> {
    const results = await Promise.allSettled(batch.map((job) => this.attempt(job.data)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async attempt({ deliveryId, attempt }: DeliveryJob): Promise<void> {
    const d = await webhookRepo.pending(this.deps.db, deliveryId);
    if (!d || d.attempts >= attempt || d.status === 'delivered' || d.status === 'failed') return;
    const outcome: AttemptOutcome = d.active
      ? await sendDelivery(this.outgoing(d, attempt), this.deps.timeoutMs, this.now)
      : { ok: false, error: 'webhook is inactive; delivery stopped' };
    const now = this.now();
    const decision = d.active ? decideAfterAttempt(attempt, outcome, this.deps.policy, now) : ({ status: 'failed', nextAttemptAt: null } as const);
    await this.deps.db.transaction().execute(async (tx) => {
      const error = outcome.ok ? null : outcome.error;
      const recorded = await webhookRepo.recordAttempt(tx, d.id, attempt, decision, outcome.statusCode ?? null, error);
      if (recorded && decision.status === 'retrying') {
        await this.sendJob(tx, { deliveryId, attempt: attempt + 1 }, decision.nextAttemptAt);
      }
    });
    if (decision.status === 'retrying') this.wake(decision.nextAttemptAt.getTime() - now.getTime());
    if (!outcome.ok) this.deps.log.info({ deliveryId, attempt, status: decision.status, error: outcome.error }, 'webhook attempt failed');
  }

  private outgoing(d: PendingDelivery, attempt: number) {
    const body = deliveryBody({
      id: d.eventId,
      type: d.eventType as DomainEvent['type'],
      projectId: d.projectId,
      at: new Date(d.eventAt).toISOString(),
      payload: d.payload as DomainEvent['payload'],
    });
    return { url: d.url, secret: d.secret, deliveryId: d.id, eventType: d.eventType, attempt, body };
  }

  /** Wakes this process's worker when a job it scheduled is due, instead of waiting for the next poll. */
  private wake(afterMs: number): void {
    if (!this.workerId || afterMs > MAX_WAKE_MS) return;
    const id = this.workerId;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.deps.jobs.notifyWorker(id);
    }, Math.max(0, afterMs));
    timer.unref();
    this.timers.add(timer);
  }
}
