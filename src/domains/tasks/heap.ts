/**
 * A binary max-heap over (key, item, tag) in parallel arrays: no object per entry, so a million tasks stay
 * cheap. `tag` lets callers invalidate entries lazily (an entry is stale when its tag no longer matches).
 */
export class MaxHeap<T> {
  private keys: number[] = [];
  private items: T[] = [];
  private tags: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, item: T, tag = 0): void {
    this.keys.push(key);
    this.items.push(item);
    this.tags.push(tag);
    this.up(this.keys.length - 1);
  }

  peekItem(): T | undefined {
    return this.items[0];
  }
  peekKey(): number {
    return this.keys[0] ?? -Infinity;
  }
  peekTag(): number {
    return this.tags[0] ?? -1;
  }

  pop(): void {
    const last = this.keys.length - 1;
    if (last < 0) return;
    this.swap(0, last);
    this.keys.pop();
    this.items.pop();
    this.tags.pop();
    if (last > 0) this.down(0);
  }

  /** Entries best first without removing them: O(k log k) for the first k. */
  *ordered(): Generator<{ key: number; item: T; tag: number }> {
    if (!this.keys.length) return;
    const frontier = new MaxHeap<number>();
    frontier.push(this.keys[0]!, 0);
    while (frontier.size) {
      const i = frontier.peekItem()!;
      frontier.pop();
      yield { key: this.keys[i]!, item: this.items[i]!, tag: this.tags[i]! };
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < this.keys.length) frontier.push(this.keys[c]!, c);
    }
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! >= this.keys[i]!) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.keys[l]! > this.keys[m]!) m = l;
      if (r < n && this.keys[r]! > this.keys[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = k;
    const it = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = it;
    const t = this.tags[a]!;
    this.tags[a] = this.tags[b]!;
    this.tags[b] = t;
  }
}
