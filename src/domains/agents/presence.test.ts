import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OFFLINE, transition, type Presence, type PresenceEvent } from './presence.ts';

const at = (state: Presence['state'], extra: Partial<Presence> = {}): Presence => ({ ...OFFLINE, state, ...extra });

describe('agent presence', () => {
  it.each<[string, Presence, PresenceEvent, Presence['state'] | string]>([
    ['offline -> available', at('offline'), { kind: 'set', to: 'available' }, 'available'],
    ['available -> break', at('available'), { kind: 'set', to: 'break', reason: 'lunch' }, 'break'],
    ['offer to available', at('available'), { kind: 'offer', taskId: 't' }, 'reserved'],
    ['offer to break refused', at('break'), { kind: 'offer', taskId: 't' }, 'AGENT_NOT_AVAILABLE'],
    ['accept', at('reserved', { taskId: 't' }), { kind: 'accept' }, 'busy'],
    ['accept without offer', at('available'), { kind: 'accept' }, 'NO_OFFER'],
    ['decline', at('reserved', { taskId: 't' }), { kind: 'decline' }, 'available'],
    ['missed -> break', at('reserved', { taskId: 't' }), { kind: 'missed', to: 'break' }, 'break'],
    ['complete with wrap-up', at('busy', { taskId: 't' }), { kind: 'complete', wrapUpSeconds: 30 }, 'wrap_up'],
    ['complete without wrap-up', at('busy', { taskId: 't' }), { kind: 'complete', wrapUpSeconds: 0 }, 'available'],
    ['complete twice', at('wrap_up'), { kind: 'complete', wrapUpSeconds: 0 }, 'NO_ACTIVE_TASK'],
    ['wrap-up ends', at('wrap_up'), { kind: 'wrapUpEnd' }, 'available'],
    ['break while busy refused', at('busy', { taskId: 't' }), { kind: 'set', to: 'break' }, 'AGENT_HAS_TASK'],
    ['disconnect while available', at('available'), { kind: 'disconnected', to: 'break' }, 'break'],
    ['reconnect', at('break', { reason: 'disconnected' }), { kind: 'reconnected' }, 'available'],
    ['reconnect from lunch stays', at('break', { reason: 'lunch' }), { kind: 'reconnected' }, 'NOT_APPLICABLE'],
    ['a call makes an available agent busy', at('available'), { kind: 'call' }, 'busy'],
    ['a call during a task changes nothing', at('busy', { taskId: 't' }), { kind: 'call' }, 'NOT_APPLICABLE'],
    ['the call ends into wrap-up', at('busy', { reason: 'call' }), { kind: 'callEnd', wrapUpSeconds: 10 }, 'wrap_up'],
    ['the call ends without wrap-up', at('busy', { reason: 'call' }), { kind: 'callEnd', wrapUpSeconds: 0 }, 'available'],
    ['a call end does not end a task', at('busy', { taskId: 't' }), { kind: 'callEnd', wrapUpSeconds: 0 }, 'NOT_APPLICABLE'],
    ['an agent may leave a call the PBX never ended', at('busy', { reason: 'call' }), { kind: 'set', to: 'available' }, 'available'],
  ])('%s', (_n, p, e, expected) => {
    const r = transition(p, e, 1000);
    expect(r.ok ? r.presence.state : r.code).toBe(expected);
  });

  it('stamps every transition and records the wrap-up end', () => {
    const r = transition(at('busy', { taskId: 't' }), { kind: 'complete', wrapUpSeconds: 20 }, 5000);
    expect(r).toEqual({ ok: true, presence: { state: 'wrap_up', since: 5000, reason: null, taskId: 't', wrapUpUntil: 25000 } });
  });

  it('holds a task exactly when reserved, busy or in wrap-up', () => {
    const event = fc.oneof(
      fc.constantFrom<PresenceEvent>({ kind: 'set', to: 'available' }, { kind: 'set', to: 'break' }, { kind: 'set', to: 'offline' },
        { kind: 'accept' }, { kind: 'decline' }, { kind: 'missed', to: 'available' }, { kind: 'wrapUpEnd' }, { kind: 'release' },
        { kind: 'complete', wrapUpSeconds: 5 }, { kind: 'complete', wrapUpSeconds: 0 }, { kind: 'disconnected', to: 'break' }, { kind: 'reconnected' }),
      fc.string({ minLength: 1, maxLength: 3 }).map((taskId): PresenceEvent => ({ kind: 'offer', taskId })),
    );
    fc.assert(fc.property(fc.array(event, { maxLength: 40 }), (events) => {
      let p = OFFLINE;
      for (const e of events) {
        const r = transition(p, e, 1);
        if (r.ok) p = r.presence;
        const holds = ['reserved', 'busy', 'wrap_up'].includes(p.state);
        if (holds !== (p.taskId !== null)) return false;
      }
      return true;
    }));
  });
});
