import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { DecisionTrace } from './choose.ts';

/** One offer the engine wants to make; committed in a batch with guards before anyone hears of it. */
export interface OfferPlan {
  offerId: string;
  taskId: string;
  agentId: string;
  autoAccept: boolean;
  expiresAt: number | null;
  trace: DecisionTrace;
}

/** What a batch commit did: the offers made and the races lost. */
export interface CommitResult {
  committed: OfferPlan[];
  /** the task was no longer queued (another process took it, it was cancelled, ...) */
  lostTasks: string[];
  /** the agent was no longer available (another process reserved them, they went on break, ...) */
  lostAgents: string[];
}

/**
 * Commits a batch of offers in ONE statement (one round trip, atomic): it locks each planned task that is still
 * `queued` together with its agent that is still `available` with no task (FOR UPDATE re-checks both against the
 * latest committed rows), and only for those pairs moves the task to offered (or accepted), the agent to reserved
 * (or busy), and writes the offer with its trace and the agent's state change. A pair that fails either guard is
 * left untouched, so two processes never offer one task twice and no agent ever holds two tasks.
 */
export async function commitOffers(db: Db, projectId: string, plans: OfferPlan[], now: number): Promise<CommitResult> {
  if (!plans.length) return { committed: [], lostTasks: [], lostAgents: [] };
  const at = new Date(now);
  const col = <T>(f: (p: OfferPlan) => T) => plans.map(f);
  const { rows } = await sql<{ task_id: string }>`
    WITH plan AS (
      SELECT * FROM unnest(${col((p) => p.taskId)}::uuid[], ${col((p) => p.agentId)}::uuid[], ${col((p) => p.offerId)}::uuid[], ${col((p) => p.autoAccept)}::bool[],
        ${col((p) => (p.expiresAt ? new Date(p.expiresAt).toISOString() : null))}::timestamptz[], ${col((p) => JSON.stringify(p.trace))}::text[])
        AS x(task_id, agent_id, offer_id, auto, expires_at, trace)),
    ok AS (
      SELECT plan.* FROM plan
      JOIN tasks t ON t.id = plan.task_id AND t.project_id = ${projectId} AND t.status = 'queued'
      JOIN agents a ON a.id = plan.agent_id AND a.project_id = ${projectId} AND a.state = 'available' AND a.current_task_id IS NULL
      ORDER BY plan.task_id FOR UPDATE OF t, a),
    tu AS (
      UPDATE tasks SET status = CASE WHEN ok.auto THEN 'accepted' ELSE 'offered' END, agent_id = ok.agent_id, offer_id = ok.offer_id,
        attempts = tasks.attempts + 1, updated_at = ${at}
      FROM ok WHERE tasks.id = ok.task_id),
    au AS (
      UPDATE agents SET state = CASE WHEN ok.auto THEN 'busy' ELSE 'reserved' END, current_task_id = ok.task_id,
        state_since = ${at}, state_reason = NULL, wrap_up_until = NULL
      FROM ok WHERE agents.id = ok.agent_id),
    oi AS (
      INSERT INTO task_offers (id, project_id, task_id, agent_id, offered_at, expires_at, outcome, decided_at, trace)
      SELECT offer_id, ${projectId}, task_id, agent_id, ${at}, expires_at, CASE WHEN auto THEN 'accepted' ELSE 'pending' END,
        CASE WHEN auto THEN ${at}::timestamptz END, trace::jsonb FROM ok),
    si AS (
      INSERT INTO agent_state_changes (project_id, agent_id, from_state, to_state, at)
      SELECT ${projectId}, agent_id, 'available', CASE WHEN auto THEN 'busy' ELSE 'reserved' END, ${at} FROM ok)
    SELECT task_id FROM ok`.execute(db);
  const ok = new Set(rows.map((r) => r.task_id));
  const committed = plans.filter((p) => ok.has(p.taskId));
  const lost = plans.filter((p) => !ok.has(p.taskId));
  return { committed, lostTasks: lost.map((p) => p.taskId), lostAgents: lost.map((p) => p.agentId) };
}
