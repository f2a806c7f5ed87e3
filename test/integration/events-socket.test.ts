import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openEventSocket } from '../support/event-socket.ts';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ listen: true, env: { WS_HEARTBEAT_MS: '200' }, projects: 2 });

describe('the project event socket', () => {
  it("gives a signed-in member the project's events as they are published", async () => {
    const socket = await openEventSocket(ctx.sb.url, ctx.p.projectId, { cookie: ctx.p.agent.cookie });
    await socket.next((m) => m.type === 'hello');
    const event = ctx.sb.bus.publish(ctx.p.projectId, 'contact.created', { contactId: 'c-1', name: 'Petr' });
    expect(await socket.next((m) => m.id === event.id)).toEqual(JSON.parse(JSON.stringify(event)));
    socket.close();
  });

  it('accepts an API key as well', async () => {
    const socket = await openEventSocket(ctx.sb.url, ctx.p.projectId, { authorization: `Bearer ${ctx.p.apiKey}` });
    expect(await socket.next((m) => m.type === 'hello')).toEqual({ type: 'hello', projectId: ctx.p.projectId });
    socket.close();
  });

  it('refuses a user of another project with 404 and strangers with 401', async () => {
    await expect(openEventSocket(ctx.sb.url, ctx.p.projectId, { cookie: ctx.projects[1].admin.cookie })).rejects.toMatchObject({ statusCode: 404 });
    await expect(openEventSocket(ctx.sb.url, ctx.p.projectId, {})).rejects.toMatchObject({ statusCode: 401 });
  });

  it("never sends one project's events to another project's socket", async () => {
    const theirs = await openEventSocket(ctx.sb.url, ctx.projects[1].projectId, { cookie: ctx.projects[1].agent.cookie });
    await theirs.next((m) => m.type === 'hello');
    ctx.sb.bus.publish(ctx.p.projectId, 'contact.deleted', { contactId: 'secret-of-p' });
    const sentinel = ctx.sb.bus.publish(ctx.projects[1].projectId, 'contact.deleted', { contactId: 'theirs' });
    await theirs.next((m) => m.id === sentinel.id);
    expect(theirs.messages.map((m) => m.projectId)).toEqual([ctx.projects[1].projectId, ctx.projects[1].projectId]);
    theirs.close();
  });

  it('pings every heartbeat and drops a client that stops answering', async () => {
    const alive = await openEventSocket(ctx.sb.url, ctx.p.projectId, { cookie: ctx.p.agent.cookie });
    await once(alive.ws, 'ping');
    const dead = await openEventSocket(ctx.sb.url, ctx.p.projectId, { cookie: ctx.p.agent.cookie }, { autoPong: false });
    const [code] = await once(dead.ws, 'close');
    expect(code).toBe(1006);
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    alive.close();
  });
});
