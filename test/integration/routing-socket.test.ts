import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { openEventSocket } from '../support/event-socket.ts';
import { seedProject } from '../support/fixtures.ts';
import { agentId, call, makeQueue, makeTask, waitFor } from '../support/routing.ts';

let sb: TestSwitchboard;
beforeAll(async () => {
  sb = await startTestSwitchboard({ listen: true, env: { AGENT_DISCONNECT_GRACE_MS: '300' } });
});
afterAll(async () => {
  await sb?.stop();
});

describe('agent desktop socket', () => {
  it('pushes the offer over the socket, and presence follows a lost and restored connection', async () => {
    const p = await seedProject(sb);
    const queueId = await makeQueue(sb, p);
    const me = await agentId(sb, p, p.agent);
    const socket = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    await socket.next((m) => m.type === 'hello');
    await call(sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, p.agent, { state: 'available' });
    const t = await makeTask(sb, p, { queueId, value: 42 });
    const pushed = await socket.next((m) => m.type === 'task.offered');
    expect(pushed.payload).toMatchObject({ taskId: t.id, agentId: me });
    await call(sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, p.agent);
    await call(sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/complete`, p.agent, { disposition: 'sale' });

    const away = waitFor(sb, p.projectId, 'agent.state_changed', (x) => x.agentId === me && x.to === 'break');
    socket.close();
    expect((await away).payload.reason).toBe('disconnected');
    const back = waitFor(sb, p.projectId, 'agent.state_changed', (x) => x.agentId === me && x.to === 'available');
    const again = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    await back;
    again.close();
  });
});
