import { describe, expect, it } from 'vitest';
import { openEventSocket } from '../support/event-socket.ts';
import { seedProject } from '../support/fixtures.ts';
import { agentId, call, makeQueue, makeTask, waitFor } from '../support/routing.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ listen: true, env: { AGENT_DISCONNECT_GRACE_MS: '300' }, projects: 0 });

describe('agent desktop socket', () => {
  it('pushes the offer over the socket, and presence follows a lost and restored connection', async () => {
    const p = await seedProject(ctx.sb);
    const queueId = await makeQueue(ctx.sb, p);
    const me = await agentId(ctx.sb, p, p.agent);
    const socket = await openEventSocket(ctx.sb.url, p.projectId, { cookie: p.agent.cookie });
    await socket.next((m) => m.type === 'hello');
    await call(ctx.sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, p.agent, { state: 'available' });
    const t = await makeTask(ctx.sb, p, { queueId, value: 42 });
    const pushed = await socket.next((m) => m.type === 'task.offered');
    expect(pushed.payload).toMatchObject({ taskId: t.id, agentId: me });
    await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/accept`, p.agent);
    await call(ctx.sb, 'POST', `/api/projects/${p.projectId}/tasks/${t.id}/complete`, p.agent, { disposition: 'sale' });

    const away = waitFor(ctx.sb, p.projectId, 'agent.state_changed', (x) => x.agentId === me && x.to === 'break');
    socket.close();
    expect((await away).payload.reason).toBe('disconnected');
    const back = waitFor(ctx.sb, p.projectId, 'agent.state_changed', (x) => x.agentId === me && x.to === 'available');
    const again = await openEventSocket(ctx.sb.url, p.projectId, { cookie: p.agent.cookie });
    await back;
    again.close();
  });
});
