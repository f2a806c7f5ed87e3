import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { changed, type NumbersContext } from './context.ts';
import type { CallerIdPool } from './model.ts';
import { numbersRepo, pgConstraint, poolOf } from './repo.ts';
import { checkPools, normaliseNumbers, normalisePrefixes, uniquePlaces } from './validate.ts';

export interface PoolInput {
  name: string;
  cities?: string[];
  regions?: string[];
  areaPrefixes?: string[];
  numbers?: string[];
  isDefault?: boolean;
}

const notFound = () => new AppError('CALLER_ID_POOL_NOT_FOUND', 'No caller ID pool with that id in this project');
const nameTaken = (name: string) => new AppError('CALLER_ID_POOL_NAME_TAKEN', `A caller ID pool named "${name}" already exists`, { field: 'name' });

/** Normalises a pool's fields as written by a person (national numbers, "05" prefixes) to E.164. */
function normalisePool(input: PoolInput, base: CallerIdPool, country: string): CallerIdPool {
  return {
    id: base.id,
    name: input.name?.trim() ?? base.name,
    cities: input.cities ? uniquePlaces(input.cities, 'cities') : base.cities,
    regions: input.regions ? uniquePlaces(input.regions, 'regions') : base.regions,
    areaPrefixes: input.areaPrefixes ? normalisePrefixes(input.areaPrefixes, country, 'areaPrefixes') : base.areaPrefixes,
    numbers: input.numbers ? normaliseNumbers(input.numbers, country, 'numbers') : base.numbers,
    isDefault: input.isDefault ?? base.isDefault,
  };
}

/**
 * Caller ID pools of a project. Each change is checked against all the project's pools under a
 * per-project lock (a number, city, region or prefix belongs to one pool), written in one transaction
 * with its audit line, and reloaded into memory before the answer.
 */
export class CallerIdPools {
  constructor(private readonly ctx: NumbersContext) {}

  list(projectId: string) {
    return numbersRepo.pools(this.ctx.db, projectId);
  }

  async get(projectId: string, id: string): Promise<CallerIdPool> {
    const pool = (await this.list(projectId)).find((p) => p.id === id);
    if (!pool) throw notFound();
    return pool;
  }

  create(projectId: string, input: PoolInput, actor: Actor): Promise<CallerIdPool> {
    return this.save(projectId, null, input, actor);
  }

  update(projectId: string, id: string, input: Partial<PoolInput>, actor: Actor): Promise<CallerIdPool> {
    return this.save(projectId, id, input, actor);
  }

  async remove(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const res = await tx.deleteFrom('caller_id_pools').where('project_id', '=', projectId).where('id', '=', id).returning('name').executeTakeFirst();
      if (!res) throw notFound();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'caller_id_pool', entityId: id, details: { name: res.name } });
    });
    await changed(this.ctx, projectId, 'caller_id_pools');
  }

  private async save(projectId: string, id: string | null, input: Partial<PoolInput>, actor: Actor): Promise<CallerIdPool> {
    const country = await this.ctx.defaultCountry(projectId);
    const saved = await this.ctx.db.transaction().execute(async (tx) => {
      await numbersRepo.lock(tx, projectId);
      const all = await numbersRepo.pools(tx, projectId);
      const base = id ? all.find((p) => p.id === id) : { id: '', name: '', cities: [], regions: [], areaPrefixes: [], numbers: [], isDefault: false };
      if (!base) throw notFound();
      const pool = normalisePool(input as PoolInput, base, country);
      const others = all.filter((p) => p.id !== id);
      if (others.some((p) => p.name.toLowerCase() === pool.name.toLowerCase())) throw nameTaken(pool.name);
      checkPools([...others, pool]);
      if (pool.isDefault) await tx.updateTable('caller_id_pools').set({ is_default: false }).where('project_id', '=', projectId).where('is_default', '=', true).execute();
      const values = { name: pool.name, cities: pool.cities, regions: pool.regions, area_prefixes: pool.areaPrefixes, numbers: pool.numbers, is_default: pool.isDefault };
      const row = id
        ? await tx.updateTable('caller_id_pools').set({ ...values, updated_at: new Date() }).where('project_id', '=', projectId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
        : await tx.insertInto('caller_id_pools').values({ project_id: projectId, ...values }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: id ? 'update' : 'create', entity: 'caller_id_pool', entityId: row.id, details: { ...input } });
      return poolOf(row);
    }).catch((err: unknown) => {
      if (pgConstraint(err, '23505') === 'caller_id_pools_project_name_key') throw nameTaken(input.name ?? '');
      throw err;
    });
    await changed(this.ctx, projectId, 'caller_id_pools');
    return saved;
  }
}
