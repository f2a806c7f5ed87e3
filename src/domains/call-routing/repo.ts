import type { Db } from '../../platform/db/db.ts';
import { DEFAULT_GROUPS, DEFAULT_RULES, defaultSettings } from './defaults.ts';
import type { Action, CallGroup, Conditions, ProjectRouting, Rule, RoutingSettings } from './model.ts';
import type { WeekHours } from '../tasks/model.ts';

type SettingsRow = {
  timezone: string;
  holiday_country: string | null;
  closed_days: string[];
  business_hours: unknown;
  fallback: unknown;
  ring_seconds: number;
};

const toSettings = (r: SettingsRow): RoutingSettings => ({
  timezone: r.timezone,
  holidayCountry: r.holiday_country,
  closedDays: r.closed_days,
  businessHours: (r.business_hours as WeekHours | null) ?? null,
  fallback: r.fallback as Action,
  ringSeconds: r.ring_seconds,
});

/** Settings as the columns of call_routing_settings (JSON columns as text). */
export const settingsColumns = (s: RoutingSettings) => ({
  timezone: s.timezone,
  holiday_country: s.holidayCountry,
  closed_days: s.closedDays,
  business_hours: s.businessHours ? JSON.stringify(s.businessHours) : null,
  fallback: JSON.stringify(s.fallback),
  ring_seconds: s.ringSeconds,
});

/** SQL of inbound call routing. Reads feed the in-memory snapshots; the hot path never calls this. */
export class RoutingRepo {
  constructor(private readonly db: Db) {}

  async projectIds(): Promise<string[]> {
    return (await this.db.selectFrom('projects').select('id').execute()).map((r) => r.id);
  }

  /** The whole routing of one project; seeds source case 001's defaults the first time. */
  async load(projectId: string): Promise<ProjectRouting | undefined> {
    const project = await this.db
      .selectFrom('projects')
      .select(['id', 'timezone', 'default_country'])
      .where('id', '=', projectId)
      .executeTakeFirst();
    if (!project) return undefined;
    let settings = await this.db.selectFrom('call_routing_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
    if (!settings) {
      await this.seed(projectId, { timezone: project.timezone, country: project.default_country.trim() });
      settings = await this.db.selectFrom('call_routing_settings').selectAll().where('project_id', '=', projectId).executeTakeFirstOrThrow();
    }
    const [rules, groups, extensions] = await Promise.all([this.rules(projectId), this.groups(projectId), this.extensions(projectId)]);
    return {
      projectId,
      country: project.default_country.trim(),
      settings: toSettings(settings),
      rules,
      groups: new Map(groups.map((g) => [g.id, g])),
      extensions: new Map(extensions.map((e) => [e.agentId, e.extension])),
    };
  }

  async rules(projectId: string): Promise<Rule[]> {
    const rows = await this.db
      .selectFrom('routing_rules')
      .select(['id', 'name', 'enabled', 'conditions', 'action'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ ...r, conditions: r.conditions as Conditions, action: r.action as Action }));
  }

  async groups(projectId: string): Promise<CallGroup[]> {
    return this.db.selectFrom('call_groups').select(['id', 'name', 'members']).where('project_id', '=', projectId).orderBy('name').execute();
  }

  async extensions(projectId: string): Promise<Array<{ agentId: string; extension: string }>> {
    return this.db
      .selectFrom('agent_extensions')
      .select(['user_id as agentId', 'extension'])
      .where('project_id', '=', projectId)
      .orderBy('extension')
      .execute();
  }

  /** PBX token hash -> project, for every project that has one. */
  async tokens(): Promise<Array<{ projectId: string; hash: string }>> {
    const rows = await this.db
      .selectFrom('call_routing_settings')
      .select(['project_id', 'pbx_token_hash'])
      .where('pbx_token_hash', 'is not', null)
      .execute();
    return rows.map((r) => ({ projectId: r.project_id, hash: r.pbx_token_hash! }));
  }

  /** Inserts the default groups, rules and settings once; a concurrent seed loses the race harmlessly. */
  private async seed(projectId: string, project: { timezone: string; country: string }): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
      const exists = await tx.selectFrom('call_routing_settings').select('project_id').where('project_id', '=', projectId).executeTakeFirst();
      if (exists) return;
      const ids = new Map<string, string>();
      for (const name of DEFAULT_GROUPS) {
        const g = await tx
          .insertInto('call_groups')
          .values({ project_id: projectId, name })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        const id = g?.id ?? (await tx.selectFrom('call_groups').select('id').where('project_id', '=', projectId).where('name', 'ilike', name).executeTakeFirstOrThrow()).id;
        ids.set(name, id);
      }
      await tx.insertInto('routing_rules').values(DEFAULT_RULES.map((r, i) => ({
        project_id: projectId,
        position: i,
        name: r.name,
        conditions: JSON.stringify(r.conditions),
        action: JSON.stringify(r.action.type === 'group' ? { type: 'group', groupId: ids.get(r.action.group) } : r.action),
      }))).execute();
      await tx.insertInto('call_routing_settings').values({ project_id: projectId, ...settingsColumns(defaultSettings(project, ids.get('Sales')!)) }).execute();
    });
  }
}
