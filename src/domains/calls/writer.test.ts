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
  p = await seedProject(sb, 'Calls written in batches');
  await projectApi(sb, p)('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension: '201' }] });
});
afterAll(() => sb?.stop());

describe('call records written in batches when calls end', () => {
  it('records every call of a burst, each announced once as ringing at its agent, and writes each once when it ends', async () => {
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

    for (const id of ids) sb.bus.publish(p.projectId, 'call.ended', { callId: id, cause: 'cancelled', sipCode: 487 });
    await Promise.all(ids.map((id) => sb.services.calls.recorder.settled(p.projectId, id)));
    const rows = await sb.db.db.selectFrom('calls').select(['pbx_call_id', 'outcome', 'from_number']).where('project_id', '=', p.projectId).where('pbx_call_id', 'like', 'burst-%').execute();
    expect(rows).toHaveLength(ids.length);
    expect(rows.find((r) => r.pbx_call_id === 'burst-7')).toEqual({ pbx_call_id: 'burst-7', outcome: 'missed', from_number: '+420601200007' });
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
    sb.bus.publish(p.projectId, 'call.ended', { callId: 'twice-1', cause: 'normal', sipCode: null });
    sb.bus.publish(p.projectId, 'call.routed', routed('twice-1', '+420601288888'));
    await sb.services.calls.recorder.settled(p.projectId, 'twice-1');
    const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls?limit=500`, headers: { cookie: p.supervisor.cookie } });
    expect((res.json().items as Array<{ callId: string }>).filter((c) => c.callId === 'twice-1')).toHaveLength(1);
  });

  it('merges a finished call into the row another process wrote for it first, keeping both sides\' facts', async () => {
    await sb.db.db.insertInto('calls').values({ project_id: p.projectId, pbx_call_id: 'pre-1', started_at: new Date(Date.now() - 5_000), disposition: 'call back' }).execute();
    sb.bus.publish(p.projectId, 'call.routed', routed('pre-1', '+420601277777'));
    sb.bus.publish(p.projectId, 'call.ended', { callId: 'pre-1', cause: 'cancelled', sipCode: 487 });
    await sb.services.calls.recorder.settled(p.projectId, 'pre-1');
    const rows = await sb.db.db.selectFrom('calls').selectAll().where('project_id', '=', p.projectId).where('pbx_call_id', '=', 'pre-1').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ disposition: 'call back', outcome: 'missed', rule_name: 'Sales', from_number: '+420601277777' });
    expect(rows[0]!.started_at.getTime()).toBeLessThan(Date.now() - 4_000);
  });
});
