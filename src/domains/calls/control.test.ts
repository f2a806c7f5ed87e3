import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { addSignedInAgent, callEvent, RecordingAdapter } from '../../../test/support/calls.ts';
import { projectApi } from '../../../test/support/call-routing.ts';
import { seedProject, type TestProject, type TestUser } from '../../../test/support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let b: TestProject;
let other: TestUser;
let contactId: string;
const pbx = new RecordingAdapter('test');
const CUSTOMER = '+420601111111';

type Method = 'GET' | 'POST' | 'PUT';
async function as(user: { cookie: string } | { key: string }, method: Method, path: string, payload?: object, project = p) {
  const headers = 'cookie' in user ? { cookie: user.cookie } : { authorization: `Bearer ${user.key}` };
  const res = await sb.app.inject({ method, url: `/api/projects/${project.projectId}${path}`, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

/** An inbound call answered by `user` (extension `ext`); returns the record's id. */
async function answeredCall(callId: string, ext: string, user: TestUser): Promise<string> {
  await callEvent(sb, p.projectId, 'call.routed', { callId, from: CUSTOMER, to: '+420222000000', contactId, callerKind: 'customer', ruleId: null, ruleName: 'Sales', fallback: false, targets: [`agent:${ext}`], ms: 1 });
  await callEvent(sb, p.projectId, 'call.answered', { callId, extension: ext, agentId: user.id, answeredBy: 'human' });
  const live = await as(user, 'GET', '/calls/live');
  return (live.body as Array<{ id: string; callId: string }>).find((c) => c.callId === callId)!.id;
}

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb, 'Calls control');
  b = await seedProject(sb, 'Calls control B');
  other = await addSignedInAgent(sb, p, 'other');
  sb.services.telephony.register(pbx);
  sb.services.telephony.register(new RecordingAdapter('nohold', ['hold']));
  sb.services.telephony.use(p.projectId, 'test');
  const api = projectApi(sb, p);
  await api('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension: '201' }, { agentId: other.id, extension: '202' }] });
  contactId = (await api('POST', '/contacts', { name: 'Jana Nováková', phones: [{ number: CUSTOMER }], city: 'Brno' })).id;
  await api('POST', '/caller-id-pools', { name: 'Brno', cities: ['Brno'], numbers: ['+420533000111'] });
  await api('POST', '/caller-id-pools', { name: 'Everywhere', isDefault: true, numbers: ['+420222000999'] });
  const trunk = await api('POST', '/trunks', { name: 'Main', currency: 'CZK' });
  await api('PUT', `/trunks/${trunk.id}/prices`, { prices: [{ prefix: '+420', ratePerMinute: 1 }] });
});
afterAll(() => sb?.stop());

describe('click-to-call', () => {
  it("rings the agent's extension, then the contact, from the local caller ID on the cheapest trunk", async () => {
    const res = await as(p.agent, 'POST', '/calls', { contactId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ callerId: '+420533000111', callerIdReason: 'city', trunkName: 'Main', contactId, to: CUSTOMER });
    const placed = pbx.commands.find((c) => c.command === 'originate' && c.callId === res.body.callId)!;
    expect(placed.args).toMatchObject({ extension: '201', to: CUSTOMER, callerId: '+420533000111', trunk: 'Main' });
    const call = await as(p.agent, 'GET', `/calls/${res.body.id}`);
    expect(call.body).toMatchObject({ direction: 'outbound', agentId: p.agent.id, contactId, callerId: '+420533000111', state: 'ringing', to: CUSTOMER });
  });

  it('dials a typed number and finds its contact; refuses people without an extension and API keys', async () => {
    const typed = await as(other, 'POST', '/calls', { phone: '601 111 111' });
    expect(typed.status).toBe(201);
    expect(typed.body).toMatchObject({ to: CUSTOMER, contactId });
    expect((await as(p.supervisor, 'POST', '/calls', { contactId })).body.error.code).toBe('NO_EXTENSION');
    expect((await as({ key: p.apiKey }, 'POST', '/calls', { contactId })).status).toBe(403);
    expect((await as(p.agent, 'POST', '/calls', { phone: 'nonsense' })).body.error.code).toBe('INVALID_PHONE');
    expect((await as(p.agent, 'POST', '/calls', {})).status).toBe(400);
    // The agent hangs up before the customer answers: their phone stops ringing (no task is offered while it rings).
    await callEvent(sb, p.projectId, 'call.ended', { callId: typed.body.callId, cause: 'cancelled', sipCode: 487 });
  });
});

describe('a call placed while working a task', () => {
  it('belongs to that task, and the agent stays on the task', async () => {
    const api = projectApi(sb, p);
    const queue = await api('POST', '/queues', { name: 'Leads' });
    const task = await api('POST', '/tasks', { queueId: queue.id, title: 'New lead', contactId });
    const offered = sb.bus.next((e) => e.type === 'task.offered' && (e.payload as { taskId: string }).taskId === task.id);
    await as(other, 'PUT', '/agents/me/presence', { state: 'available' });
    await offered;
    expect((await as(other, 'POST', `/tasks/${task.id}/accept`)).status).toBe(200);
    const res = await as(other, 'POST', '/calls', { contactId });
    expect(res.body.taskId).toBe(task.id);
    expect((await as(other, 'GET', `/calls/${res.body.id}`)).body.taskId).toBe(task.id);
    expect((await as(other, 'GET', '/agents/me')).body.agent).toMatchObject({ state: 'busy', taskId: task.id });
  });
});

describe('call control', () => {
  it('lets only the agent on the call, or a supervisor, control it', async () => {
    const id = await answeredCall('ctl-1', '202', other);
    expect((await as(p.agent, 'POST', `/calls/${id}/hangup`)).body.error.code).toBe('CALL_NOT_FOUND');
    expect((await as(p.agent, 'GET', `/calls/${id}`)).status).toBe(404);
    expect((await as(other, 'POST', `/calls/${id}/hold`)).status).toBe(200);
    expect((await as(other, 'POST', `/calls/${id}/unhold`)).status).toBe(200);
    expect((await as(other, 'POST', `/calls/${id}/transfer`, { agentId: p.agent.id })).status).toBe(200);
    expect((await as(p.supervisor, 'POST', `/calls/${id}/hangup`)).status).toBe(200);
    const mine = pbx.commands.filter((c) => c.callId === 'ctl-1').map((c) => [c.command, c.args]);
    expect(mine).toEqual([['hold', true], ['hold', false], ['transfer', { kind: 'agent', agentId: p.agent.id, extension: '201' }], ['hangup', null]]);

    const agentsList = await as(p.agent, 'GET', '/calls');
    expect(agentsList.body.items.every((c: { agentId: string }) => c.agentId === p.agent.id)).toBe(true);
    const all = await as(p.supervisor, 'GET', `/calls?agentId=${other.id}&direction=inbound`);
    expect(all.body.items.map((c: { callId: string }) => c.callId)).toContain('ctl-1');
  });

  it('answers from the desktop with the agent extension, and refuses control of an ended call', async () => {
    await callEvent(sb, p.projectId, 'call.routed', { callId: 'ctl-2', from: CUSTOMER, to: '+420222000000', contactId, callerKind: 'customer', ruleId: null, ruleName: 'Sales', fallback: false, targets: ['agent:201'], ms: 1 });
    const id = (await as(p.agent, 'GET', '/calls/live')).body.find((c: { callId: string }) => c.callId === 'ctl-2').id;
    expect((await as(p.agent, 'POST', `/calls/${id}/answer`)).status).toBe(200);
    expect(pbx.commands.at(-1)).toEqual({ command: 'answer', callId: 'ctl-2', args: '201' });
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'ctl-2', cause: 'cancelled', sipCode: 487 });
    expect((await as(p.agent, 'POST', `/calls/${id}/hangup`)).body.error.code).toBe('CALL_NOT_LIVE');
    const d = await as(p.agent, 'PUT', `/calls/${id}/disposition`, { disposition: 'call back', note: 'wants an offer' });
    expect(d.body).toMatchObject({ disposition: 'call back', outcome: 'missed' });
    expect((await as(other, 'PUT', `/calls/${id}/disposition`, { disposition: 'x' })).status).toBe(404);
  });

  it('keeps a disposition set during the call in the record written when it ends', async () => {
    const id = await answeredCall('ctl-5', '201', p.agent);
    const during = await as(p.agent, 'PUT', `/calls/${id}/disposition`, { disposition: 'interested' });
    expect(during.body).toMatchObject({ id, disposition: 'interested', state: 'talking' });
    await callEvent(sb, p.projectId, 'call.ended', { callId: 'ctl-5', cause: 'normal', sipCode: null });
    expect((await as(p.supervisor, 'GET', `/calls/${id}`)).body).toMatchObject({ disposition: 'interested', outcome: 'answered', state: 'ended' });
    const row = await sb.db.db.selectFrom('calls').select(['id', 'disposition', 'outcome']).where('pbx_call_id', '=', 'ctl-5').executeTakeFirst();
    expect(row).toEqual({ id, disposition: 'interested', outcome: 'answered' });
  });

  it("passes the adapter's refusal through with its message", async () => {
    const id = await answeredCall('ctl-3', '202', other);
    sb.services.telephony.use(p.projectId, 'nohold');
    try {
      const res = await as(other, 'POST', `/calls/${id}/hold`);
      expect(res.body.error).toMatchObject({ code: 'TELEPHONY_UNSUPPORTED', message: 'The nohold adapter cannot hold' });
    } finally {
      sb.services.telephony.use(p.projectId, 'test');
    }
  });

  it("answers 404 for another project's call", async () => {
    const id = await answeredCall('ctl-4', '202', other);
    expect((await as(b.supervisor, 'POST', `/calls/${id}/hangup`, undefined, b)).status).toBe(404);
    expect((await as(p.supervisor, 'GET', `/calls/${id}`, undefined, b)).status).toBe(404);
  });
});

describe("a contact's history", () => {
  it('lists calls and tasks newest first for supervisors and the agents who handle the contact', async () => {
    const api = projectApi(sb, p);
    const queue = await api('POST', '/queues', { name: 'Callbacks' });
    await api('POST', '/tasks', { queueId: queue.id, title: 'Call Jana back', contactId });
    const history = await as(p.supervisor, 'GET', `/contacts/${contactId}/history`);
    expect(history.status).toBe(200);
    const items = history.body as Array<{ type: string; at: string }>;
    expect(items[0]).toMatchObject({ type: 'task', title: 'Call Jana back' });
    expect(items.some((i) => i.type === 'call')).toBe(true);
    expect([...items].sort((x, y) => y.at.localeCompare(x.at))).toEqual(items);
    expect((await as(p.agent, 'GET', `/contacts/${contactId}/history`)).status).toBe(200);

    const stranger = (await api('POST', '/contacts', { name: 'Nobody', phones: [{ number: '+420608000111' }] })).id;
    expect((await as(p.agent, 'GET', `/contacts/${stranger}/history`)).body.error.code).toBe('CONTACT_NOT_FOUND');
  });
});
