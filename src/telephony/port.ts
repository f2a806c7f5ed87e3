/**
 * The telephony port: the one interface between Switchboard and any PBX (Kamailio, a hosted PBX
 * behind a webhook, the built-in simulator). Adapters translate their PBX's protocol into these
 * types in both directions:
 *  - PBX -> Switchboard: a route question (`CallRouter`) and call events (`CallEventSink`);
 *  - Switchboard -> PBX: call control commands (`TelephonyAdapter`), each guarded by a declared
 *    capability, because not every PBX can do everything (Kamailio alone cannot originate a call
 *    and bridge it to an agent).
 * test/contract/telephony-port.contract.ts is the suite every adapter must pass.
 */
import { AppError } from '../platform/errors.ts';

/** What the PBX asks when a call arrives: where does this call go? */
export interface RouteQuestion {
  projectId: string;
  /** The PBX's own call id (SIP Call-ID); events about the call carry the same id. */
  callId: string;
  /** The caller's number as the PBX received it; empty or null for anonymous callers. */
  from: string | null;
  /** The number the caller dialled (one of the project's numbers). */
  to: string;
}

/** Someone or something the PBX can ring. Agents are reached by their extension. */
export type RouteTarget =
  | { kind: 'agent'; agentId: string; extension: string }
  | { kind: 'external'; number: string }
  | { kind: 'voicemail'; box: string };

/** The rule that produced an answer; `id` is null for the project's fallback route. */
export interface RuleRef {
  id: string | null;
  name: string;
}

/** Switchboard's answer: ring these targets in order (next on busy / no answer), or refuse the call. */
export type RouteAnswer =
  | { action: 'dial'; targets: RouteTarget[]; ringSeconds: number; rule: RuleRef; fallback: boolean }
  | { action: 'reject'; code: 480 | 486 | 603; reason: string; rule: RuleRef; fallback: boolean };

/** Who picked up a dialled call: a person, an answering machine, or unknown (no detection). */
export type AnsweredBy = 'human' | 'machine' | null;

/**
 * Why a call ended, in PBX-neutral words. `abandoned`: Switchboard played the abandon message to an
 * answered campaign call because no agent was free in time (the dialer's compliance figure).
 */
export type EndCause = 'normal' | 'busy' | 'no_answer' | 'rejected' | 'cancelled' | 'failed' | 'abandoned';

interface CallEventBase {
  projectId: string;
  callId: string;
  /** When the PBX saw it (ISO 8601); adapters use their receive time when the PBX sends none. */
  at: string;
}

/** What a PBX reports about a call. Events may arrive out of order or for calls never routed here. */
export type CallEvent = CallEventBase &
  (
    | { kind: 'ringing'; from: string | null; to: string; targets: RouteTarget[] }
    | { kind: 'answered'; extension: string | null; answeredBy?: AnsweredBy }
    | { kind: 'held'; held: boolean }
    | { kind: 'transferred'; to: string }
    | { kind: 'ended'; cause: EndCause; sipCode: number | null }
    | { kind: 'recording'; url: string }
  );

export type CallEventKind = CallEvent['kind'];

/** Switchboard's side of routing; it always answers within its deadline (a fallback if need be). */
export interface CallRouter {
  route(question: RouteQuestion): Promise<RouteAnswer>;
}

/** Where adapters hand call events; it never throws back into the adapter. */
export type CallEventSink = (event: CallEvent) => void;

/** What an adapter's PBX can do; Switchboard hides the buttons an adapter cannot honour. */
export interface Capabilities {
  /** The PBX asks Switchboard where to send inbound calls. */
  routeQuestions: boolean;
  /** The PBX reports call events (at least answered and ended). */
  callEvents: boolean;
  /** Switchboard can start a call: ring the agent, then bridge the customer (click-to-call). */
  originate: boolean;
  /** Switchboard can call a customer with no agent on the line yet and learn who answered (dialer). */
  dial: boolean;
  /** A dialled call can be connected to an agent's extension once someone answers (dialer). */
  bridge: boolean;
  /** A dialled call can get the recorded abandon message and be hung up (no agent free in time). */
  abandon: boolean;
  /** The agent can answer a ringing call from the desktop (a softphone in the browser, or the simulator). */
  answer: boolean;
  hangup: boolean;
  transfer: boolean;
  hold: boolean;
  /** The PBX reports recording URLs. */
  recording: boolean;
}

export interface OriginateRequest {
  projectId: string;
  agentId: string;
  extension: string;
  /** E.164 number of the customer. */
  to: string;
  /** E.164 number shown to the customer; the adapter's default when absent. */
  callerId?: string;
  /** The trunk to place the call on (a trunk's name as the PBX knows it); the PBX's default when absent. */
  trunk?: string;
}

/** A campaign call: the customer is called first, an agent is bridged in after a person answers. */
export interface DialRequest {
  projectId: string;
  /** E.164 number of the customer. */
  to: string;
  callerId?: string;
  trunk?: string;
  /** Give up after this long without an answer (the call then ends with cause no_answer). */
  ringSeconds: number;
}

/** Call control from Switchboard to the PBX. A command outside the capabilities rejects with TELEPHONY_UNSUPPORTED. */
export interface TelephonyAdapter {
  readonly name: string;
  readonly capabilities: Readonly<Capabilities>;
  originate(request: OriginateRequest): Promise<{ callId: string }>;
  dial(request: DialRequest): Promise<{ callId: string }>;
  /** Connects a dialled, answered call to the agent on `extension`. */
  bridge(projectId: string, callId: string, extension: string): Promise<void>;
  /** Plays the recorded abandon message to the answered customer and hangs up. */
  abandon(projectId: string, callId: string): Promise<void>;
  /** The agent on `extension` answers a call ringing there. */
  answer(projectId: string, callId: string, extension: string): Promise<void>;
  hangup(projectId: string, callId: string): Promise<void>;
  transfer(projectId: string, callId: string, to: RouteTarget): Promise<void>;
  hold(projectId: string, callId: string, held: boolean): Promise<void>;
  close(): Promise<void>;
}

/** What Switchboard gives an adapter when it starts it. */
export interface AdapterContext {
  router: CallRouter;
  events: CallEventSink;
  /** The project a PBX credential belongs to, from memory; undefined when the credential is unknown. */
  projectForToken(token: string): string | undefined;
}

/** Every command offered: a PBX that takes full call control (the simulator, a hosted PBX over signed webhooks). */
export const FULL_CONTROL: Readonly<Capabilities> = Object.freeze({
  routeQuestions: true,
  callEvents: true,
  originate: true,
  dial: true,
  bridge: true,
  abandon: true,
  answer: true,
  hangup: true,
  transfer: true,
  hold: true,
  recording: true,
});

/** The rejection every adapter uses for a command its PBX cannot perform. */
export function unsupported(adapter: string, command: keyof Capabilities): AppError {
  return new AppError('TELEPHONY_UNSUPPORTED', `The ${adapter} adapter cannot ${command}`, { adapter, command });
}

/** Maps a final SIP response code to an end cause. */
export function causeOfSipCode(code: number | null): EndCause {
  if (code === null || (code >= 200 && code < 300)) return 'normal';
  if (code === 486 || code === 600) return 'busy';
  if (code === 408 || code === 480) return 'no_answer';
  if (code === 487) return 'cancelled';
  if (code === 603) return 'rejected';
  return 'failed';
}
