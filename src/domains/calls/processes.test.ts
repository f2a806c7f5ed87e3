import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { pollUntil } from '../../../test/support/poll.ts';
import { callEvent } from '../../../test/support/calls.ts';
import type { TestProject } from '../../../test/support/fixtures.ts';
import { startTwoProcesses } from '../../../test/support/use-switchboard.ts';

let a: TestSwitchboard;
let b: TestSwitchboard;
let p: TestProject;

beforeAll(async () => {
  ({ a, b, p } = await startTwoProcesses({ a: { listen: true }, b: { listen: true } }));
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two server processes on one database', () => {
  it('write each call event once: only the process that received it', async () => {
    const onB: Array<{ state: string; local: boolean }> = [];
    b.bus.subscribe((e, meta) => {
      if (e.type === 'call.updated' && (e.payload as { callId: string }).callId === 'two-1') onB.push({ state: (e.payload as { state: string }).state, local: meta.local });
    });
    const endedSeenOnB = b.bus.next((e) => e.type === 'call.updated' && (e.payload as { state: string; callId: string }).callId === 'two-1' && (e.payload as { state: string }).state === 'ended');
    await callEvent(a, p.projectId, 'call.routed', { callId: 'two-1', from: '+420601111111', to: '+420222000000', contactId: null, callerKind: 'unknown', ruleId: null, ruleName: 'Sales', fallback: false, targets: [], ms: 1 });
    await callEvent(a, p.projectId, 'call.ended', { callId: 'two-1', cause: 'cancelled', sipCode: 487 });
    await endedSeenOnB;
    await b.services.calls.recorder.settled(p.projectId, 'two-1');
    expect(onB).toEqual([{ state: 'ringing', local: false }, { state: 'ended', local: false }]);
    const rows = await a.db.db.selectFrom('calls').selectAll().where('pbx_call_id', '=', 'two-1').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'missed', end_cause: 'cancelled', rule_name: 'Sales' });
  });

  it('follow every live call: one routed on A shows live on B under the same id, and its end on B writes it once, with A\'s facts', async () => {
    const announced = a.bus.next((e) => e.type === 'call.updated' && (e.payload as { callId: string }).callId === 'two-2');
    const reachedB = b.bus.next((e) => e.type === 'call.routed' && (e.payload as { callId: string }).callId === 'two-2');
    await callEvent(a, p.projectId, 'call.routed', { callId: 'two-2', from: '+420601222222', to: '+420222000000', contactId: null, callerKind: 'unknown', ruleId: null, ruleName: 'Sales', fallback: false, targets: [], ms: 1 });
    const { id } = (await announced).payload as { id: string };
    await reachedB;
    await b.services.calls.recorder.settled(p.projectId, 'two-2');
    const live = await b.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls/live`, headers: { cookie: p.supervisor.cookie } });
    expect(live.json()).toContainEqual(expect.objectContaining({ id, callId: 'two-2', state: 'ringing', from: '+420601222222' }));

    await callEvent(b, p.projectId, 'call.ended', { callId: 'two-2', cause: 'cancelled', sipCode: 487 });
    const rows = await a.db.db.selectFrom('calls').selectAll().where('pbx_call_id', '=', 'two-2').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, outcome: 'missed', rule_name: 'Sales', from_number: '+420601222222' });
  });

  it('keep calls in progress across a restart: a stopping process writes them, the next one shows them live and finishes them', async () => {
    const first = await startTestSwitchboard({ databaseUrl: a.db.url });
    await callEvent(first, p.projectId, 'call.routed', { callId: 'restart-1', from: '+420601333333', to: '+420222000000', contactId: null, callerKind: 'unknown', ruleId: null, ruleName: 'Night', fallback: false, targets: [], ms: 1 });
    await first.stop();
    const next = await startTestSwitchboard({ databaseUrl: a.db.url });
    try {
      await next.services.calls.recorder.settled(p.projectId, 'restart-1');
      const live = await pollUntil(
        async () => (await next.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls/live`, headers: { cookie: p.supervisor.cookie } })).json() as Array<{ callId: string }>,
        (calls) => calls.some((c) => c.callId === 'restart-1'),
      );
      expect(live).toContainEqual(expect.objectContaining({ callId: 'restart-1', state: 'ringing', from: '+420601333333' }));
      await callEvent(next, p.projectId, 'call.ended', { callId: 'restart-1', cause: 'cancelled', sipCode: 487 });
      const rows = await a.db.db.selectFrom('calls').selectAll().where('pbx_call_id', '=', 'restart-1').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'missed', rule_name: 'Night', from_number: '+420601333333' });
    } finally {
      await next.stop();
    }
  });
});
