import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { createTestDatabase } from '../support/db.ts';
import { seedProject, type TestUser } from '../support/fixtures.ts';
import { pollUntil } from '../support/poll.ts';
import { addAgent, call, makeQueue, makeTask } from '../support/routing.ts';

let one: TestSwitchboard;
let two: TestSwitchboard;
beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  one = await startTestSwitchboard({ databaseUrl });
  two = await startTestSwitchboard({ databaseUrl });
});
afterAll(async () => {
  await one?.stop();
  await two?.stop();
});

/** The invariants: one pending offer per task at most, one open task per agent at most, and agent rows agree. */
async function violations(projectId: string) {
  const db = one.db.db;
  const { rows } = await sql<{ problem: string }>`
    SELECT 'task ' || task_id || ' has ' || count(*) || ' pending offers' AS problem FROM task_offers
      WHERE project_id = ${projectId} AND outcome = 'pending' GROUP BY task_id HAVING count(*) > 1
    UNION ALL
    SELECT 'agent ' || agent_id || ' holds ' || count(*) || ' tasks' FROM tasks
      WHERE project_id = ${projectId} AND status IN ('offered', 'accepted', 'wrap_up') GROUP BY agent_id HAVING count(*) > 1
    UNION ALL
    SELECT 'task ' || t.id || ' is ' || t.status || ' but agent is ' || a.state FROM tasks t JOIN agents a ON a.id = t.agent_id
      WHERE t.project_id = ${projectId} AND t.status IN ('offered', 'accepted') AND a.current_task_id IS DISTINCT FROM t.id`.execute(db);
  return rows.map((r) => r.problem);
}

async function setup(agents: number, sb: TestSwitchboard, settings: object = {}) {
  const p = await seedProject(sb);
  const queueId = await makeQueue(sb, p, settings);
  const people: TestUser[] = [p.agent];
  for (let i = 1; i < agents; i++) people.push(await addAgent(sb, p, `agent${i}`));
  return { p, queueId, people };
}

describe('two processes on one database', () => {
  it('never offer one task twice when many agents go available at once on both', async () => {
    const { p, queueId, people } = await setup(8, one);
    for (let i = 0; i < 20; i++) await makeTask(i % 2 ? one : two, p, { queueId, value: 100 + i });
    await Promise.all(people.map((u, i) => call(i % 2 ? one : two, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, u, { state: 'available' })));
    const offers = await pollUntil(
      () => one.db.db.selectFrom('task_offers').select(['task_id', 'agent_id']).where('project_id', '=', p.projectId).execute(),
      (rows) => rows.length >= 8,
    );
    expect(new Set(offers.map((o) => o.task_id)).size).toBe(offers.length);
    expect(new Set(offers.map((o) => o.agent_id)).size).toBe(offers.length);
    expect(await violations(p.projectId)).toEqual([]);
  });

  it('keep the invariants over random sequences of agent and task events (property)', async () => {
    type Cmd = { op: 'available' | 'break' | 'accept' | 'decline' | 'complete'; agent: number; on: 0 | 1 } | { op: 'create'; value: number; on: 0 | 1 };
    const cmd: fc.Arbitrary<Cmd> = fc.oneof(
      fc.record({ op: fc.constantFrom('available', 'break', 'accept', 'decline', 'complete'), agent: fc.integer({ min: 0, max: 3 }), on: fc.constantFrom(0, 1) }) as fc.Arbitrary<Cmd>,
      fc.record({ op: fc.constant('create' as const), value: fc.integer({ min: 0, max: 10000 }), on: fc.constantFrom(0, 1) }) as fc.Arbitrary<Cmd>,
    );
    await fc.assert(fc.asyncProperty(fc.array(cmd, { minLength: 5, maxLength: 25 }), async (cmds) => {
      const { p, queueId, people } = await setup(4, one, { offerTimeoutSeconds: 30 });
      for (const c of cmds) {
        const sb = c.on ? two : one;
        if (c.op === 'create') await makeTask(sb, p, { queueId, value: c.value });
        else if (c.op === 'available' || c.op === 'break') {
          await call(sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, people[c.agent]!, c.op === 'break' ? { state: 'break', reason: 'lunch' } : { state: 'available' });
        } else {
          const me = await call(sb, 'GET', `/api/projects/${p.projectId}/agents/me`, people[c.agent]!);
          const taskId = me.body.task?.id;
          if (taskId) await call(sb, 'POST', `/api/projects/${p.projectId}/tasks/${taskId}/${c.op}`, people[c.agent]!, c.op === 'complete' ? { disposition: 'done' } : undefined);
        }
        const problems = await violations(p.projectId);
        if (problems.length) throw new Error(problems.join('; '));
      }
    }), { numRuns: 8 });
  });
});
