import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { seedCardScenario, type CardScenario } from '../support/cards.ts';
import { openEventSocket, type EventSocket } from '../support/event-socket.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
let s: CardScenario;

const cardOf = (callId: string) => sb.app.inject({ url: `/api/projects/${p.projectId}/cards?callId=${callId}`, headers: { cookie: p.supervisor.cookie } });

beforeAll(async () => {
  sb = await startTestSwitchboard({ listen: true });
  p = await seedProject(sb, 'Cards without a desktop');
  s = await seedCardScenario(sb, p);
});
afterAll(() => sb?.stop());

describe('the caller card when the agent has no desktop open', () => {
  it('builds no card while nobody it rings has a desktop, then builds it when the call is answered at an open desktop', async () => {
    const answer = await sb.services.callRouting.desk.route({ projectId: p.projectId, callId: 'dark-1', from: s.phone, to: s.dialled });
    expect(answer).toMatchObject({ action: 'dial', targets: [{ extension: s.extension }] });
    await sb.services.calls.recorder.settled(p.projectId, 'dark-1');
    expect((await cardOf('dark-1')).statusCode).toBe(404);

    const socket: EventSocket = await openEventSocket(sb.url, p.projectId, { cookie: p.agent.cookie });
    try {
      await socket.next((m) => m.type === 'hello');
      sb.services.callRouting.desk.record({ projectId: p.projectId, callId: 'dark-1', at: new Date().toISOString(), kind: 'answered', extension: s.extension, answeredBy: 'human' });
      const first = await socket.next((m) => m.type === 'card.frame' && (m.payload as { callId: string }).callId === 'dark-1');
      expect(first.payload).toMatchObject({ kind: 'card', card: { base: { callId: 'dark-1', direction: 'inbound', contact: { name: 'Jana Nováková' }, owner: { id: p.agent.id } } } });
      expect((await cardOf('dark-1')).statusCode).toBe(200);
    } finally {
      socket.close();
    }
  });
});
