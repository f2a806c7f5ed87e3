import { describe, expect, it } from 'vitest';
import { seedProject } from '../support/fixtures.ts';
import { addAgent, agentId, call, makeQueue, makeTask, waitFor } from '../support/routing.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ env: { AGENT_DISCONNECT_GRACE_MS: '300' }, projects: 0 });

describe('routing refuses bad input and changes nothing', () => {
  it.each([
    ['unknown queue', (_q: string) => ({ queueId: '00000000-0000-4000-8000-000000000000', value: 1 }), 404, 'QUEUE_NOT_FOUND'],
    ['owner who is not an agent', (q: string) => ({ queueId: q, ownerAgentId: '00000000-0000-4000-8000-000000000000' }), 400, 'OWNER_NOT_AGENT'],
    ['negative value', (q: string) => ({ queueId: q, value: -5 }), 400, 'VALIDATION_FAILED'],
    ['absurd value', (q: string) => ({ queueId: q, value: 1e15 }), 400, 'VALIDATION_FAILED'],
    ['skill level 9', (q: string) => ({ queueId: q, requiredSkills: { czech: 9 } }), 400, 'VALIDATION_FAILED'],
    ['scheduled in the past', (q: string) => ({ queueId: q, scheduledAt: '2020-01-01T10:00:00Z' }), 400, 'SCHEDULE_IN_PAST'],
    ['invalid phone', (q: string) => ({ queueId: q, phones: ['12'] }), 400, 'INVALID_PHONE'],
    ['unknown field', (q: string) => ({ queueId: q, colour: 'red' }), 400, 'VALIDATION_FAILED'],
  ])('%s', async (_n, body, status, code) => {
    const p = await seedProject(ctx.sb);
    const q = await makeQueue(ctx.sb, p);
    const res = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks`, { apiKey: p.apiKey }, body(q));
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    const bulk = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/bulk`, { apiKey: p.apiKey }, { tasks: [{ queueId: q, value: 1 }, body(q)] });
    expect(bulk.status).toBe(status);
    const count = await ctx.sb.db.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', p.projectId).executeTakeFirst();
    expect(Number(count!.n)).toBe(0);
  });

  it('refuses a key of another project and accepting someone else\'s offer', async () => {
    const p = await seedProject(ctx.sb);
    const other = await seedProject(ctx.sb);
    const q = await makeQueue(ctx.sb, p);
    const foreign = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks`, { apiKey: other.apiKey }, { queueId: q });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    const second = await addAgent(ctx.sb, p, 'second');
    const offered = waitFor(ctx.sb, p.projectId, 'task.offered');
    await call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, p.agent, { state: 'available' });
    const t = await makeTask(ctx.sb, p, { queueId: q, value: 5 });
    await offered;
    const stolen = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, second);
    expect([stolen.status, stolen.body.error.code]).toEqual([403, 'OFFER_NOT_YOURS']);
    const notAgent = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, p.supervisor);
    expect([notAgent.status, notAgent.body.error.code]).toEqual([403, 'NOT_AN_AGENT']);
    const busyBreak = await call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, p.agent, { state: 'break', reason: 'lunch' });
    expect([busyBreak.status, busyBreak.body.error.code]).toEqual([409, 'AGENT_HAS_TASK']);
    const task = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks/${t.id}`, p.supervisor);
    expect(task.body.status).toBe('offered');
  });

  it('declined tasks go to another agent; supervisors cancel and requeue', async () => {
    const p = await seedProject(ctx.sb);
    const q = await makeQueue(ctx.sb, p);
    const second = await addAgent(ctx.sb, p, 'second');
    await call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, p.agent, { state: 'available' });
    const first = waitFor(ctx.sb, p.projectId, 'task.offered');
    const t = await makeTask(ctx.sb, p, { queueId: q, value: 5 });
    await first;
    await call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, second, { state: 'available' });
    const toSecond = waitFor(ctx.sb, p.projectId, 'task.offered');
    expect((await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/decline`, p.agent)).status).toBe(200);
    expect((await toSecond).payload.agentId).toBe(await agentId(ctx.sb, p, second));
    const cancelled = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/cancel`, p.supervisor);
    expect(cancelled.body.status).toBe('cancelled');
    const me = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/agents/me`, second);
    expect(me.body.agent.state).toBe('available');
    const again = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/cancel`, p.supervisor);
    expect([again.status, again.body.error.code]).toEqual([409, 'TASK_NOT_OPEN']);
    const stats = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/queues/stats`, p.supervisor);
    expect(stats.body.items[0]).toMatchObject({ queueId: q, waiting: 0 });
  });

  it('moves an agent whose desktop disconnected out of available after the grace period, and back', async () => {
    const p = await seedProject(ctx.sb);
    await makeQueue(ctx.sb, p);
    const me = await agentId(ctx.sb, p, p.agent);
    await call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, p.agent, { state: 'available' });
    const { connections } = ctx.sb.services.routing;
    connections.connected(p.projectId, p.agent.id);
    const away = waitFor(ctx.sb, p.projectId, 'agent.state_changed', (x) => x.agentId === me && x.to === 'break');
    connections.disconnected(p.projectId, p.agent.id);
    expect((await away).payload.reason).toBe('disconnected');
    const back = waitFor(ctx.sb, p.projectId, 'agent.state_changed', (x) => x.agentId === me && x.to === 'available');
    connections.connected(p.projectId, p.agent.id);
    await back;
  });
});

describe('task CSV import', () => {
  it('imports a CSV all-or-nothing and the tasks get offered', async () => {
    const p = await seedProject(ctx.sb);
    await makeQueue(ctx.sb, p, {}, 'Web leads');
    const upload = async (csv: string) => {
      const boundary = 'xyzBOUNDARY';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leads.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await ctx.sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/tasks/import`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${p.apiKey}` } });
      return { status: res.statusCode, body: res.json() as any };
    };
    const bad = await upload('queue,value,phones\nWeb leads,100,+420601123456\nWeb leads,-5,\n');
    expect([bad.status, bad.body.error.code, bad.body.error.details.line]).toEqual([400, 'CSV_INVALID', 3]);
    const ok = await upload('queue,title,value,phones,skills,details.product\nweb leads,Gas,100,+420601123456,czech:2,gas\nWeb leads,Power,900,,,\n');
    expect(ok.status).toBe(201);
    expect(ok.body.imported).toBe(2);
    expect(ok.body.items[0]).toMatchObject({ title: 'Gas', phones: ['+420601123456'], requiredSkills: { czech: 2 }, details: { product: 'gas' } });
    const list = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks`, p.supervisor);
    expect(list.body.items).toHaveLength(2);
  });
});
