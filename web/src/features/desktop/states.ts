import type { AgentState } from './api.ts';

/** One color per presence state, shared by the desktop and the supervisor view so they read the same. */
export const STATE_COLOR: Record<AgentState, string> = {
  available: 'teal',
  reserved: 'yellow',
  busy: 'indigo',
  wrap_up: 'grape',
  break: 'orange',
  offline: 'gray',
};

/** Break reason codes an agent picks from; the server also sets `missed_offer` and `disconnected` itself. */
export const BREAK_REASONS = ['lunch', 'coffee', 'training', 'meeting', 'personal'] as const;

/** Reason codes with a translation; anything else (an integrator's own code) is shown as it is. */
export const KNOWN_REASONS: readonly string[] = [...BREAK_REASONS, 'missed_offer', 'disconnected', 'break'];

/** Outcomes an agent records when finishing a task. */
export const DISPOSITIONS = ['sale', 'interested', 'not_interested', 'no_answer', 'voicemail', 'wrong_number'] as const;
