import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls `read` until `done` holds, for state that no event announces (e.g. a row written by a
 * background job). Bounded: fails with the last value seen after `timeoutMs`.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await delay(50);
    last = await read();
  }
  return last;
}
