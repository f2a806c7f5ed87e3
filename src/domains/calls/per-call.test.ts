import { describe, expect, it } from 'vitest';
import { PerCall } from './per-call.ts';

describe('values per call', () => {
  it('keeps each project apart and counts every call once', () => {
    const calls = new PerCall<number>();
    calls.set('p', 'a', 1);
    calls.set('p', 'a', 2);
    calls.set('q', 'a', 3);
    expect(calls.size).toBe(2);
    expect(calls.get('p', 'a')).toBe(2);
    expect(calls.get('q', 'a')).toBe(3);
    expect(calls.has('r', 'a')).toBe(false);
    expect(calls.delete('p', 'a')).toBe(true);
    expect(calls.delete('p', 'a')).toBe(false);
    expect([calls.size, [...calls.of('p')], calls.all()]).toEqual([1, [], [3]]);
  });

  it("takes each project's oldest first, stopping at the first that stays or at the project's share", () => {
    const calls = new PerCall<number>();
    for (const [i, p] of ['p', 'p', 'q', 'p', 'q', 'q', 'q'].entries()) calls.set(p, `c${i}`, i);
    expect(calls.takeOldest((v) => v !== 3)).toEqual([0, 1, 2, 4, 5, 6]);
    expect([...calls.of('p')]).toEqual([3]);
    for (let i = 10; i < 20; i++) calls.set('q', `c${i}`, i);
    const taken = [99];
    calls.takeOldest(() => true, (size) => Math.ceil(size / 10), taken);
    expect(taken).toEqual([99, 3, 10]);
    expect(calls.size).toBe(9);
  });
});
