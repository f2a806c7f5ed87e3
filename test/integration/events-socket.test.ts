import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { openEventSocket } from '../support/event-socket.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let other: TestProject;

beforeAll(async () => {
  sb = await startTestSwitchboard({ listen: true, env: { WS_HEARTBEAT_MS: '200' } });
  p = await seedProject(sb);
  other = await seedProject(sb);
});
afterAll(() => sb?.stop());

describe('the project event socket', () => {
  it("gives a signed-in member the project's events as they are published", async () => {
    const socket = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    await socket.next((m) => m.type === 'hello');
    const event = sb.bus.publish(p.projectId, 'contact.created', { contactId: 'c-1', name: 'Petr' });
    expect(await socket.next((m) => m.id === event.id)).toEqual(JSON.parse(JSON.stringify(event)));
    socket.close();
  });

  it('accepts an API key as well', async () => {
    const socket = await openEventSocket(sb.url, p.projectId, { authorization: `Bearer ${p.apiKey}` });
    expect(await socket.next((m) => m.type === 'hello')).toEqual({ type: 'hello', projectId: p.projectId });
    socket.close();
  });

  it('refuses a user of another project with 404 and strangers with 401', async () => {
    await expect(openEventSocket(sb.url, p.projectId, { cookie: other.admin.cookie })).rejects.toMatchObject({ statusCode: 404 });
    await expect(openEventSocket(sb.url, p.projectId, {})).rejects.toMatchObject({ statusCode: 401 });
  });

  it("never sends one project's events to another project's socket", async () => {
    const theirs = await openEventSocket(sb.url, other.projectId, { cookie: other.agent.cookie });
    await theirs.next((m) => m.type === 'hello');
    sb.bus.publish(p.projectId, 'contact.deleted', { contactId: 'secret-of-p' });
    const sentinel = sb.bus.publish(other.projectId, 'contact.deleted', { contactId: 'theirs' });
    await theirs.next((m) => m.id === sentinel.id);
    expect(theirs.messages.map((m) => m.projectId)).toEqual([other.projectId, other.projectId]);
    theirs.close();
  });

  it('pings every heartbeat and drops a client that stops answering', async () => {
    const alive = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    await once(alive.ws, 'ping');
    const dead = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie }, { autoPong: false });
    const [code] = await once(dead.ws, 'close');
    expect(code).toBe(1006);
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    alive.close();
  });
});
