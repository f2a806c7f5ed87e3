import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { changed, type NumbersContext } from './context.ts';
import { e164, type TrackingNumber } from './model.ts';
import { numbersRepo, pgConstraint, trackingOf } from './repo.ts';

export interface TrackingInput {
  number: string;
  source: string;
  campaign?: string;
}

const notFound = () => new AppError('TRACKING_NUMBER_NOT_FOUND', 'No tracking number with that id in this project');
const taken = (n: string) => new AppError('TRACKING_NUMBER_TAKEN', `${n} is already a tracking number of this project`, { field: 'number', number: n });

/** Advertised numbers and the source/campaign each stands for; inbound calls to them are attributed from memory. */
export class TrackingNumbers {
  constructor(private readonly ctx: NumbersContext) {}

  list(projectId: string) {
    return numbersRepo.tracking(this.ctx.db, projectId);
  }

  async get(projectId: string, id: string): Promise<TrackingNumber> {
    const row = await this.ctx.db.selectFrom('tracking_numbers').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return trackingOf(row);
  }

  private async number(projectId: string, raw: string): Promise<string> {
    const n = e164(raw, await this.ctx.defaultCountry(projectId));
    if (!n) throw new AppError('INVALID_PHONE', `number: "${raw}" is not a valid phone number`, { field: 'number', value: raw });
    return n;
  }

  async create(projectId: string, input: TrackingInput, actor: Actor): Promise<TrackingNumber> {
    const number = await this.number(projectId, input.number);
    const row = await this.ctx.db.transaction().execute(async (tx) => {
      const r = await tx.insertInto('tracking_numbers')
        .values({ project_id: projectId, number, source: input.source, campaign: input.campaign ?? '' })
        .onConflict((oc) => oc.columns(['project_id', 'number']).doNothing())
        .returningAll().executeTakeFirst();
      if (!r) throw taken(number);
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'tracking_number', entityId: r.id, details: { number, source: r.source, campaign: r.campaign } });
      return r;
    });
    await changed(this.ctx, projectId, 'tracking_numbers');
    return trackingOf(row);
  }

  async update(projectId: string, id: string, input: Partial<TrackingInput>, actor: Actor): Promise<TrackingNumber> {
    const number = input.number === undefined ? undefined : await this.number(projectId, input.number);
    const row = await this.ctx.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('tracking_numbers')
        .set({ ...(number && { number }), ...(input.source !== undefined && { source: input.source }), ...(input.campaign !== undefined && { campaign: input.campaign }), updated_at: new Date() })
        .where('project_id', '=', projectId).where('id', '=', id)
        .returningAll().executeTakeFirst();
      if (!r) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'tracking_number', entityId: id, details: { ...input, ...(number && { number }) } });
      return r;
    }).catch((err: unknown) => {
      if (pgConstraint(err, '23505')) throw taken(number ?? '');
      throw err;
    });
    await changed(this.ctx, projectId, 'tracking_numbers');
    return trackingOf(row);
  }

  /** Deleting a number that calls were attributed to would erase its history: those answer 409, edit them instead. */
  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const r = await tx.deleteFrom('tracking_numbers').where('project_id', '=', projectId).where('id', '=', id).returning(['number', 'source']).executeTakeFirst();
      if (!r) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'tracking_number', entityId: id, details: r });
    }).catch((err: unknown) => {
      if (pgConstraint(err, '23503')) throw new AppError('TRACKING_NUMBER_IN_USE', 'Calls were attributed to this number; change its source or campaign instead of deleting it');
      throw err;
    });
    await changed(this.ctx, projectId, 'tracking_numbers');
  }
}
