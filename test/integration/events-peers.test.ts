import { afterAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

/**
 * A process sends events to other processes only while one listens (src/platform/events/peers.ts): a lone
 * server spends nothing on NOTIFY traffic, and a process that joins hears everything published after its
 * start resolved, with no event lost between the other's last lone publish and the join.
 */
const running: TestSwitchboard[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
});

describe('processes find each other on the database', () => {
  it('a lone process forwards to nobody; a joining one is heard at once and forgotten after it stops', async () => {
    const a = await startTestSwitchboard();
    running.push(a);
    expect(a.bridge.peers).toBe(0);

    const b = await startTestSwitchboard({ databaseUrl: a.db.url });
    running.push(b);
    // B's start waited for A's answer, and A answers only once it forwards: the very next event crosses.
    expect(a.bridge.peers).toBe(1);
    expect(b.bridge.peers).toBe(1);
    const crossed = b.bus.next((e) => e.type === 'member.invited', 5000);
    const sent = a.bus.publish('00000000-0000-4000-8000-000000000001', 'member.invited', { email: 'first@example.test', role: 'agent' });
    expect((await crossed).id).toBe(sent.id);

    await b.stop();
    await pollUntil(async () => a.bridge.peers, (n) => n === 0);
  });
});
