import { sql } from 'kysely';
import { IANAZone } from 'luxon';
import type { Db } from '../../platform/db/db.ts';
import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventBus, EventMap } from '../../platform/events/bus.ts';
import { newToken, sha256 } from '../../platform/security/secrets.ts';
import type { Action, Conditions, RoutingSettings, SettingsPatch } from './model.ts';
import { settingsColumns, type RoutingRepo } from './repo.ts';
import type { RoutingSnapshots } from './snapshots.ts';

export interface RuleInput {
  name: string;
  enabled?: boolean;
  conditions: Conditions;
  action: Action;
}

type Change = EventMap['call_routing.changed']['change'];

/**
 * Editing a project's routing: rules (an ordered list), call groups, settings, extensions and the
 * PBX token. Every change is validated against the project, audited, and reloads the in-memory
 * snapshot before the caller gets an answer, so the next call already follows it.
 */
export class CallRoutingAdmin {
  constructor(
    private readonly db: Db,
    private readonly repo: RoutingRepo,
    private readonly snapshots: RoutingSnapshots,
    private readonly bus: EventBus,
  ) {}

  async rules(projectId: string) {
    await this.snapshots.get(projectId);
    return this.repo.rules(projectId);
  }

  async createRule(projectId: string, input: RuleInput & { position?: number }, actor: Actor) {
    await this.checkAction(projectId, input.action);
    const id = await this.db.transaction().execute(async (tx) => {
      const count = Number((await tx.selectFrom('routing_rules').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()).n);
      const position = Math.min(input.position ?? count, count);
      await tx.updateTable('routing_rules').set({ position: sql`position + 1` }).where('project_id', '=', projectId).where('position', '>=', position).execute();
      const row = await tx
        .insertInto('routing_rules')
        .values({ project_id: projectId, position, name: input.name, enabled: input.enabled ?? true, conditions: JSON.stringify(input.conditions), action: JSON.stringify(input.action) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, { projectId, actor, action: 'create', entity: 'routing_rule', entityId: row.id, details: { name: input.name, position } });
      return row.id;
    });
    await this.changed(projectId, 'rules');
    return this.rule(projectId, id);
  }

  async rule(projectId: string, id: string) {
    const rule = (await this.repo.rules(projectId)).find((r) => r.id === id);
    if (!rule) throw new AppError('ROUTING_RULE_NOT_FOUND', 'Routing rule not found');
    return rule;
  }

  async updateRule(projectId: string, id: string, patch: Partial<RuleInput>, actor: Actor) {
    if (patch.action) await this.checkAction(projectId, patch.action);
    await this.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('routing_rules')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.enabled !== undefined && { enabled: patch.enabled }),
          ...(patch.conditions && { conditions: JSON.stringify(patch.conditions) }),
          ...(patch.action && { action: JSON.stringify(patch.action) }),
          updated_at: new Date(),
        })
        .where('project_id', '=', projectId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!res.numUpdatedRows) throw new AppError('ROUTING_RULE_NOT_FOUND', 'Routing rule not found');
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'routing_rule', entityId: id, details: { fields: Object.keys(patch) } });
    });
    await this.changed(projectId, 'rules');
    return this.rule(projectId, id);
  }

  async deleteRule(projectId: string, id: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const row = await tx.deleteFrom('routing_rules').where('project_id', '=', projectId).where('id', '=', id).returning('position').executeTakeFirst();
      if (!row) throw new AppError('ROUTING_RULE_NOT_FOUND', 'Routing rule not found');
      await tx.updateTable('routing_rules').set({ position: sql`position - 1` }).where('project_id', '=', projectId).where('position', '>', row.position).execute();
      await recordAudit(tx, { projectId, actor, action: 'delete', entity: 'routing_rule', entityId: id });
    });
    await this.changed(projectId, 'rules');
  }

  /** Puts the rules in the given order; the list must name every rule of the project exactly once. */
  async reorder(projectId: string, ids: string[], actor: Actor) {
    const current = await this.rules(projectId);
    const same = ids.length === current.length && new Set(ids).size === ids.length && current.every((r) => ids.includes(r.id));
    if (!same) throw new AppError('RULE_ORDER_MISMATCH', 'ruleIds must list every rule of the project exactly once', { expected: current.map((r) => r.id) });
    await this.db.transaction().execute(async (tx) => {
      for (const [position, id] of ids.entries()) {
        await tx.updateTable('routing_rules').set({ position }).where('project_id', '=', projectId).where('id', '=', id).execute();
      }
      await recordAudit(tx, { projectId, actor, action: 'reorder', entity: 'routing_rule', details: { ids } });
    });
    await this.changed(projectId, 'rules');
    return this.repo.rules(projectId);
  }

  async settings(projectId: string): Promise<RoutingSettings & { pbxTokenPrefix: string | null }> {
    const snap = await this.snapshots.get(projectId);
    if (!snap) throw new AppError('PROJECT_NOT_FOUND', 'Project not found');
    const row = await this.db.selectFrom('call_routing_settings').select('pbx_token_prefix').where('project_id', '=', projectId).executeTakeFirst();
    return { ...snap.settings, pbxTokenPrefix: row?.pbx_token_prefix ?? null };
  }

  async updateSettings(projectId: string, patch: SettingsPatch, actor: Actor) {
    const next: RoutingSettings = { ...(await this.settings(projectId)), ...patch } as RoutingSettings;
    if (!IANAZone.isValidZone(next.timezone)) throw new AppError('VALIDATION_FAILED', `timezone: "${next.timezone}" is not an IANA time zone`, { field: 'timezone' });
    if (patch.fallback) await this.checkAction(projectId, patch.fallback);
    await this.db.transaction().execute(async (tx) => {
      const { timezone, holidayCountry, closedDays, businessHours, fallback, ringSeconds } = next;
      await tx.updateTable('call_routing_settings').set({ ...settingsColumns({ timezone, holidayCountry, closedDays, businessHours, fallback, ringSeconds }), updated_at: new Date() }).where('project_id', '=', projectId).execute();
      await recordAudit(tx, { projectId, actor, action: 'update', entity: 'call_routing_settings', details: { fields: Object.keys(patch) } });
    });
    await this.changed(projectId, 'settings');
    return this.settings(projectId);
  }

  /** A new PBX token for the project, shown once; the previous one stops working at once. */
  async rotatePbxToken(projectId: string, actor: Actor): Promise<{ token: string; prefix: string }> {
    await this.settings(projectId);
    const token = newToken('pbx_');
    const prefix = token.slice(0, 10);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('call_routing_settings').set({ pbx_token_hash: sha256(token), pbx_token_prefix: prefix }).where('project_id', '=', projectId).execute();
      await recordAudit(tx, { projectId, actor, action: 'rotate', entity: 'pbx_token', details: { prefix } });
    });
    await this.snapshots.reloadTokens();
    this.bus.publish(projectId, 'call_routing.changed', { change: 'pbx_token' });
    return { token, prefix };
  }

  /** Groups named by actions must belong to the project. */
  async checkAction(projectId: string, action: Action): Promise<void> {
    if (action.type !== 'group') return;
    const g = await this.db.selectFrom('call_groups').select('id').where('project_id', '=', projectId).where('id', '=', action.groupId).executeTakeFirst();
    if (!g) throw new AppError('CALL_GROUP_NOT_FOUND', 'action.groupId: no such call group in this project', { field: 'action.groupId' });
  }

  async changed(projectId: string, change: Change): Promise<void> {
    await this.snapshots.reload(projectId);
    this.bus.publish(projectId, 'call_routing.changed', { change });
  }
}
