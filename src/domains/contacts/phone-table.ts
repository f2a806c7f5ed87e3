/** Table sizes are powers of two; the table doubles before it is half full. */
const INITIAL_CAPACITY = 1024;

/**
 * An E.164 number ("+" and 1-15 digits, the first not 0) as the integer its digits make (below 2^53, so exact),
 * or 0 for anything else.
 */
export function e164Digits(phone: string): number {
  const length = phone.length;
  if (length < 2 || length > 16 || phone.charCodeAt(0) !== 43 || phone.charCodeAt(1) === 48) return 0;
  let n = 0;
  for (let i = 1; i < length; i++) {
    const d = phone.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/** Mixes both halves of the number (a directory's numbers are often consecutive). */
function hashOf(n: number): number {
  const low = n >>> 0;
  const high = (n / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) ^ (h >>> 13);
}

/**
 * Phone number -> contact slot, for up to millions of numbers, on the PBX's hot path. E.164 numbers are held as
 * integers in one open-addressing table of typed arrays (linear probing): no object per number for the garbage
 * collector to walk, and a lookup reads one place in memory where a Map of strings reads several (its bucket, its
 * entry, the key string). Anything that is not E.164 goes to a plain Map beside it.
 */
export class PhoneTable {
  /** The numbers; 0 marks a free place. */
  private keys: Float64Array;
  private slots: Int32Array;
  private used = 0;
  private readonly other = new Map<string, number>();

  /** `capacity`: a power of two (tests start small, so that runs wrap around the table's end). */
  constructor(capacity = INITIAL_CAPACITY) {
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.used + this.other.size;
  }

  get(phone: string): number | undefined {
    const n = e164Digits(phone);
    if (n === 0) return this.other.get(phone);
    const at = this.find(n);
    return at < 0 ? undefined : this.slots[at];
  }

  has(phone: string): boolean {
    return this.get(phone) !== undefined;
  }

  set(phone: string, slot: number): void {
    const n = e164Digits(phone);
    if (n === 0) {
      this.other.set(phone, slot);
      return;
    }
    if ((this.used + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2);
    this.place(n, slot);
  }

  delete(phone: string): boolean {
    const n = e164Digits(phone);
    if (n === 0) return this.other.delete(phone);
    let free = this.find(n);
    if (free < 0) return false;
    // Backward-shift deletion: later entries of the same run move up, so no lookup ever stops early at the hole.
    const { keys, slots } = this;
    const mask = keys.length - 1;
    for (let j = (free + 1) & mask; keys[j] !== 0; j = (j + 1) & mask) {
      const home = hashOf(keys[j]!) & mask;
      const stays = free <= j ? free < home && home <= j : free < home || home <= j;
      if (stays) continue;
      keys[free] = keys[j]!;
      slots[free] = slots[j]!;
      free = j;
    }
    keys[free] = 0;
    this.used--;
    return true;
  }

  /** The place of the number, or -1. */
  private find(n: number): number {
    const { keys } = this;
    const mask = keys.length - 1;
    for (let i = hashOf(n) & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === n) return i;
      if (k === 0) return -1;
    }
  }

  private place(n: number, slot: number): void {
    const { keys } = this;
    const mask = keys.length - 1;
    let i = hashOf(n) & mask;
    while (keys[i] !== 0 && keys[i] !== n) i = (i + 1) & mask;
    if (keys[i] === 0) this.used++;
    keys[i] = n;
    this.slots[i] = slot;
  }

  private resize(capacity: number): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.place(keys[i]!, slots[i]!);
  }
}
