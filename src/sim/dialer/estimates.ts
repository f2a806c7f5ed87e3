import type { PacingEstimates } from '../../domains/dialer/pacing.ts';

/** Ring ages beyond this are pooled into the last bucket. */
export const MAX_RING_AGE = 180;
/** Before any call has rung, assume half the calls are answered at 10 s and half give up at 30 s (pessimistic). */
const PRIOR = { calls: 4, humanAge: 10, otherAge: 30 };

/**
 * What a live dialer knows about its traffic, learned from calls as they finish (never from the
 * scenario's true parameters): per ring age, how many calls ended with a person answering and how
 * many ended otherwise, decayed every minute so a mid-day change in the list shows within minutes;
 * and talk and wrap time as exponentially weighted averages over roughly the last `window` calls.
 * The age histograms are the pacer's ring profile (src/domains/dialer/ring-profile.ts).
 */
export class LiveEstimates {
  readonly current: PacingEstimates;
  private readonly humanEnd = new Float64Array(MAX_RING_AGE + 1);
  private readonly otherEnd = new Float64Array(MAX_RING_AGE + 1);
  private talks = 0;
  private wraps = 0;
  private talkSq = 120 * 120 * 2;
  private wrapSq = 15 * 15;

  constructor(private readonly window = 300, private readonly decayPerMinute = 0.9) {
    this.humanEnd[PRIOR.humanAge] = PRIOR.calls / 2;
    this.otherEnd[PRIOR.otherAge] = PRIOR.calls / 2;
    this.current = { ring: { human: this.humanEnd, other: this.otherEnd }, talk: { mean: 120, sd: 120 }, wrap: { mean: 15, sd: 0 } };
  }

  /** A call dialled `age` seconds ago has ended, answered by a person or not. */
  onRingEnd(age: number, human: boolean): void {
    (human ? this.humanEnd : this.otherEnd)[Math.min(age, MAX_RING_AGE)]++;
  }

  /** Called once a minute: older calls weigh less. */
  decay(): void {
    for (let i = 0; i <= MAX_RING_AGE; i++) {
      this.humanEnd[i] *= this.decayPerMinute;
      this.otherEnd[i] *= this.decayPerMinute;
    }
  }

  onTalkEnd(seconds: number): void {
    this.talks++;
    const w = 1 / Math.min(this.talks + 2, this.window);
    const t = this.current.talk;
    t.mean += (seconds - t.mean) * w;
    this.talkSq += (seconds * seconds - this.talkSq) * w;
    t.sd = Math.sqrt(Math.max(0, this.talkSq - t.mean * t.mean));
  }

  onWrapEnd(seconds: number): void {
    this.wraps++;
    const w = 1 / Math.min(this.wraps + 2, this.window);
    const r = this.current.wrap;
    r.mean += (seconds - r.mean) * w;
    this.wrapSq += (seconds * seconds - this.wrapSq) * w;
    r.sd = Math.sqrt(Math.max(0, this.wrapSq - r.mean * r.mean));
  }
}
