import { describe, expect, it } from 'vitest';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { addAgent, agentId, call, makeQueue, makeTask, waitFor } from '../support/routing.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ projects: 0 });

const presence = (p: TestProject, who: { cookie: string } & object, state: string, reason?: string) =>
  call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, who as never, reason ? { state, reason } : { state });

describe('push assignment through the API', () => {
  it('offers the best task, and the next one right after completing, without another click', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    const low = await makeTask(ctx.sb, p, { queueId, value: 100, phones: ['+420 601 123 456'], details: { source: 'web form' } });
    const high = await makeTask(ctx.sb, p, { queueId, value: 5000 });
    const mid = await makeTask(ctx.sb, p, { queueId, value: 1000 });
    expect(low.phones).toEqual(['+420601123456']);

    const offered = waitFor(ctx.sb, p.projectId, 'task.offered');
    expect((await presence(p, p.agent, 'available')).status).toBe(200);
    expect((await offered).payload).toMatchObject({ taskId: high.id });

    const me = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/agents/me`, p.agent);
    expect(me.body.agent.state).toBe('reserved');
    expect(me.body.task.id).toBe(high.id);
    expect(me.body.offer.trace.reason).toMatch(/highest score 5000/);
    expect(me.body.offer.trace.candidates.map((c: { taskId: string }) => c.taskId)).toContain(mid.id);

    const accepted = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${high.id}/accept`, p.agent);
    expect(accepted.body.status).toBe('accepted');
    const next = waitFor(ctx.sb, p.projectId, 'task.offered');
    const done = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${high.id}/complete`, p.agent, { disposition: 'sale', notes: 'bought' });
    expect(done.body).toMatchObject({ status: 'done', disposition: 'sale', notes: 'bought' });
    expect((await next).payload).toMatchObject({ taskId: mid.id });

    const twice = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${high.id}/complete`, p.agent, { disposition: 'sale' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'TASK_ALREADY_COMPLETED']);

    const changes = await ctx.sb.db.db.selectFrom('agent_state_changes').select(['from_state', 'to_state']).where('project_id', '=', p.projectId).orderBy('id').execute();
    expect(changes.map((c) => c.to_state)).toEqual(['available', 'reserved', 'busy', 'available', 'reserved']);
  });

  it('auto-accepts where the queue says so, and wrap-up ends by itself before the next offer', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p, { autoAccept: true, wrapUpSeconds: 1 });
    const first = await makeTask(ctx.sb, p, { queueId, value: 20 });
    const second = await makeTask(ctx.sb, p, { queueId, value: 10 });
    const accepted = waitFor(ctx.sb, p.projectId, 'task.accepted');
    await presence(p, p.agent, 'available');
    expect((await accepted).payload.taskId).toBe(first.id);
    expect((await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/agents/me`, p.agent)).body.agent.state).toBe('busy');
    const done = waitFor(ctx.sb, p.projectId, 'task.done', (x) => x.taskId === first.id);
    const next = waitFor(ctx.sb, p.projectId, 'task.accepted', (x) => x.taskId === second.id);
    const completed = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${first.id}/complete`, p.agent, { disposition: 'no answer' });
    expect(completed.body.status).toBe('wrap_up');
    expect((await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/agents/me`, p.agent)).body.agent.state).toBe('wrap_up');
    await done;
    await next;
    const row = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks/${first.id}`, p.supervisor);
    expect(row.body).toMatchObject({ status: 'done', disposition: 'no answer' });
  });

  it('keeps a trainee under the score cap and respects skills', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    const me = await agentId(ctx.sb, p, p.agent);
    const capped = await call(ctx.sb, 'PATCH', `/api/projects/${p.projectId}/agents/${me}`, p.supervisor, { scoreCap: 2000, skills: { czech: 3 } });
    expect(capped.body).toMatchObject({ scoreCap: 2000, skills: { czech: 3 } });
    await makeTask(ctx.sb, p, { queueId, value: 9000 });
    await makeTask(ctx.sb, p, { queueId, value: 1500, requiredSkills: { german: 1 } });
    await makeTask(ctx.sb, p, { queueId, value: 1800, requiredSkills: { czech: 4 } });
    const fits = await makeTask(ctx.sb, p, { queueId, value: 1200, requiredSkills: { czech: 2 } });
    const offered = waitFor(ctx.sb, p.projectId, 'task.offered');
    await presence(p, p.agent, 'available');
    expect((await offered).payload).toMatchObject({ taskId: fits.id });
    const task = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks/${fits.id}`, p.supervisor);
    expect(task.body.offers[0].trace.candidates[0].components).toMatchObject({ value: 1200, fit: 500 });
  });

  it('gives equal distribution: the longest idle agent gets the next task', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    const second = await addAgent(ctx.sb, p, 'second');
    await presence(p, p.agent, 'available');
    await presence(p, second, 'available');
    const [a, b] = [await agentId(ctx.sb, p, p.agent), await agentId(ctx.sb, p, second)];
    const first = waitFor(ctx.sb, p.projectId, 'task.offered');
    await makeTask(ctx.sb, p, { queueId, value: 10 });
    expect((await first).payload.agentId).toBe(a);
    const then = waitFor(ctx.sb, p.projectId, 'task.offered');
    await makeTask(ctx.sb, p, { queueId, value: 10 });
    expect((await then).payload.agentId).toBe(b);
  });

  it('offers an owned task to its owner first and to anyone after the fallback wait', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p, { ownerStickiness: true, ownerFallbackSeconds: 1 });
    const other = await addAgent(ctx.sb, p, 'other');
    const owner = await agentId(ctx.sb, p, p.agent);
    const otherId = await agentId(ctx.sb, p, other);
    await presence(p, other, 'available');
    await presence(p, p.agent, 'available');
    const toOwner = waitFor(ctx.sb, p.projectId, 'task.offered');
    const t1 = await makeTask(ctx.sb, p, { queueId, value: 10, ownerAgentId: owner });
    expect((await toOwner).payload).toMatchObject({ taskId: t1.id, agentId: owner });
    const t2 = await makeTask(ctx.sb, p, { queueId, value: 10, ownerAgentId: owner });
    const fallback = await waitFor(ctx.sb, p.projectId, 'task.offered', (x) => x.taskId === t2.id, 5000);
    expect(fallback.payload.agentId).toBe(otherId);
    expect(Date.parse(fallback.at) - Date.parse(t2.createdAt)).toBeGreaterThanOrEqual(900);
  });

  it('takes an unanswered offer back and moves the agent to the configured state', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p, { offerTimeoutSeconds: 1, missedOfferState: 'break' });
    const t = await makeTask(ctx.sb, p, { queueId, value: 10 });
    const timedOut = waitFor(ctx.sb, p.projectId, 'task.offer_timed_out');
    await presence(p, p.agent, 'available');
    await timedOut;
    const me = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/agents/me`, p.agent);
    expect(me.body.agent).toMatchObject({ state: 'break', reason: 'missed_offer', taskId: null });
    const late = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, p.agent);
    expect([late.status, late.body.error.code]).toEqual([409, 'OFFER_EXPIRED']);
    const task = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks/${t.id}`, p.supervisor);
    expect(task.body).toMatchObject({ status: 'queued', agentId: null });
    expect(task.body.offers[0].outcome).toBe('timed_out');
  });

  it('schedules a callback that comes back to the same agent at its time', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    const closedQueue = await makeQueue(ctx.sb, p, { businessHours: { 1: [['09:00', '10:00']] } });
    const t = await makeTask(ctx.sb, p, { queueId, value: 10 });
    const offered = waitFor(ctx.sb, p.projectId, 'task.offered');
    await presence(p, p.agent, 'available');
    await offered;
    await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, p.agent);
    const url = `/api/projects/${p.projectId}/tasks/${t.id}/callback`;
    const past = await call(ctx.sb, 'POST', url, p.agent, { at: new Date(Date.now() - 60_000).toISOString() });
    expect([past.status, past.body.error.code]).toEqual([400, 'SCHEDULE_IN_PAST']);
    const sunday = await makeTask(ctx.sb, p, { queueId: closedQueue, value: 1, scheduledAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(new Date(sunday.eligibleAt).getTime()).toBeGreaterThan(Date.now());
    const at = new Date(Date.now() + 1500).toISOString();
    const back = waitFor(ctx.sb, p.projectId, 'task.offered', (x) => x.taskId === t.id);
    const res = await call(ctx.sb, 'POST', url, p.agent, { at, notes: 'call after lunch' });
    expect(res.body).toMatchObject({ status: 'queued', scheduledAt: at, ownerAgentId: await agentId(ctx.sb, p, p.agent) });
    const again = await back;
    expect(Date.parse(again.at)).toBeGreaterThanOrEqual(Date.parse(at));
  });

  it('refuses a callback outside business hours with the next opening', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p, { holidayCountry: 'CZ', businessHours: { 1: [['00:00', '24:00']], 2: [['00:00', '24:00']], 3: [['00:00', '24:00']], 4: [['00:00', '24:00']], 5: [['00:00', '24:00']], 6: [['00:00', '24:00']], 7: [['00:00', '24:00']] } });
    const t = await makeTask(ctx.sb, p, { queueId, value: 10 });
    const offered = waitFor(ctx.sb, p.projectId, 'task.offered');
    await presence(p, p.agent, 'available');
    await offered;
    await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, p.agent);
    const christmas = `${new Date().getUTCFullYear() + 1}-12-25T10:00:00+01:00`;
    const res = await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/callback`, p.agent, { at: christmas });
    expect([res.status, res.body.error.code]).toEqual([400, 'OUTSIDE_BUSINESS_HOURS']);
    expect(res.body.error.details.nextOpen).toMatch(/-12-2[67]T/);
  });

  it('expires a task nobody took within its TTL', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    const expired = waitFor(ctx.sb, p.projectId, 'task.expired');
    const t = await makeTask(ctx.sb, p, { queueId, value: 10, ttlSeconds: 1 });
    expect((await expired).payload.taskId).toBe(t.id);
    const row = await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks/${t.id}`, p.supervisor);
    expect(row.body.status).toBe('expired');
  });
});

describe('calls and offers', () => {
  it('offers no task while a call rings at the agent, and offers it once the phone stops ringing', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    expect((await presence(p, p.agent, 'available')).status).toBe(200);
    const engine = ctx.sb.services.routing.engine;
    const ring = (state: 'ringing' | 'ended') =>
      ctx.sb.bus.publish(p.projectId, 'call.updated', { id: 'c1', callId: 'pbx-c1', direction: 'inbound', state, agentId: p.agent.id, contactId: null, from: '+420601000111', to: '+420222000111', outcome: state === 'ended' ? 'missed' : null });

    ring('ringing');
    const task = await makeTask(ctx.sb, p, { queueId, value: 500 });
    await engine.run(p.projectId, (ps) => engine.dispatch(ps));
    expect((await call(ctx.sb, 'GET', `/api/projects/${p.projectId}/tasks/${task.id}`, p.supervisor)).body.status).toBe('queued');

    const offered = waitFor(ctx.sb, p.projectId, 'task.offered', (o) => o.taskId === task.id);
    ring('ended');
    expect((await offered).payload).toMatchObject({ agentId: await agentId(ctx.sb, p, p.agent) });
  });
});
