import { signature, type AttemptOutcome } from './model.ts';

const ERROR_SNIPPET_CHARS = 300;

export interface OutgoingDelivery {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  attempt: number;
  body: string;
}

/**
 * One HTTP attempt: POST the signed body, wait at most `timeoutMs`, and report what happened.
 * Redirects are not followed (a 3xx is a failure), so a receiver cannot bounce the payload elsewhere.
 */
export async function sendDelivery(d: OutgoingDelivery, timeoutMs: number, now: () => Date = () => new Date()): Promise<AttemptOutcome> {
  const timestamp = Math.floor(now().getTime() / 1000);
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Switchboard-Webhooks/1',
        'x-switchboard-event': d.eventType,
        'x-switchboard-delivery': d.deliveryId,
        'x-switchboard-attempt': String(d.attempt),
        'x-switchboard-timestamp': String(timestamp),
        'x-switchboard-signature': signature(d.secret, timestamp, d.body),
      },
      body: d.body,
    });
    const text = await readSnippet(res);
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status };
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ''}` };
  } catch (err) {
    return { ok: false, error: describeFailure(err, timeoutMs) };
  }
}

async function readSnippet(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_SNIPPET_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    return '';
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, ERROR_SNIPPET_CHARS).trim();
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : e.message;
}
