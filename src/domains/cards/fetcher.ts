import { parseContent, type Content, type Display } from './parts.ts';

/** One connector request for one call, already rendered. */
export interface SourceRequest {
  connectorId: string;
  display: Display;
  url: string;
  headers: Record<string, string>;
  deadlineMs: number;
  cacheTtlSeconds: number;
}

export interface SourceAnswer {
  status: 'ok' | 'error' | 'timeout';
  ms: number;
  cached: boolean;
  content: Content | null;
  error: string | null;
}

/** Bigger answers are cut off and shown as an error: a card is a glance, not a data dump. */
export const MAX_SOURCE_BYTES = 256 * 1024;
const MAX_CACHE_ENTRIES = 5000;

class TooLarge extends Error {}

const reason = (err: unknown): string => {
  const e = err as Error & { cause?: { code?: string } };
  return e.cause?.code ?? e.message;
};

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(`the answer is larger than ${Math.round(maxBytes / 1024)} KB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Fetches back-office sources for cards: each request has its own deadline (covering the body
 * too), a size cap and JSON only; whatever goes wrong becomes an answer marked error or timeout,
 * never an exception. Good answers are cached per connector and URL for the connector's TTL, in
 * memory only.
 */
export class SourceFetcher {
  private readonly cache = new Map<string, { until: number; answer: SourceAnswer }>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxBytes = MAX_SOURCE_BYTES,
  ) {}

  async fetch(req: SourceRequest, cancel?: AbortSignal): Promise<SourceAnswer> {
    const key = `${req.connectorId} ${req.url}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.clock()) return { ...hit.answer, ms: 0, cached: true };
    const answer = await this.request(req, cancel);
    if (answer.status === 'ok' && req.cacheTtlSeconds > 0) this.remember(key, answer, req.cacheTtlSeconds);
    return answer;
  }

  /** Drops a connector's cached answers (its settings changed or it was deleted). */
  forget(connectorId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${connectorId} `)) this.cache.delete(key);
  }

  private remember(key: string, answer: SourceAnswer, ttlSeconds: number): void {
    const now = this.clock();
    if (this.cache.size >= MAX_CACHE_ENTRIES) for (const [k, v] of this.cache) if (v.until <= now) this.cache.delete(k);
    if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { until: now + ttlSeconds * 1000, answer });
  }

  private async request(req: SourceRequest, cancel?: AbortSignal): Promise<SourceAnswer> {
    const started = performance.now();
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, req.deadlineMs);
    const onCancel = () => ctl.abort();
    cancel?.addEventListener('abort', onCancel);
    const done = (status: SourceAnswer['status'], content: Content | null, error: string | null): SourceAnswer => ({
      status,
      ms: Math.round(performance.now() - started),
      cached: false,
      content,
      error,
    });
    try {
      const res = await fetch(req.url, { headers: { accept: 'application/json', ...req.headers }, signal: ctl.signal, redirect: 'error' });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return done('error', null, `the source answered HTTP ${res.status}`);
      }
      const type = res.headers.get('content-type') ?? '';
      if (!/\bjson\b/i.test(type)) {
        await res.body?.cancel().catch(() => undefined);
        return done('error', null, `the source did not answer JSON (content-type "${type.slice(0, 60)}")`);
      }
      const parsed = parseContent(req.display, await readCapped(res.body, this.maxBytes));
      return parsed.ok ? done('ok', parsed.content, null) : done('error', null, parsed.error);
    } catch (err) {
      if (timedOut) return done('timeout', null, `no answer within ${req.deadlineMs} ms`);
      if (err instanceof TooLarge) return done('error', null, err.message);
      return done('error', null, cancel?.aborted ? 'cancelled' : `the source could not be reached (${reason(err)})`);
    } finally {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    }
  }
}
