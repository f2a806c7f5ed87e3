import type { BusyAgent } from '../../domains/dialer/pacing.ts';

const READY = 0;
const TALKING = 1;
const WRAPPING = 2;
const RESERVED = 3;

/**
 * The simulated agents as parallel typed arrays (phase, entered at, ends at) plus stacks of ready and
 * reserved agents, so a 200-agent day of 28,800 ticks stays in the tens of milliseconds.
 */
export class AgentPool {
  readonly size: number;
  talking = 0;
  private readonly phase: Uint8Array;
  private readonly since: Int32Array;
  private readonly until: Int32Array;
  private readonly readyStack: Int32Array;
  private readyTop: number;
  private readonly reservedStack: Int32Array;
  private reservedTop = 0;
  private readonly busyList: BusyAgent[];
  private readonly busyOut: BusyAgent[] = [];

  constructor(n: number) {
    this.size = n;
    this.phase = new Uint8Array(n);
    this.since = new Int32Array(n);
    this.until = new Int32Array(n);
    this.readyStack = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    this.readyTop = n;
    this.reservedStack = new Int32Array(n);
    this.busyList = Array.from({ length: n }, () => ({ phase: 'talking' as BusyAgent['phase'], elapsedSeconds: 0 }));
  }

  get ready(): number {
    return this.readyTop;
  }

  get reserved(): number {
    return this.reservedTop;
  }

  /** Ends talks and wrap-ups due at `t`; `wrapFor` draws a wrap-up length, the hooks learn durations. */
  advance(t: number, wrapFor: () => number, onTalkEnd: (s: number) => void, onWrapEnd: (s: number) => void): void {
    const { phase, until, since } = this;
    for (let i = 0; i < phase.length; i++) {
      if (phase[i] === TALKING && until[i] <= t) {
        onTalkEnd(t - since[i]);
        this.talking--;
        phase[i] = WRAPPING;
        since[i] = t;
        until[i] = t + wrapFor();
      }
      if (phase[i] === WRAPPING && until[i] <= t) {
        onWrapEnd(t - since[i]);
        this.makeReady(i, t);
      }
    }
  }

  /** Puts the most recently freed ready agent on a call of `seconds`; returns false when none is ready. */
  talkReady(t: number, seconds: number): boolean {
    if (this.readyTop === 0) return false;
    this.startTalk(this.readyStack[--this.readyTop], t, seconds);
    return true;
  }

  /** Preview: a ready agent is held for the call it dials; returns false when none is ready. */
  reserve(): boolean {
    if (this.readyTop === 0) return false;
    const agent = this.readyStack[--this.readyTop];
    this.phase[agent] = RESERVED;
    this.reservedStack[this.reservedTop++] = agent;
    return true;
  }

  /** A reserved agent's call was answered (talk) or not (back to ready). */
  releaseReserved(t: number, talkSeconds: number | null): void {
    const agent = this.reservedStack[--this.reservedTop];
    if (talkSeconds === null) this.makeReady(agent, t);
    else this.startTalk(agent, t, talkSeconds);
  }

  /** Agents talking or wrapping up with the seconds they have spent in that phase (reused objects). */
  busy(t: number): ArrayLike<BusyAgent> {
    const out = this.busyOut;
    out.length = 0;
    for (let i = 0; i < this.phase.length; i++) {
      const p = this.phase[i];
      if (p !== TALKING && p !== WRAPPING) continue;
      const b = this.busyList[i];
      b.phase = p === TALKING ? 'talking' : 'wrapping';
      b.elapsedSeconds = t - this.since[i];
      out.push(b);
    }
    return out;
  }

  private startTalk(agent: number, t: number, seconds: number): void {
    this.phase[agent] = TALKING;
    this.since[agent] = t;
    this.until[agent] = t + seconds;
    this.talking++;
  }

  private makeReady(agent: number, t: number): void {
    this.phase[agent] = READY;
    this.since[agent] = t;
    this.readyStack[this.readyTop++] = agent;
  }
}
