const reversed = new WeakMap<ReadonlyMap<unknown, unknown>, Map<unknown, unknown>>();

/**
 * The first key that maps to `value`, from a reverse index built once per map instance. For maps that are
 * replaced rather than changed (snapshots such as a project's phone plan): a map changed in place after
 * its first lookup would be answered from the stale index.
 */
export function keyOf<K, V>(map: ReadonlyMap<K, V>, value: V): K | undefined {
  let reverse = reversed.get(map) as Map<V, K> | undefined;
  if (!reverse) {
    reverse = new Map();
    for (const [k, v] of map) if (!reverse.has(v)) reverse.set(v, k);
    reversed.set(map, reverse);
  }
  return reverse.get(value);
}
