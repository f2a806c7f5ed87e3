import { AppError } from '../../../platform/errors.ts';
import { sampler, type Rng } from '../../../sim/random.ts';
import type { AnsweredBy, CallEvent, EndCause, RouteTarget } from '../../port.ts';
import type { Scheduler } from './scheduler.ts';
import { EXTERNAL_RING_SECONDS, VOICEMAIL_SECONDS, talkTime, type SimSettings } from './settings.ts';

/**
 * One simulated call: `ringing` (a target or the customer's phone rings), `waiting` (a dialled customer
 * answered and no agent is on the line yet), `talking`, `message` (the abandon message plays).
 */
export interface SimCall {
  projectId: string;
  id: string;
  from: string | null;
  to: string;
  state: 'ringing' | 'waiting' | 'talking' | 'message';
  /** The extension ringing now (agent targets) or talking (connected calls). */
  extension: string | null;
  targets: RouteTarget[];
  next: number;
  ringSeconds: number;
  answered: boolean;
  held: boolean;
  cancel: () => void;
}

export interface SimCallsDeps {
  scheduler: Scheduler;
  rng: Rng;
  settings(projectId: string): SimSettings;
  emit(event: CallEvent): void;
  recordingUrl(callId: string): string;
}

type EventBody = CallEvent extends infer E ? (E extends CallEvent ? Omit<E, 'projectId' | 'callId' | 'at'> : never) : never;

/** The calls in flight and their lifecycle: ringing targets in order, connecting, talking, ending. */
export class SimCalls {
  private readonly live = new Map<string, SimCall>();

  constructor(private readonly d: SimCallsDeps) {}

  get(projectId: string, callId: string): SimCall {
    const c = this.live.get(callId);
    if (!c || c.projectId !== projectId) throw new AppError('TELEPHONY_CALL_NOT_FOUND', `The simulator has no live call ${callId}`, { callId });
    return c;
  }

  /** Calls in flight, for the demo bots and tests. */
  list(projectId: string): SimCall[] {
    return [...this.live.values()].filter((c) => c.projectId === projectId);
  }

  open(c: Omit<SimCall, 'cancel' | 'held' | 'next' | 'answered'>): SimCall {
    const call: SimCall = { ...c, next: 0, answered: false, held: false, cancel: () => undefined };
    this.live.set(call.id, call);
    return call;
  }

  emit(c: Pick<SimCall, 'projectId' | 'id'>, body: EventBody): void {
    this.d.emit({ projectId: c.projectId, callId: c.id, at: new Date(this.d.scheduler.now()).toISOString(), ...body } as CallEvent);
  }

  later(c: SimCall, seconds: number, fn: () => void): void {
    c.cancel();
    c.cancel = this.d.scheduler.after(seconds * 1000, fn);
  }

  /** Rings the call's next target; past the last one the call ends unanswered (a missed call). */
  ringNext(c: SimCall): void {
    const t = c.targets[c.next++];
    if (!t) return this.end(c, 'no_answer', 480);
    c.state = 'ringing';
    c.extension = t.kind === 'agent' ? t.extension : null;
    this.emit(c, { kind: 'ringing', from: c.from, to: c.to, targets: [t] });
    if (t.kind === 'agent') this.later(c, c.ringSeconds, () => this.ringNext(c));
    else if (t.kind === 'external') this.later(c, EXTERNAL_RING_SECONDS, () => this.connect(c, null, 'human'));
    else this.voicemail(c);
  }

  /** Someone picked up: the call talks until the customer hangs up after a drawn talk time. */
  connect(c: SimCall, extension: string | null, by: AnsweredBy, talkSeconds?: number): void {
    c.state = 'talking';
    c.extension = extension;
    c.answered = true;
    this.emit(c, { kind: 'answered', extension, answeredBy: by });
    this.later(c, talkSeconds ?? this.talk(c.projectId), () => this.end(c, 'normal', 200));
  }

  /** Ends the call once; an answered call that was talked through gets a recording. */
  end(c: SimCall, cause: EndCause, sipCode: number | null): void {
    if (!this.live.delete(c.id)) return;
    c.cancel();
    this.emit(c, { kind: 'ended', cause, sipCode });
    if (c.answered && cause === 'normal') this.emit(c, { kind: 'recording', url: this.d.recordingUrl(c.id) });
  }

  talk(projectId: string): number {
    return Math.round(sampler(talkTime(this.d.settings(projectId)))(this.d.rng));
  }

  close(): void {
    for (const c of this.live.values()) c.cancel();
    this.live.clear();
  }

  private voicemail(c: SimCall): void {
    c.state = 'talking';
    c.answered = true;
    this.emit(c, { kind: 'answered', extension: null, answeredBy: 'machine' });
    this.later(c, VOICEMAIL_SECONDS, () => this.end(c, 'normal', 200));
  }
}
