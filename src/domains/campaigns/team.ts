import type { CampaignDeps } from './context.ts';
import type { AgentView } from './live.ts';
import type { Campaign } from './model.ts';
import type { Extensions } from './outcomes.ts';

const EXTENSIONS_MS = 30_000;

/** The people of a campaign as the dialer needs them: presence from the routing engine, PBX extensions. */
export class CampaignTeam {
  private readonly cache = new Map<string, { at: number; map: Extensions }>();

  constructor(private readonly deps: CampaignDeps) {}

  /** The campaign's agents as presence shows them now. */
  async views(c: Campaign): Promise<AgentView[]> {
    const ps = await this.deps.routing.project(c.projectId);
    return c.agentIds.flatMap((id) => {
      const a = ps.agents.get(id);
      return a ? [{ id, userId: a.userId, name: a.name, state: a.presence.state, since: a.presence.since, taskId: a.presence.taskId }] : [];
    });
  }

  /** Agent id -> extension of the project (re-read every 30 s or after call routing's extensions change). */
  async extensions(c: Campaign, now: number): Promise<Extensions> {
    const hit = this.cache.get(c.projectId);
    if (hit && now - hit.at < EXTENSIONS_MS && hit.at <= now) return hit.map;
    const rows = await this.deps.db.selectFrom('agent_extensions as e').innerJoin('agents as a', (j) => j.onRef('a.user_id', '=', 'e.user_id').onRef('a.project_id', '=', 'e.project_id'))
      .select(['a.id', 'e.extension']).where('e.project_id', '=', c.projectId).execute();
    const map: Extensions = new Map(rows.map((r) => [r.id, r.extension]));
    this.cache.set(c.projectId, { at: now, map });
    return map;
  }

  forget(projectId: string): void {
    this.cache.delete(projectId);
  }
}
