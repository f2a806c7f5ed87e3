import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAfterAttempt, retryDelayMs, signature, subscribes, verifySignature } from './model.ts';

const policy = { maxAttempts: 8, baseDelayMs: 10_000 };
const now = new Date('2026-01-01T00:00:00Z');

describe('retry schedule', () => {
  it.each([
    [1, 10_000],
    [2, 30_000],
    [3, 90_000],
    [4, 270_000],
    [5, 810_000],
    [6, 2_430_000],
    [7, 7_290_000],
    [20, 6 * 3_600_000],
  ])('waits %i -> %i ms', (attempt, ms) => expect(retryDelayMs(attempt, policy)).toBe(ms));

  it('never shrinks and never exceeds six hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 10, max: 600_000 }), (attempt, base) => {
        const p = { maxAttempts: 50, baseDelayMs: base };
        const d = retryDelayMs(attempt, p);
        expect(d).toBeLessThanOrEqual(6 * 3_600_000);
        expect(retryDelayMs(attempt + 1, p)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

describe('decision after an attempt', () => {
  it('delivers on 2xx', () => {
    expect(decideAfterAttempt(1, { ok: true, statusCode: 204 }, policy, now)).toEqual({ status: 'delivered', nextAttemptAt: null });
  });

  it('retries a failure with the scheduled wait', () => {
    const d = decideAfterAttempt(2, { ok: false, statusCode: 500, error: 'HTTP 500' }, policy, now);
    expect(d).toEqual({ status: 'retrying', nextAttemptAt: new Date(now.getTime() + 30_000) });
  });

  it('gives up after the last attempt', () => {
    expect(decideAfterAttempt(8, { ok: false, error: 'timed out' }, policy, now)).toEqual({ status: 'failed', nextAttemptAt: null });
  });
});

describe('signature', () => {
  it('is the HMAC of "<timestamp>.<body>" and verifies only with the same secret, time and body', () => {
    const body = '{"id":"e1","type":"contact.created"}';
    const sig = signature('whsec_a', 1_700_000_000, body);
    // Known answer computed independently with Python's hmac module.
    expect(sig).toBe('sha256=bf55bfcbcddd3e8f38338cd717b504c10ad3a0f5afce925bf283fe3261c26852');
    expect(verifySignature('whsec_a', '1700000000', body, sig)).toBe(true);
    expect(verifySignature('whsec_b', '1700000000', body, sig)).toBe(false);
    expect(verifySignature('whsec_a', '1700000001', body, sig)).toBe(false);
    expect(verifySignature('whsec_a', '1700000000', body + ' ', sig)).toBe(false);
    expect(verifySignature('whsec_a', '1700000000', body, 'sha256=00')).toBe(false);
  });
});

describe('subscription match', () => {
  it('matches listed types and "*" only', () => {
    expect(subscribes(['contact.created'], 'contact.created')).toBe(true);
    expect(subscribes(['contact.created'], 'contact.deleted')).toBe(false);
    expect(subscribes(['*'], 'anything.new')).toBe(true);
  });
});
