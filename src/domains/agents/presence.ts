/**
 * The agent presence state machine, pure: (presence, event, now) -> new presence or a refusal code.
 * The engine persists every accepted transition to agent_state_changes and publishes agent.state_changed.
 */
export type AgentState = 'offline' | 'available' | 'reserved' | 'busy' | 'wrap_up' | 'break';

export interface Presence {
  state: AgentState;
  /** epoch ms of the last transition */
  since: number;
  /** break reason code ('lunch', 'training', 'disconnected', 'missed_offer', ...) */
  reason: string | null;
  /** the one task the agent holds while reserved, busy or in wrap-up */
  taskId: string | null;
  /** when wrap-up ends (epoch ms) */
  wrapUpUntil: number | null;
}

export type PresenceEvent =
  | { kind: 'set'; to: 'available' | 'offline' | 'break'; reason?: string }
  | { kind: 'offer'; taskId: string }
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'missed'; to: 'available' | 'offline' | 'break' }
  | { kind: 'complete'; wrapUpSeconds: number }
  | { kind: 'wrapUpEnd' }
  | { kind: 'release' }
  | { kind: 'disconnected'; to: 'offline' | 'break' }
  | { kind: 'reconnected' }
  | { kind: 'call' }
  | { kind: 'callEnd'; wrapUpSeconds: number };

export type PresenceRefusal = 'AGENT_HAS_TASK' | 'AGENT_NOT_AVAILABLE' | 'NO_OFFER' | 'NO_ACTIVE_TASK' | 'NOT_APPLICABLE';

export type PresenceResult = { ok: true; presence: Presence } | { ok: false; code: PresenceRefusal };

export const OFFLINE: Presence = Object.freeze({ state: 'offline', since: 0, reason: null, taskId: null, wrapUpUntil: null });

const HOLDS_TASK: readonly AgentState[] = ['reserved', 'busy'];

const onCallOnly = (p: Presence): boolean => p.state === 'busy' && p.reason === 'call' && p.taskId === null;

const to = (state: AgentState, now: number, extra: Partial<Presence> = {}): PresenceResult => ({
  ok: true,
  presence: { state, since: now, reason: null, taskId: null, wrapUpUntil: null, ...extra },
});
const refuse = (code: PresenceRefusal): PresenceResult => ({ ok: false, code });

/** Applies one event. Setting presence while holding a task is refused: finish or decline it first. */
export function transition(p: Presence, e: PresenceEvent, now: number): PresenceResult {
  switch (e.kind) {
    case 'set':
      // busy on a call (no task) may be left by hand: the way out when a PBX never reports the call's end
      if (HOLDS_TASK.includes(p.state) && !onCallOnly(p)) return refuse('AGENT_HAS_TASK');
      if (e.to === 'break') return to('break', now, { reason: e.reason ?? 'break' });
      return to(e.to, now);
    case 'offer':
      return p.state === 'available' ? to('reserved', now, { taskId: e.taskId }) : refuse('AGENT_NOT_AVAILABLE');
    case 'accept':
      return p.state === 'reserved' ? to('busy', now, { taskId: p.taskId }) : refuse('NO_OFFER');
    case 'decline':
      return p.state === 'reserved' ? to('available', now) : refuse('NO_OFFER');
    case 'missed':
      if (p.state !== 'reserved') return refuse('NO_OFFER');
      return to(e.to, now, e.to === 'break' ? { reason: 'missed_offer' } : {});
    case 'complete':
      if (p.state !== 'busy') return refuse('NO_ACTIVE_TASK');
      if (e.wrapUpSeconds <= 0) return to('available', now);
      return to('wrap_up', now, { taskId: p.taskId, wrapUpUntil: now + e.wrapUpSeconds * 1000 });
    case 'wrapUpEnd':
      return p.state === 'wrap_up' ? to('available', now) : refuse('NOT_APPLICABLE');
    case 'release':
      return HOLDS_TASK.includes(p.state) ? to('available', now) : refuse('NOT_APPLICABLE');
    case 'disconnected':
      if (p.state !== 'available') return refuse('NOT_APPLICABLE');
      return to(e.to, now, { reason: 'disconnected' });
    case 'reconnected':
      return p.reason === 'disconnected' && (p.state === 'break' || p.state === 'offline') ? to('available', now) : refuse('NOT_APPLICABLE');
    case 'call':
      return p.state === 'available' ? to('busy', now, { reason: 'call' }) : refuse('NOT_APPLICABLE');
    case 'callEnd':
      if (p.state !== 'busy' || p.reason !== 'call' || p.taskId !== null) return refuse('NOT_APPLICABLE');
      if (e.wrapUpSeconds <= 0) return to('available', now);
      return to('wrap_up', now, { reason: 'call', wrapUpUntil: now + e.wrapUpSeconds * 1000 });
  }
}

/** True when the engine may offer this agent a task. */
export const canTakeOffer = (p: Presence): boolean => p.state === 'available' && p.taskId === null;
