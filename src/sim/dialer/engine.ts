import { ANSWER_GRACE_SECONDS, type AbandonWindow } from '../../domains/dialer/pacing.ts';
import { createRng, forkRng, sampler, type Rng } from '../random.ts';
import { AgentPool } from './agents.ts';
import { CallBook, HUMAN, OTHER, RESERVED_HUMAN, RESERVED_OTHER } from './calls.ts';
import { LiveEstimates, MAX_RING_AGE } from './estimates.ts';
import { emptyDay, type DayRecord } from './metrics.ts';
import { policyFor, type SimPolicy, type TickView } from './policies.ts';
import { answerRateAt, type Scenario } from './scenario.ts';

/** Seconds a busy signal occupies the line. */
export const BUSY_SECONDS = 3;

/**
 * One simulated day of a dialer campaign at 1-second pacing ticks. Each second: agents finishing talk
 * go to wrap-up and those finishing wrap-up become ready; calls reaching their outcome resolve
 * (person, machine, busy, no answer); answered calls connect to ready agents (oldest answer first);
 * a call answered 2 s ago still without an agent is abandoned; then the policy places calls. The
 * pacer steers by two windows, today and the rolling hour, both at the scenario's abandon target.
 * The same scenario and seed always give the same day.
 */
export function simulateDialer(s: Scenario, opts: { ratio?: number; policy?: SimPolicy } = {}): DayRecord {
  return new DialerDay(s, opts.policy ?? policyFor(s, opts.ratio)).run();
}

type Draw = (rng: Rng) => number;

class DialerDay {
  private readonly T: number;
  private readonly rec: DayRecord;
  private readonly agents: AgentPool;
  private readonly calls: CallBook;
  private readonly ages = new Int32Array(MAX_RING_AGE + 1);
  private readonly waitingSince: number[] = [];
  private waitingHead = 0;
  private readonly hour = { answered: 0, abandoned: 0 };
  private readonly est = new LiveEstimates();
  private readonly view: TickView;
  private readonly rng: Record<'outcome' | 'ring' | 'noAnswer' | 'talk' | 'wrap', Rng>;
  private readonly draw: Record<'ring' | 'noAnswer' | 'talk' | 'wrap', Draw>;

  constructor(private readonly s: Scenario, private readonly policy: SimPolicy) {
    this.T = Math.round(s.hours * 3600);
    this.rec = emptyDay(s, this.T);
    this.agents = new AgentPool(s.agents);
    this.calls = new CallBook(this.T);
    const root = createRng(s.seed);
    this.rng = { outcome: forkRng(root), ring: forkRng(root), noAnswer: forkRng(root), talk: forkRng(root), wrap: forkRng(root) };
    this.draw = { ring: sampler(s.ringSeconds), noAnswer: sampler(s.noAnswerSeconds), talk: sampler(s.talkSeconds), wrap: sampler(s.wrapSeconds) };
    const windows: AbandonWindow[] = [
      { target: s.abandonTarget, answered: 0, abandoned: 0 },
      { target: s.abandonTarget, answered: 0, abandoned: 0 },
    ];
    this.view = {
      second: 0, agents: s.agents, ready: s.agents, ringing: 0, waiting: 0, connected: 0, linesInUse: 0,
      lines: s.lines ?? Infinity, target: s.abandonTarget, estimates: this.est.current, windows, day: this.rec.totals,
      busyAgents: () => this.agents.busy(this.view.second),
      ringingAges: () => this.calls.ages(this.view.second, this.ages),
    };
  }

  run(): DayRecord {
    const wrapFor = () => Math.max(0, Math.round(this.draw.wrap(this.rng.wrap)));
    const onTalkEnd = (d: number) => this.est.onTalkEnd(d);
    const onWrapEnd = (d: number) => this.est.onWrapEnd(d);
    const onResolved = (kind: number, dialed: number) => this.resolved(kind, dialed, this.view.second);
    for (let t = 0; t < this.T; t++) {
      this.view.second = t;
      if (t % 60 === 0 && t > 0) this.newMinute(t / 60);
      this.agents.advance(t, wrapFor, onTalkEnd, onWrapEnd);
      this.calls.resolve(t, onResolved);
      this.connectWaiting(t);
      this.abandonOverdue(t);
      this.place(t, this.decide(t));
      this.record(t);
    }
    return this.rec;
  }

  private newMinute(minute: number): void {
    this.est.decay();
    if (minute < 60) return;
    this.hour.answered -= this.rec.minutes.answered[minute - 60];
    this.hour.abandoned -= this.rec.minutes.abandoned[minute - 60];
  }

  private resolved(kind: number, dialed: number, t: number): void {
    const human = kind === HUMAN || kind === RESERVED_HUMAN;
    this.est.onRingEnd(t - dialed, human);
    if (kind === HUMAN) this.waitingSince.push(t);
    else if (kind === RESERVED_HUMAN) this.connect(t, true);
    else if (kind === RESERVED_OTHER) this.agents.releaseReserved(t, null);
    if (!human) return;
    this.rec.totals.answered++;
    this.rec.minutes.answered[Math.floor(t / 60)]++;
    this.hour.answered++;
  }

  private talkSeconds(): number {
    return Math.max(1, Math.round(this.draw.talk(this.rng.talk)));
  }

  private connect(t: number, reserved: boolean): boolean {
    const ok = reserved ? (this.agents.releaseReserved(t, this.talkSeconds()), true) : this.agents.talkReady(t, this.talkSeconds());
    if (ok) this.rec.totals.connected++;
    return ok;
  }

  private connectWaiting(t: number): void {
    while (this.waitingHead < this.waitingSince.length && this.agents.ready > 0) {
      this.waitingHead++;
      this.connect(t, false);
    }
    if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waitingSince.length) {
      this.waitingSince.splice(0, this.waitingHead);
      this.waitingHead = 0;
    }
  }

  private abandonOverdue(t: number): void {
    while (this.waitingHead < this.waitingSince.length && t - this.waitingSince[this.waitingHead] >= ANSWER_GRACE_SECONDS) {
      this.waitingHead++;
      this.rec.totals.abandoned++;
      this.rec.minutes.abandoned[Math.floor(t / 60)]++;
      this.hour.abandoned++;
    }
  }

  private decide(t: number): number {
    const v = this.view;
    const waiting = this.waitingSince.length - this.waitingHead;
    v.ready = this.agents.ready;
    v.ringing = this.calls.ringing;
    v.waiting = waiting;
    v.connected = this.agents.talking;
    v.linesInUse = this.calls.ringing + waiting + this.agents.talking;
    v.windows[0].answered = this.rec.totals.answered;
    v.windows[0].abandoned = this.rec.totals.abandoned;
    v.windows[1].answered = this.hour.answered;
    v.windows[1].abandoned = this.hour.abandoned;
    return this.policy.decide(v);
  }

  private place(t: number, dials: number): void {
    const n = Math.max(0, Math.min(Math.floor(dials), this.view.lines - this.view.linesInUse));
    const a = answerRateAt(this.s, t);
    let placed = 0;
    for (; placed < n; placed++) {
      if (this.policy.reservesAgent && !this.agents.reserve()) break;
      this.dialOne(t, a);
    }
    this.rec.totals.dials += placed;
    this.rec.minutes.dials[Math.floor(t / 60)] += placed;
  }

  /** Draws the call's outcome and ring length: person or machine after ringSeconds, busy after 3 s, else no answer. */
  private dialOne(t: number, a: number): void {
    const m = a + this.s.machineRate;
    const b = m + this.s.busyRate;
    const u = this.rng.outcome.next();
    const seconds = u < m ? this.draw.ring(this.rng.ring) : u < b ? BUSY_SECONDS : this.draw.noAnswer(this.rng.noAnswer);
    if (u >= a) this.rec.totals[u < m ? 'machines' : u < b ? 'busy' : 'noAnswer']++;
    const kind = (this.policy.reservesAgent ? RESERVED_HUMAN : HUMAN) + (u < a ? 0 : OTHER);
    this.calls.dial(t, t + Math.max(1, Math.round(seconds)), kind);
  }

  private record(t: number): void {
    const mi = Math.floor(t / 60);
    const mm = this.rec.minutes;
    mm.talkingAgentSeconds[mi] += this.agents.talking;
    mm.readyAgentSeconds[mi] += this.agents.ready + this.agents.reserved;
    mm.inProgressSum[mi] += this.calls.ringing + (this.waitingSince.length - this.waitingHead) + this.agents.talking;
    mm.dialLevelSum[mi] += this.policy.dialLevel ? this.policy.dialLevel() : 0;
  }
}
