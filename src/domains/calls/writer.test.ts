import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent, EventMap } from '../../platform/events/bus.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { callEvent, recordOf } from '../../../test/support/calls.ts';
import { projectApi } from '../../../test/support/call-routing.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;
const DIALLED = '+420222000000';

const routed = (callId: string, from: string): EventMap['call.routed'] => ({
  callId, from, to: DIALLED, contactId: null, callerKind: 'unknown', ruleId: null, ruleName: 'Sales', fallback: false, targets: ['agent:201'], ms: 1,
});

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb, 'Calls opened in batches');
  await projectApi(sb, p)('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension: '201' }] });
});
afterAll(() => sb?.stop());

describe('routed calls opened in batches', () => {
  it('records every call of a burst, each announced once as ringing at its agent', async () => {
    const updated: Array<EventMap['call.updated']> = [];
    const off = sb.bus.subscribe((e: DomainEvent) => {
      if (e.type === 'call.updated') updated.push(e.payload as EventMap['call.updated']);
    });
    const ids = Array.from({ length: 120 }, (_, i) => `burst-${i}`);
    for (const [i, id] of ids.entries()) sb.bus.publish(p.projectId, 'call.routed', routed(id, `+42060120${String(i).padStart(4, '0')}`));
    await Promise.all(ids.map((id) => sb.services.calls.recorder.settled(p.projectId, id)));
    off();
    expect(updated.map((u) => u.callId).sort()).toEqual([...ids].sort());
    expect(updated.every((u) => u.state === 'ringing' && u.agentId === p.agent.id && u.direction === 'inbound')).toBe(true);
    expect(await recordOf(sb, p, 'burst-7')).toMatchObject({ from: '+420601200007', to: DIALLED, ruleName: 'Sales', agentId: p.agent.id, state: 'ringing' });
  });

  it('completes a record that an earlier event opened, and keeps the order of one call\'s events', async () => {
    await callEvent(sb, p.projectId, 'call.ringing', { callId: 'early-1', from: '+420601299999', to: DIALLED, targets: [] });
    sb.bus.publish(p.projectId, 'call.routed', routed('early-1', '+420601299999'));
    sb.bus.publish(p.projectId, 'call.ended', { callId: 'early-1', cause: 'normal', sipCode: null });
    await sb.services.calls.recorder.settled(p.projectId, 'early-1');
    expect(await recordOf(sb, p, 'early-1')).toMatchObject({ ruleName: 'Sales', agentId: p.agent.id, state: 'ended', outcome: 'missed' });
  });

  it('records a call routed twice once', async () => {
    sb.bus.publish(p.projectId, 'call.routed', routed('twice-1', '+420601288888'));
    sb.bus.publish(p.projectId, 'call.routed', routed('twice-1', '+420601288888'));
    await sb.services.calls.recorder.settled(p.projectId, 'twice-1');
    const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls?limit=500`, headers: { cookie: p.supervisor.cookie } });
    expect((res.json().items as Array<{ callId: string }>).filter((c) => c.callId === 'twice-1')).toHaveLength(1);
  });
});
