import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { changed, type NumbersContext } from './context.ts';
import { internationalPrefix, type Price, type Trunk } from './model.ts';
import { parsePriceCsv } from './price-csv.ts';
import { numbersRepo, pgConstraint, trunkOf } from './repo.ts';

export type TrunkInput = Omit<Trunk, 'id' | 'priority' | 'enabled' | 'maxLines' | 'currency' | 'firstIncrement' | 'nextIncrement'> & Partial<Omit<Trunk, 'id' | 'name'>>;
export type PriceInput = Omit<Price, 'description' | 'connectionFee'> & Partial<Pick<Price, 'description' | 'connectionFee'>>;

const notFound = () => new AppError('TRUNK_NOT_FOUND', 'No trunk with that id in this project');
const nameTaken = () => new AppError('TRUNK_NAME_TAKEN', 'A trunk with this name already exists', { field: 'name' });

/** A JSON price list in E.164 prefixes; the first bad or repeated prefix is named by its index. */
export function normalisePrices(input: readonly PriceInput[]): Price[] {
  const seen = new Set<string>();
  return input.map((p, i) => {
    const prefix = internationalPrefix(p.prefix);
    if (!prefix) throw new AppError('INVALID_PREFIX', `prices[${i}].prefix: "${p.prefix}" is not a number prefix such as +420`, { field: `prices[${i}].prefix` });
    if (seen.has(prefix)) throw new AppError('PREFIX_DUPLICATE', `prices[${i}].prefix: ${prefix} is priced twice in this list`, { field: `prices[${i}].prefix`, prefix });
    seen.add(prefix);
    return { prefix, ratePerMinute: p.ratePerMinute, connectionFee: p.connectionFee ?? 0, description: p.description ?? '' };
  });
}

/** SIP trunks and their price lists. A price list is replaced whole (JSON or CSV), so a carrier's new list never mixes with the old. */
export class Trunks {
  constructor(private readonly ctx: NumbersContext) {}

  async list(projectId: string) {
    const [trunks, prices] = await Promise.all([numbersRepo.trunks(this.ctx.db, projectId), numbersRepo.prices(this.ctx.db, projectId)]);
    return trunks.map((t) => ({ ...t, prices: prices.get(t.id)?.length ?? 0, linesInUse: this.ctx.memory.linesInUse(t.id) }));
  }

  async get(projectId: string, id: string): Promise<Trunk> {
    const row = await this.ctx.db.selectFrom('trunks').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return trunkOf(row);
  }

  async create(projectId: string, input: TrunkInput, actor: Actor): Promise<Trunk> {
    return this.write(projectId, async (tx) => {
      const row = await tx.insertInto('trunks').values({ project_id: projectId, ...columns(input), name: input.name }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'trunk', entityId: row.id, details: { ...input } });
      return trunkOf(row);
    });
  }

  async update(projectId: string, id: string, input: Partial<TrunkInput>, actor: Actor): Promise<Trunk> {
    return this.write(projectId, async (tx) => {
      const row = await tx.updateTable('trunks').set({ ...columns(input), updated_at: new Date() }).where('project_id', '=', projectId).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'trunk', entityId: id, details: { ...input } });
      return trunkOf(row);
    });
  }

  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.write(projectId, async (tx) => {
      const row = await tx.deleteFrom('trunks').where('project_id', '=', projectId).where('id', '=', id).returning('name').executeTakeFirst();
      if (!row) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'trunk', entityId: id, details: { name: row.name } });
    });
  }

  async prices(projectId: string, id: string): Promise<Price[]> {
    await this.get(projectId, id);
    return (await numbersRepo.prices(this.ctx.db, projectId, id)).get(id) ?? [];
  }

  /** Replaces the trunk's price list with the given one. */
  replacePrices(projectId: string, id: string, input: readonly PriceInput[], actor: Actor) {
    return this.savePrices(projectId, id, normalisePrices(input), actor, 'replace_prices');
  }

  /** Replaces the trunk's price list with an uploaded CSV; any bad row rejects the file (PRICE_LIST_INVALID lists them all). */
  async uploadPrices(projectId: string, id: string, csv: string, actor: Actor) {
    await this.get(projectId, id);
    return this.savePrices(projectId, id, parsePriceCsv(csv), actor, 'upload_prices');
  }

  private async savePrices(projectId: string, id: string, prices: Price[], actor: Actor, action: string) {
    await this.write(projectId, async (tx) => {
      const trunk = await tx.selectFrom('trunks').select('id').where('project_id', '=', projectId).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!trunk) throw notFound();
      await numbersRepo.replacePrices(tx, projectId, id, prices);
      await recordAudit(tx, { projectId, actor, action, entity: 'trunk', entityId: id, details: { prices: prices.length } });
    });
    return { trunkId: id, prices: prices.length };
  }

  private async write<T>(projectId: string, work: (tx: NumbersContext['db']) => Promise<T>): Promise<T> {
    const out = await this.ctx.db.transaction().execute(work).catch((err: unknown) => {
      if (pgConstraint(err, '23505') === 'trunks_project_name_key') throw nameTaken();
      throw err;
    });
    await changed(this.ctx, projectId, 'trunks');
    return out;
  }
}

function columns(input: Partial<TrunkInput>) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.priority !== undefined && { priority: input.priority }),
    ...(input.enabled !== undefined && { enabled: input.enabled }),
    ...(input.maxLines !== undefined && { max_lines: input.maxLines }),
    ...(input.currency !== undefined && { currency: input.currency }),
    ...(input.firstIncrement !== undefined && { first_increment: input.firstIncrement }),
    ...(input.nextIncrement !== undefined && { next_increment: input.nextIncrement }),
  };
}
