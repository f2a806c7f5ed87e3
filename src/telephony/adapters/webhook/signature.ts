import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header both directions sign with: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export const SIGNATURE_HEADER = 'x-switchboard-signature';
/** Requests older (or further in the future) than this are replays. */
export const TOLERANCE_SECONDS = 300;

/** The signature header value for `body` sent at unix time `t`. */
export function sign(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export type Verdict = 'ok' | 'unsigned' | 'invalid' | 'stale';

/** Checks a signature header against the raw body and the clock (`nowSeconds`), in constant time. */
export function verify(secret: string | null | undefined, header: string | undefined, body: string, nowSeconds: number): Verdict {
  if (!header) return 'unsigned';
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!secret || !Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'invalid';
  const expected = Buffer.from(sign(secret, t, body));
  const given = Buffer.from(`t=${parts.t},v1=${parts.v1}`);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Math.abs(nowSeconds - t) > TOLERANCE_SECONDS ? 'stale' : 'ok';
}

/**
 * Remembers event ids seen within the tolerance window, per project, so a captured request sent again
 * is refused; older ids are forgotten because their timestamps no longer verify anyway.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True the first time `eventId` is seen for the project (and remembers it). */
  first(projectId: string, eventId: string, nowMs: number): boolean {
    if (this.seen.size > 10_000) this.prune(nowMs);
    const key = `${projectId}:${eventId}`;
    const at = this.seen.get(key);
    if (at !== undefined && nowMs - at <= TOLERANCE_SECONDS * 2000) return false;
    this.seen.set(key, nowMs);
    return true;
  }

  private prune(nowMs: number): void {
    for (const [k, at] of this.seen) if (nowMs - at > TOLERANCE_SECONDS * 2000) this.seen.delete(k);
  }
}
