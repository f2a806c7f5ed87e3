/**
 * Drops the first `n` keys of a Map or Set (the oldest: both keep insertion order). For in-memory registries
 * of calls whose end may never be reported: trimming a chunk at once when a cap is passed, rather than one
 * entry per insert, keeps the walk over the collection's deleted slots rare.
 */
export function forgetOldest<K>(collection: { keys(): IterableIterator<K>; delete(key: K): boolean }, n: number): void {
  for (const key of collection.keys()) {
    if (n-- <= 0) return;
    collection.delete(key);
  }
}
