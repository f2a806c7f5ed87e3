import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DeliveryStatus } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { DomainEvent, EventBus, EventMap } from '../../platform/events/bus.ts';
import type { DeliveryQueue } from './queue.ts';
import { webhookRepo, type WebhookChange } from './repo.ts';
import type { SubscriptionCache } from './subscriptions.ts';

type Change = EventMap['webhook.changed']['change'];

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const notFound = () => new AppError('WEBHOOK_NOT_FOUND', 'No webhook with that id in this project');

export interface WebhookDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  queue: DeliveryQueue;
  cache: SubscriptionCache;
}

/**
 * Outgoing webhooks of a project. Every event published in THIS process (meta.local) is matched
 * against the cached subscriptions and queued; events that arrive from other processes are not,
 * because their publisher queues them, so one event is delivered once however many processes run.
 */
export class Webhooks {
  constructor(private readonly deps: WebhookDeps) {}

  /** Subscribes to the bus; returns the unsubscribe function. */
  listen(): () => void {
    return this.deps.bus.subscribe((event, meta) => {
      if (event.type === 'webhook.changed') this.deps.cache.forget(event.projectId);
      if (!meta.local) return;
      const known = this.deps.cache.matchingNow(event.projectId, event.type);
      if (known?.length === 0) return;
      (known ? this.deps.queue.enqueue(event, known) : this.dispatch(event)).catch((err) => this.deps.log.error({ err, eventId: event.id }, 'could not queue webhook deliveries'));
    });
  }

  async dispatch(event: DomainEvent): Promise<string[]> {
    const webhookIds = await this.deps.cache.matching(event.projectId, event.type);
    return this.deps.queue.enqueue(event, webhookIds);
  }

  list(projectId: string) {
    return webhookRepo.list(this.deps.db, projectId);
  }

  async get(projectId: string, id: string) {
    const row = await webhookRepo.get(this.deps.db, projectId, id);
    if (!row) throw notFound();
    return row;
  }

  /** Creates a webhook; the secret is in this answer only. */
  async create(projectId: string, input: Required<WebhookChange>, actor: Actor) {
    const secret = newSecret();
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const r = await webhookRepo.insert(tx, projectId, input, secret);
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'webhook', entityId: r.id, details: { url: r.url, eventTypes: r.eventTypes } });
      return r;
    });
    this.changed(projectId, row.id, 'created');
    return { ...row, secret };
  }

  async update(projectId: string, id: string, input: WebhookChange, actor: Actor) {
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const r = await webhookRepo.update(tx, projectId, id, input);
      if (!r) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'webhook', entityId: id, details: { ...input } });
      return r;
    });
    this.changed(projectId, id, 'updated');
    return row;
  }

  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const res = await webhookRepo.remove(tx, projectId, id);
      if (!res.numDeletedRows) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'webhook', entityId: id });
    });
    this.changed(projectId, id, 'deleted');
  }

  /** A new secret, effective for every attempt from now on (pending retries included). */
  async rotateSecret(projectId: string, id: string, actor: Actor): Promise<{ secret: string }> {
    const secret = newSecret();
    await this.deps.db.transaction().execute(async (tx) => {
      const res = await webhookRepo.setSecret(tx, projectId, id, secret);
      if (!res.numUpdatedRows) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'rotate_secret', entity: 'webhook', entityId: id });
    });
    this.changed(projectId, id, 'secret_rotated');
    return { secret };
  }

  /** Queues a `webhook.test` event for this one webhook, whatever it subscribes to (an inactive one logs it as failed). */
  async sendTest(projectId: string, id: string, message: string, actor: Actor): Promise<{ deliveryId: string; eventId: string }> {
    const hook = await this.get(projectId, id);
    const event: DomainEvent<'webhook.test'> = { id: randomUUID(), type: 'webhook.test', projectId, at: new Date().toISOString(), payload: { message } };
    const [deliveryId] = await this.deps.queue.enqueue(event, [hook.id]);
    await recordAudit(this.deps.db, { projectId, actor, action: 'test', entity: 'webhook', entityId: id });
    return { deliveryId, eventId: event.id };
  }

  /** Sends a logged delivery's event to its webhook again, as a new delivery (say, after the receiver was fixed). */
  async redeliver(projectId: string, webhookId: string, deliveryId: string, actor: Actor): Promise<{ deliveryId: string }> {
    const stored = await webhookRepo.deliveredEvent(this.deps.db, projectId, webhookId, deliveryId);
    if (!stored) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND', 'No delivery with that id for this webhook');
    const event = { ...stored, at: new Date(stored.at).toISOString() } as DomainEvent;
    const [newId] = await this.deps.queue.enqueue(event, [webhookId]);
    await recordAudit(this.deps.db, { projectId, actor, action: 'redeliver', entity: 'webhook', entityId: webhookId, details: { deliveryId } });
    return { deliveryId: newId };
  }

  async deliveries(projectId: string, id: string, q: { limit: number; status?: DeliveryStatus }) {
    await this.get(projectId, id);
    return webhookRepo.deliveries(this.deps.db, projectId, id, q);
  }

  private changed(projectId: string, webhookId: string, change: Change): void {
    this.deps.cache.forget(projectId);
    this.deps.bus.publish(projectId, 'webhook.changed', { webhookId, change });
  }
}
