import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';

describe('scheduler', () => {
  it('runs due timers in time order by the injected clock; re-arming and cancelling replace earlier times', () => {
    let now = 1000;
    const s = new Scheduler({ now: () => now });
    const ran: string[] = [];
    s.at('a', 3000, () => ran.push('a'));
    s.at('b', 2000, () => ran.push('b'));
    s.at('c', 1500, () => ran.push('c'));
    s.at('a', 2500, () => ran.push('a2'));
    s.cancel('c');
    now = 2600;
    s.runDue();
    expect(ran).toEqual(['b', 'a2']);
    now = 5000;
    s.runDue();
    expect(ran).toEqual(['b', 'a2']);
    s.stop();
  });

  it('fires on its own with the system clock', async () => {
    const s = new Scheduler({ now: () => Date.now() });
    s.at('late', Date.now() + 60_000, () => undefined);
    const fired = await new Promise((resolve) => s.at('soon', Date.now() + 20, () => resolve(true)));
    expect(fired).toBe(true);
    s.stop();
  });
});
