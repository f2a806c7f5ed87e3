import { describe, expect, it } from 'vitest';
import type { Subscription } from './model.ts';
import { SubscriptionCache } from './subscriptions.ts';

function setup(subs: Subscription[]) {
  const loads: string[] = [];
  let now = 0;
  const cache = new SubscriptionCache(
    async (projectId) => {
      loads.push(projectId);
      return subs;
    },
    () => now,
  );
  return { cache, loads, advance: (ms: number) => (now += ms) };
}

describe('subscription cache', () => {
  it('loads a project once and answers from memory after that', async () => {
    const { cache, loads } = setup([{ id: 'h1', eventTypes: ['contact.created'] }, { id: 'h2', eventTypes: ['*'] }]);
    expect(await cache.matching('p1', 'contact.created')).toEqual(['h1', 'h2']);
    expect(await cache.matching('p1', 'contact.deleted')).toEqual(['h2']);
    expect(loads).toEqual(['p1']);
  });

  it('reloads after forget and after a minute', async () => {
    const { cache, loads, advance } = setup([]);
    await cache.matching('p1', 'x');
    cache.forget('p1');
    await cache.matching('p1', 'x');
    advance(59_000);
    await cache.matching('p1', 'x');
    advance(2_000);
    await cache.matching('p1', 'x');
    expect(loads).toEqual(['p1', 'p1', 'p1']);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const cache = new SubscriptionCache(async () => {
      if (fail) throw new Error('db down');
      return [{ id: 'h1', eventTypes: ['*'] }];
    });
    await expect(cache.matching('p1', 'x')).rejects.toThrow('db down');
    fail = false;
    expect(await cache.matching('p1', 'x')).toEqual(['h1']);
  });
});
