/** Outcome kinds of a dialled call; reserved kinds belong to preview calls that hold their agent. */
export const HUMAN = 0;
export const OTHER = 1;
export const RESERVED_HUMAN = 2;
export const RESERVED_OTHER = 3;

/**
 * Calls ringing, as a linked list per resolution second over growable typed arrays (code = dial
 * second * 4 + kind), plus a count of ringing calls per dial second for the pacer's age profile.
 */
export class CallBook {
  ringing = 0;
  private readonly head: Int32Array;
  private readonly byDial: Int32Array;
  private code = new Int32Array(1 << 14);
  private next = new Int32Array(1 << 14);
  private count = 0;

  constructor(private readonly seconds: number) {
    this.head = new Int32Array(seconds + 1).fill(-1);
    this.byDial = new Int32Array(seconds + 1);
  }

  /** A call dialled at `t` that resolves with `kind` at `at` (never, when `at` is past the day). */
  dial(t: number, at: number, kind: number): void {
    this.ringing++;
    this.byDial[t]++;
    if (at > this.seconds) return;
    if (this.count === this.code.length) this.grow();
    this.code[this.count] = t * 4 + kind;
    this.next[this.count] = this.head[at];
    this.head[at] = this.count++;
  }

  /** Calls resolving at `t`, each passed with its kind and dial second, and no longer ringing. */
  resolve(t: number, each: (kind: number, dialed: number) => void): void {
    for (let id = this.head[t]; id !== -1; id = this.next[id]) {
      const dialed = this.code[id] >>> 2;
      this.ringing--;
      this.byDial[dialed]--;
      each(this.code[id] & 3, dialed);
    }
  }

  /** Ringing calls by age at `t` into `ages` (index = age in seconds; the last index pools older ones). */
  ages(t: number, ages: Int32Array): Int32Array {
    const last = ages.length - 1;
    let counted = 0;
    for (let e = 0; e < last; e++) {
      const c = t - e >= 0 ? this.byDial[t - e] : 0;
      ages[e] = c;
      counted += c;
    }
    ages[last] = this.ringing - counted;
    return ages;
  }

  private grow(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.code = grow(this.code);
    this.next = grow(this.next);
  }
}
