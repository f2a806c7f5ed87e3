import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../../../platform/errors.ts';
import { FULL_CONTROL, type AdapterContext, type DialRequest, type OriginateRequest, type RouteAnswer, type RouteTarget, type TelephonyAdapter } from '../../port.ts';
import { PlacedCall, WebhookEvent, WebhookRouteQuestion, fromWebhook, type WebhookCommand } from './protocol.ts';
import { ReplayGuard, SIGNATURE_HEADER, sign, verify } from './signature.ts';

/** Where a project's hosted PBX takes commands and the secret both sides sign with. */
export interface PbxEndpoint {
  url: string | null;
  secret: string | null;
}

export interface WebhookOptions {
  ctx: AdapterContext;
  log: Logger;
  endpoint(projectId: string): PbxEndpoint | undefined;
  timeoutMs: number;
  clock?: () => number;
}

/**
 * A hosted PBX speaking signed JSON over HTTP: it asks where calls go and reports call events to
 * /api/telephony/webhook/:projectId/..., and takes call control commands at the project's PBX URL.
 * The PBX is expected to implement every command; one it cannot honour answers with an error.
 */
export class WebhookAdapter implements TelephonyAdapter {
  readonly name = 'webhook';
  readonly capabilities = FULL_CONTROL;
  private readonly replays = new ReplayGuard();
  private readonly clock: () => number;

  constructor(private readonly o: WebhookOptions) {
    this.clock = o.clock ?? Date.now;
  }

  /** Checks the PBX's signature over the raw body: 401 when unsigned or wrong, 409 TELEPHONY_REPLAY when stale. */
  authenticate(projectId: string, header: string | undefined, rawBody: string): void {
    const verdict = verify(this.o.endpoint(projectId)?.secret, header, rawBody, Math.floor(this.clock() / 1000));
    if (verdict === 'stale') throw new AppError('TELEPHONY_REPLAY', 'The signature timestamp is more than 5 minutes away from now');
    if (verdict !== 'ok') throw new AppError('TELEPHONY_SIGNATURE_INVALID', `Sign the body with the project's telephony webhook secret in ${SIGNATURE_HEADER}`);
  }

  /** Answers a route question; a malformed question is routed as an anonymous caller. */
  async route(projectId: string, body: unknown): Promise<RouteAnswer> {
    const q = WebhookRouteQuestion.safeParse(body);
    if (!q.success) this.o.log.warn({ projectId, issues: q.error.issues.slice(0, 3) }, 'malformed route question; routing as anonymous');
    const callId = q.success ? q.data.callId : typeof (body as { callId?: unknown })?.callId === 'string' ? String((body as { callId: string }).callId).slice(0, 255) : 'unknown';
    return this.o.ctx.router.route({ projectId, callId, from: (q.success && q.data.from) || null, to: q.success ? q.data.to : '' });
  }

  /** Takes one call event; a repeated event id is a replay (409 TELEPHONY_REPLAY). */
  event(projectId: string, body: unknown): void {
    const e = WebhookEvent.safeParse(body);
    if (!e.success) throw new AppError('VALIDATION_FAILED', `Not a telephony event: ${e.error.issues[0]?.path.join('.')} ${e.error.issues[0]?.message}`);
    if (!this.replays.first(projectId, e.data.eventId, this.clock())) throw new AppError('TELEPHONY_REPLAY', `Event ${e.data.eventId} was already received`);
    this.o.ctx.events(fromWebhook(e.data, projectId, new Date(this.clock()).toISOString()));
  }

  async originate(r: OriginateRequest): Promise<{ callId: string }> {
    return this.placed(await this.send(r.projectId, { command: 'originate', extension: r.extension, agentId: r.agentId, to: r.to, callerId: r.callerId ?? null, trunk: r.trunk ?? null }));
  }

  async dial(r: DialRequest): Promise<{ callId: string }> {
    return this.placed(await this.send(r.projectId, { command: 'dial', to: r.to, callerId: r.callerId ?? null, trunk: r.trunk ?? null, ringSeconds: r.ringSeconds }));
  }

  async bridge(projectId: string, callId: string, extension: string): Promise<void> {
    await this.send(projectId, { command: 'bridge', callId, extension });
  }

  async abandon(projectId: string, callId: string): Promise<void> {
    await this.send(projectId, { command: 'abandon', callId });
  }

  async answer(projectId: string, callId: string, extension: string): Promise<void> {
    await this.send(projectId, { command: 'answer', callId, extension });
  }

  async hangup(projectId: string, callId: string): Promise<void> {
    await this.send(projectId, { command: 'hangup', callId });
  }

  async transfer(projectId: string, callId: string, to: RouteTarget): Promise<void> {
    await this.send(projectId, { command: 'transfer', callId, to });
  }

  async hold(projectId: string, callId: string, held: boolean): Promise<void> {
    await this.send(projectId, { command: 'hold', callId, held });
  }

  async close(): Promise<void> {}

  /** POSTs a signed command; the PBX's 503 `{"error":"trunk_failed"}` lets the hub fail over to the next trunk. */
  private async send(projectId: string, command: WebhookCommand): Promise<unknown> {
    const ep = this.o.endpoint(projectId);
    if (!ep?.url || !ep.secret) throw new AppError('TELEPHONY_PBX_FAILED', 'Set the PBX URL and rotate a webhook secret in the telephony settings first');
    const body = JSON.stringify({ ...command, commandId: randomUUID(), projectId });
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(ep.secret, Math.floor(this.clock() / 1000), body) };
    let res: Response;
    try {
      res = await fetch(ep.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.o.timeoutMs) });
    } catch (err) {
      this.o.log.warn({ err, projectId, command: command.command }, 'PBX command failed');
      throw new AppError('TELEPHONY_PBX_FAILED', `The PBX did not answer the ${command.command} command: ${(err as Error).name === 'TimeoutError' ? `no answer in ${this.o.timeoutMs} ms` : (err as Error).message}`);
    }
    const text = await res.text();
    const json = safeJson(text);
    if (res.ok) return json;
    if ((json as { error?: unknown } | null)?.error === 'trunk_failed') throw new AppError('TELEPHONY_TRUNK_FAILED', `The PBX's trunk refused the call`, { trunk: (command as { trunk?: string | null }).trunk ?? null });
    throw new AppError('TELEPHONY_PBX_FAILED', `The PBX refused the ${command.command} command with HTTP ${res.status}`, { status: res.status, body: text.slice(0, 500) });
  }

  private placed(json: unknown): { callId: string } {
    const p = PlacedCall.safeParse(json);
    if (!p.success) throw new AppError('TELEPHONY_PBX_FAILED', 'The PBX answered without {"callId": "..."} for the new call');
    return p.data;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
