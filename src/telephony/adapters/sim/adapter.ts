import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../../../platform/errors.ts';
import { createRng, sampler, type Rng } from '../../../sim/random.ts';
import { FULL_CONTROL, type AdapterContext, type DialRequest, type OriginateRequest, type RouteAnswer, type RouteTarget, type TelephonyAdapter } from '../../port.ts';
import { SimCalls, type SimCall } from './calls.ts';
import { realScheduler, type Scheduler } from './scheduler.ts';
import { BUSY_SECONDS, EXTERNAL_RING_SECONDS, MESSAGE_SECONDS, PATIENCE_SECONDS, dialOutcome, ringTime, type SimSettings } from './settings.ts';

/** The number the simulated network shows for outbound calls placed without a caller ID. */
export const SIM_DEFAULT_CALLER_ID = '+420222000100';

export interface SimOptions {
  ctx: AdapterContext;
  log: Logger;
  /** The project's simulator settings (outcome shares, talk time). */
  settings(projectId: string): SimSettings;
  /** True when the project is served by the simulator; other projects' calls are not simulated. */
  serves(projectId: string): boolean;
  recordingUrl(callId: string): string;
  scheduler?: Scheduler;
  seed?: number;
  /** Trunk names that refuse every call (TELEPHONY_TRUNK_FAILED), to exercise failover. */
  failingTrunks?: string[];
  newCallId?: () => string;
}

/** What became of a simulated inbound call's route question. */
export type SimArrival =
  | { callId: string; outcome: 'routed'; answer: RouteAnswer }
  | { callId: string; outcome: 'fallback' | 'not-served' };

/**
 * The built-in telephone network: customers calling in (asking Switchboard's router where to go and
 * ringing the answer's targets in turn), click-to-call and campaign dialling with drawn outcomes, and
 * every call control command. Deterministic for a seed and an injected scheduler.
 */
export class SimAdapter implements TelephonyAdapter {
  readonly name = 'sim';
  readonly capabilities = FULL_CONTROL;
  readonly calls: SimCalls;
  private readonly rng: Rng;
  private readonly scheduler: Scheduler;
  private readonly failing: Set<string>;
  private readonly newCallId: () => string;

  constructor(private readonly o: SimOptions) {
    this.scheduler = o.scheduler ?? realScheduler;
    this.rng = createRng(o.seed ?? Date.now());
    this.failing = new Set(o.failingTrunks ?? ['down']);
    this.newCallId = o.newCallId ?? (() => `sim-${randomUUID()}`);
    this.calls = new SimCalls({ scheduler: this.scheduler, rng: this.rng, settings: o.settings, emit: o.ctx.events, recordingUrl: o.recordingUrl });
  }

  /** A customer calls the project's number `to`: ask the router, then ring what it answers. */
  async arrive(q: { projectId: string; from: string | null; to: string; callId?: string }): Promise<SimArrival> {
    const callId = q.callId ?? this.newCallId();
    if (!this.o.serves(q.projectId)) return { callId, outcome: 'not-served' };
    let answer: RouteAnswer;
    try {
      answer = await this.o.ctx.router.route({ projectId: q.projectId, callId, from: q.from, to: q.to });
    } catch (err) {
      this.o.log.warn({ err, callId }, 'simulated call got no route; the simulated PBX drops it');
      this.calls.emit({ projectId: q.projectId, id: callId }, { kind: 'ended', cause: 'failed', sipCode: 503 });
      return { callId, outcome: 'fallback' };
    }
    if (answer.action === 'reject') {
      this.calls.emit({ projectId: q.projectId, id: callId }, { kind: 'ended', cause: 'rejected', sipCode: answer.code });
    } else {
      const c = this.calls.open({ projectId: q.projectId, id: callId, from: q.from, to: q.to, state: 'ringing', extension: null, targets: answer.targets, ringSeconds: answer.ringSeconds });
      this.calls.ringNext(c);
    }
    return { callId, outcome: 'routed', answer };
  }

  async originate(r: OriginateRequest): Promise<{ callId: string }> {
    const c = this.place(r.projectId, r.callerId, r.to, r.trunk, 30);
    this.progress(c, r.extension, false);
    return { callId: c.id };
  }

  async dial(r: DialRequest): Promise<{ callId: string }> {
    const c = this.place(r.projectId, r.callerId, r.to, r.trunk, r.ringSeconds);
    this.progress(c, null, true);
    return { callId: c.id };
  }

  async bridge(projectId: string, callId: string, extension: string): Promise<void> {
    const c = this.inState(projectId, callId, 'waiting', 'bridge');
    this.calls.connect(c, extension, 'human');
  }

  async abandon(projectId: string, callId: string): Promise<void> {
    const c = this.inState(projectId, callId, 'waiting', 'abandon');
    c.state = 'message';
    this.calls.later(c, MESSAGE_SECONDS, () => this.calls.end(c, 'abandoned', 200));
  }

  async answer(projectId: string, callId: string, extension: string): Promise<void> {
    const c = this.inState(projectId, callId, 'ringing', 'answer');
    if (c.extension !== extension || c.targets.length === 0) {
      throw new AppError('TELEPHONY_CALL_STATE', `The call is not ringing at extension ${extension}`, { callId, extension });
    }
    this.calls.connect(c, extension, 'human');
  }

  async hangup(projectId: string, callId: string): Promise<void> {
    const c = this.calls.get(projectId, callId);
    if (c.state === 'ringing' && !c.answered) this.calls.end(c, 'cancelled', 487);
    else this.calls.end(c, c.state === 'message' ? 'abandoned' : 'normal', 200);
  }

  async transfer(projectId: string, callId: string, to: RouteTarget): Promise<void> {
    const c = this.inState(projectId, callId, 'talking', 'transfer');
    this.calls.emit(c, { kind: 'transferred', to: to.kind === 'agent' ? to.extension : to.kind === 'external' ? to.number : to.box });
    c.targets = [to];
    c.next = 0;
    c.held = false;
    this.calls.ringNext(c);
  }

  async hold(projectId: string, callId: string, held: boolean): Promise<void> {
    const c = this.inState(projectId, callId, 'talking', 'hold');
    if (c.held === held) return;
    c.held = held;
    this.calls.emit(c, { kind: 'held', held });
  }

  async close(): Promise<void> {
    this.calls.close();
  }

  private place(projectId: string, callerId: string | undefined, to: string, trunk: string | undefined, ringSeconds: number): SimCall {
    if (trunk && this.failing.has(trunk)) throw new AppError('TELEPHONY_TRUNK_FAILED', `Trunk ${trunk} refused the call`, { trunk });
    const c = this.calls.open({ projectId, id: this.newCallId(), from: callerId ?? SIM_DEFAULT_CALLER_ID, to, state: 'ringing', extension: null, targets: [], ringSeconds });
    this.calls.emit(c, { kind: 'ringing', from: c.from, to, targets: [{ kind: 'external', number: to }] });
    return c;
  }

  /** Draws who picks up a placed call and plays it out; a campaign call waits for bridge or abandon. */
  private progress(c: SimCall, agentExtension: string | null, campaign: boolean): void {
    const s = this.o.settings(c.projectId);
    const outcome = dialOutcome(s, this.rng.next());
    const ring = Math.round(sampler(ringTime(s))(this.rng));
    if (outcome === 'busy') return this.calls.later(c, BUSY_SECONDS, () => this.calls.end(c, 'busy', 486));
    if (outcome === 'no_answer' || ring > c.ringSeconds) return this.calls.later(c, c.ringSeconds, () => this.calls.end(c, 'no_answer', 480));
    if (outcome === 'machine') {
      return this.calls.later(c, ring, () => this.calls.connect(c, agentExtension, 'machine', MESSAGE_SECONDS + (campaign ? 0 : EXTERNAL_RING_SECONDS)));
    }
    if (!campaign) return this.calls.later(c, ring, () => this.calls.connect(c, agentExtension, 'human'));
    this.calls.later(c, ring, () => {
      c.state = 'waiting';
      c.answered = true;
      this.calls.emit(c, { kind: 'answered', extension: null, answeredBy: 'human' });
      this.calls.later(c, PATIENCE_SECONDS, () => this.calls.end(c, 'cancelled', 200));
    });
  }

  private inState(projectId: string, callId: string, state: SimCall['state'], command: string): SimCall {
    const c = this.calls.get(projectId, callId);
    if (c.state !== state) throw new AppError('TELEPHONY_CALL_STATE', `Cannot ${command} a call that is ${c.state}`, { callId, state: c.state });
    return c;
  }
}
