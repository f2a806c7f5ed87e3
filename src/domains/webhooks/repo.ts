import type { Db } from '../../platform/db/db.ts';
import type { DeliveryStatus } from '../../platform/db/schema.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import type { Decision, Subscription } from './model.ts';

const webhookColumns = ['id', 'url', 'event_types as eventTypes', 'active', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

const deliveryColumns = [
  'id',
  'event_id as eventId',
  'event_type as eventType',
  'status',
  'attempts',
  'last_status_code as lastStatusCode',
  'last_error as lastError',
  'next_attempt_at as nextAttemptAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

export interface WebhookChange {
  url?: string;
  eventTypes?: string[];
  active?: boolean;
}

/** What one attempt needs: the stored event, where to send it and how to sign it. */
export interface PendingDelivery {
  id: string;
  projectId: string;
  eventId: string;
  eventType: string;
  eventAt: Date;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  url: string;
  secret: string;
  active: boolean;
}

/** SQL for webhooks and their delivery log; every query on project data filters by project_id. */
export const webhookRepo = {
  list: (db: Db, projectId: string) =>
    db.selectFrom('webhooks').select(webhookColumns).where('project_id', '=', projectId).orderBy('created_at').execute(),

  get: (db: Db, projectId: string, id: string) =>
    db.selectFrom('webhooks').select(webhookColumns).where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst(),

  insert: (db: Db, projectId: string, w: Required<WebhookChange>, secret: string) =>
    db
      .insertInto('webhooks')
      .values({ project_id: projectId, url: w.url, event_types: w.eventTypes, active: w.active, secret })
      .returning(webhookColumns)
      .executeTakeFirstOrThrow(),

  update: (db: Db, projectId: string, id: string, c: WebhookChange) =>
    db
      .updateTable('webhooks')
      .set({ url: c.url, event_types: c.eventTypes, active: c.active, updated_at: new Date() })
      .where('project_id', '=', projectId)
      .where('id', '=', id)
      .returning(webhookColumns)
      .executeTakeFirst(),

  setSecret: (db: Db, projectId: string, id: string, secret: string) =>
    db
      .updateTable('webhooks')
      .set({ secret, updated_at: new Date() })
      .where('project_id', '=', projectId)
      .where('id', '=', id)
      .executeTakeFirst(),

  remove: (db: Db, projectId: string, id: string) =>
    db.deleteFrom('webhooks').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst(),

  async activeSubscriptions(db: Db, projectId: string): Promise<Subscription[]> {
    return db
      .selectFrom('webhooks')
      .select(['id', 'event_types as eventTypes'])
      .where('project_id', '=', projectId)
      .where('active', '=', true)
      .execute();
  },

  insertDeliveries: (db: Db, event: DomainEvent, webhookIds: string[]) =>
    db
      .insertInto('webhook_deliveries')
      .values(
        webhookIds.map((webhookId) => ({
          webhook_id: webhookId,
          project_id: event.projectId,
          event_id: event.id,
          event_type: event.type,
          event_at: event.at,
          payload: JSON.stringify(event.payload),
          status: 'pending' as const,
        })),
      )
      .returning('id')
      .execute(),

  deliveries: (db: Db, projectId: string, webhookId: string, q: { limit: number; status?: DeliveryStatus }) => {
    let query = db
      .selectFrom('webhook_deliveries')
      .select(deliveryColumns)
      .where('project_id', '=', projectId)
      .where('webhook_id', '=', webhookId);
    if (q.status) query = query.where('status', '=', q.status);
    return query.orderBy('created_at', 'desc').orderBy('id').limit(q.limit).execute();
  },

  /** The stored event of one delivery, to send it again. */
  deliveredEvent: (db: Db, projectId: string, webhookId: string, deliveryId: string) =>
    db
      .selectFrom('webhook_deliveries')
      .select(['event_id as id', 'event_type as type', 'project_id as projectId', 'event_at as at', 'payload'])
      .where('project_id', '=', projectId)
      .where('webhook_id', '=', webhookId)
      .where('id', '=', deliveryId)
      .executeTakeFirst(),

  /** Drops finished deliveries last touched before `before`; the log would otherwise grow forever. */
  async prune(db: Db, before: Date): Promise<number> {
    const res = await db
      .deleteFrom('webhook_deliveries')
      .where('status', 'in', ['delivered', 'failed'])
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },

  pending: (db: Db, deliveryId: string): Promise<PendingDelivery | undefined> =>
    db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select([
        'd.id',
        'd.project_id as projectId',
        'd.event_id as eventId',
        'd.event_type as eventType',
        'd.event_at as eventAt',
        'd.payload',
        'd.status',
        'd.attempts',
        'w.url',
        'w.secret',
        'w.active',
      ])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst(),

  /** Records attempt `attempt` unless it was already recorded; false means another worker got there first. */
  async recordAttempt(db: Db, id: string, attempt: number, d: Decision, statusCode: number | null, error: string | null) {
    const res = await db
      .updateTable('webhook_deliveries')
      .set({
        attempts: attempt,
        status: d.status,
        next_attempt_at: d.nextAttemptAt,
        last_status_code: statusCode,
        last_error: error,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('attempts', '<', attempt)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  },
};
