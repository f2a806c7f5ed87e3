import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { createTestDatabase } from '../support/db.ts';
import { seedProject } from '../support/fixtures.ts';
import { pollUntil } from '../support/poll.ts';
import { addAgent, call, makeQueue, makeTask, waitFor } from '../support/routing.ts';

let child: ChildProcess | undefined;
let after: TestSwitchboard | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  await after?.stop();
});

async function startChild(databaseUrl: string): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/support/routing-child.ts'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const m = /READY (\S+)/.exec(out);
    if (m) return m[1]!;
  }
  throw new Error('child exited before it was ready');
}

describe('crash recovery', () => {
  it('recovers in-flight offers after kill -9: nothing lost, nothing offered twice', async () => {
    const databaseUrl = await createTestDatabase();
    const before = await startTestSwitchboard({ databaseUrl });
    const p = await seedProject(before);
    const queueId = await makeQueue(before, p, { offerTimeoutSeconds: 600 });
    const people = [p.agent, await addAgent(before, p, 'b'), await addAgent(before, p, 'c')];
    for (let i = 0; i < 5; i++) await makeTask(before, p, { queueId, value: 100 * (i + 1) });
    await before.stop();

    const url = await startChild(databaseUrl);
    const http = (method: string, path: string, cookie: string, body?: object) =>
      fetch(`${url}/api/projects/${p.projectId}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }).then((r) => r.json() as Promise<any>);
    for (const u of people) await http('PUT', '/agents/me/presence', u.cookie, { state: 'available' });
    const db = (await import('../../src/platform/db/db.ts')).connect(databaseUrl, 2);
    const pending = await pollUntil(
      () => db.db.selectFrom('task_offers').select(['task_id', 'agent_id']).where('project_id', '=', p.projectId).where('outcome', '=', 'pending').execute(),
      (rows) => rows.length === 3,
    );
    const first = await http('GET', '/agents/me', people[0]!.cookie);
    expect((await http('POST', `/tasks/${first.task.id}/accept`, people[0]!.cookie)).status).toBe('accepted');
    child!.kill('SIGKILL');
    await once(child!, 'exit');
    await db.close();

    after = await startTestSwitchboard({ databaseUrl });
    const mine = await Promise.all(people.map((u) => call(after!, 'GET', `/api/projects/${p.projectId}/agents/me`, u)));
    const held = mine.map((m) => m.body.task?.id).filter(Boolean);
    expect(held.sort()).toEqual(pending.map((o) => o.task_id).sort());
    const engine = after.services.routing.engine;
    const stillPending = mine.filter((m) => m.body.agent.state === 'reserved').map((m) => m.body.task.id);
    for (const id of stillPending) expect(engine.scheduler.has(`offer:${id}`)).toBe(true);
    expect(mine[0]!.body.agent).toMatchObject({ state: 'busy', taskId: first.task.id });
    expect(stillPending).toHaveLength(2);

    const reserved = mine.findIndex((m) => m.body.agent.state === 'reserved');
    const taskId = mine[reserved]!.body.task.id;
    await call(after, 'POST', `/api/projects/${p.projectId}/tasks/${taskId}/accept`, people[reserved]!);
    const next = waitFor(after, p.projectId, 'task.offered');
    const done = await call(after, 'POST', `/api/projects/${p.projectId}/tasks/${taskId}/complete`, people[reserved]!, { disposition: 'done' });
    expect(done.body.status).toBe('done');
    expect(held).not.toContain((await next).payload.taskId);

    const tasks = await after.db.db.selectFrom('tasks').select(['id', 'status']).where('project_id', '=', p.projectId).execute();
    expect(tasks).toHaveLength(5);
    const offers = await after.db.db.selectFrom('task_offers').select(['task_id']).where('project_id', '=', p.projectId).execute();
    expect(new Set(offers.map((o) => o.task_id)).size).toBe(offers.length);
  });
});
