import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSwitchboard } from '../../../test/support/app.ts';
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
});
