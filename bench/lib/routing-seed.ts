import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/db.ts';

/**
 * Bulk-loads a routing workload with generate_series: one project, `queues` queues, `agents` agents with mixed
 * skills and score caps, `tasks` queued tasks spread over the queues with skewed values, ages up to 2 h and four
 * required-skill profiles.
 */
export async function seedRouting(db: Db, n: { queues: number; agents: number; tasks: number }): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    WITH o AS (INSERT INTO organisations (name) VALUES ('bench') RETURNING id)
    INSERT INTO projects (organisation_id, name) SELECT id, 'routing bench' FROM o RETURNING id`.execute(db);
  const projectId = rows[0]!.id;
  await sql`INSERT INTO queues (project_id, name, settings)
    SELECT ${projectId}, 'queue ' || i, '{"offerTimeoutSeconds": 600, "wrapUpSeconds": 0, "ownerStickiness": false}'::jsonb FROM generate_series(1, ${n.queues}) i`.execute(db);
  await sql`INSERT INTO users (email, name) SELECT 'bench-agent-' || i || '-' || ${projectId} || '@bench.test', 'agent ' || i FROM generate_series(1, ${n.agents}) i`.execute(db);
  await sql`INSERT INTO memberships (project_id, user_id, role) SELECT ${projectId}, id, 'agent' FROM users WHERE email LIKE ${'bench-agent-%-' + projectId + '@bench.test'}`.execute(db);
  await sql`INSERT INTO agents (project_id, user_id, skills, score_cap)
    SELECT m.project_id, m.user_id,
      jsonb_strip_nulls(jsonb_build_object('czech', 1 + (n % 5), 'german', CASE WHEN n % 3 = 0 THEN 1 + (n % 4) END)),
      CASE WHEN n % 5 = 0 THEN 2000 WHEN n % 5 = 1 THEN 10000 END
    FROM (SELECT project_id, user_id, row_number() OVER () AS n FROM memberships WHERE project_id = ${projectId}) m`.execute(db);
  await sql`INSERT INTO tasks (project_id, queue_id, value, created_at, updated_at, required_skills, details)
    SELECT ${projectId}, q.ids[1 + (i % ${n.queues})], round((random() ^ 3) * 50000), now() - random() * interval '2 hours', now(),
      (ARRAY['{}', '{"czech": 2}', '{"czech": 4}', '{"german": 2}'])[1 + (i % 4)]::jsonb, '{}'
    FROM generate_series(1, ${n.tasks}) i, (SELECT array_agg(id ORDER BY name) AS ids FROM queues WHERE project_id = ${projectId}) q`.execute(db);
  await sql`ANALYZE tasks`.execute(db);
  return projectId;
}

/**
 * The baseline: the same eligibility (status, schedule, skills, score cap on the value term) and the same score
 * (value + age + SLA ramp + fit with each queue's weights) as one SQL statement per assignment, with
 * FOR UPDATE SKIP LOCKED, then the agent update, in one transaction.
 */
export async function sqlAssign(db: Db, projectId: string, agent: { id: string; skills: Record<string, number>; cap: number | null }): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const skills = JSON.stringify(agent.skills);
    const { rows } = await sql<{ id: string }>`
      WITH w AS (
        SELECT id, coalesce((settings->'weights'->>'value')::float8, 1) AS wv, coalesce((settings->'weights'->>'agePerMinute')::float8, 10) AS wa,
          coalesce((settings->'weights'->>'sla')::float8, 5000) AS ws, coalesce((settings->'weights'->>'fit')::float8, 500) AS wf,
          coalesce((settings->>'slaSeconds')::float8, 3600) AS sla, least(coalesce((settings->>'slaRampSeconds')::float8, 1800), coalesce((settings->>'slaSeconds')::float8, 3600)) AS ramp
        FROM queues WHERE project_id = ${projectId}),
      pick AS (
        SELECT t.id FROM tasks t JOIN w ON w.id = t.queue_id
        WHERE t.project_id = ${projectId} AND t.status = 'queued' AND (t.eligible_at IS NULL OR t.eligible_at <= now())
          AND (${agent.cap}::float8 IS NULL OR w.wv * t.value <= ${agent.cap}::float8)
          AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(t.required_skills) r WHERE coalesce((${skills}::jsonb ->> r.key)::int, 0) < r.value::int)
        ORDER BY w.wv * t.value + w.wa * extract(epoch FROM now() - t.created_at) / 60
          + w.ws * greatest(0, extract(epoch FROM now() - (coalesce(t.due_at, t.created_at + make_interval(secs => w.sla)) - make_interval(secs => w.ramp)))) / w.ramp
          + w.wf * coalesce((SELECT sum((${skills}::jsonb ->> r.key)::int - r.value::int) FROM jsonb_each_text(t.required_skills) r), 0) DESC
        LIMIT 1 FOR UPDATE OF t SKIP LOCKED)
      UPDATE tasks SET status = 'offered', agent_id = ${agent.id} FROM pick WHERE tasks.id = pick.id RETURNING tasks.id`.execute(tx);
    if (!rows[0]) return false;
    await sql`UPDATE agents SET state = 'reserved', current_task_id = ${rows[0].id} WHERE id = ${agent.id}`.execute(tx);
    return true;
  });
}
