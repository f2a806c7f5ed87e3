import type { Logger } from 'pino';
import { AppError } from '../../../platform/errors.ts';
import { unsupported, type AdapterContext, type Capabilities, type DialRequest, type OriginateRequest, type RouteTarget, type TelephonyAdapter } from '../../port.ts';
import { KamailioEvent, KamailioRouteRequest, fromKamailio, toKamailio, type KamailioAnswer } from './protocol.ts';

/**
 * Kamailio as registrar and proxy: it asks Switchboard where each customer's INVITE goes and
 * reports dialog events. Plain Kamailio has no media and no B2BUA, so it cannot originate and
 * bridge a call, hold or transfer one: those commands are not offered (use a PBX adapter for them).
 */
export class KamailioAdapter implements TelephonyAdapter {
  readonly name = 'kamailio';
  readonly capabilities: Readonly<Capabilities> = Object.freeze({
    routeQuestions: true,
    callEvents: true,
    originate: false,
    dial: false,
    bridge: false,
    abandon: false,
    answer: false,
    hangup: false,
    transfer: false,
    hold: false,
    recording: false,
  });

  constructor(
    private readonly ctx: AdapterContext,
    private readonly log: Logger,
  ) {}

  /** The project of Kamailio's X-Switchboard-Token, or 401. */
  authenticate(token: string | undefined): string {
    const projectId = token ? this.ctx.projectForToken(token) : undefined;
    if (!projectId) throw new AppError('PBX_TOKEN_INVALID', 'Send the project PBX token as X-Switchboard-Token');
    return projectId;
  }

  /**
   * Answers Kamailio's route question; a malformed question still gets a route (as an anonymous
   * caller). Kamailio reports no 180s, so no `ringing` event: the router's `call.routed` already
   * says which targets ring, and one event per call keeps the hot path light.
   */
  async route(projectId: string, body: unknown): Promise<KamailioAnswer> {
    const parsed = KamailioRouteRequest.safeParse(body);
    if (!parsed.success) this.log.warn({ projectId, issues: parsed.error.issues.slice(0, 3) }, 'malformed route request; routing as anonymous');
    const q = parsed.success ? parsed.data : { callId: callIdOf(body), from: '', to: '' };
    const answer = await this.ctx.router.route({ projectId, callId: q.callId, from: q.from || null, to: q.to });
    return toKamailio(answer);
  }

  /** Takes one dialog event; unknown calls and out-of-order events are passed on as they come. */
  event(projectId: string, body: unknown): void {
    const e = KamailioEvent.safeParse(body);
    if (!e.success) {
      this.log.warn({ projectId, issues: e.error.issues.slice(0, 3) }, 'malformed Kamailio event ignored');
      throw new AppError('VALIDATION_FAILED', `Not a Kamailio dialog event: ${e.error.issues[0]?.message ?? 'invalid'}`);
    }
    this.ctx.events(fromKamailio(e.data, projectId, new Date().toISOString()));
  }

  async originate(_request: OriginateRequest): Promise<{ callId: string }> {
    throw unsupported(this.name, 'originate');
  }

  async dial(_request: DialRequest): Promise<{ callId: string }> {
    throw unsupported(this.name, 'dial');
  }

  async bridge(_projectId: string, _callId: string, _extension: string): Promise<void> {
    throw unsupported(this.name, 'bridge');
  }

  async abandon(_projectId: string, _callId: string): Promise<void> {
    throw unsupported(this.name, 'abandon');
  }

  async answer(_projectId: string, _callId: string, _extension: string): Promise<void> {
    throw unsupported(this.name, 'answer');
  }

  async hangup(_projectId: string, _callId: string): Promise<void> {
    throw unsupported(this.name, 'hangup');
  }

  async transfer(_projectId: string, _callId: string, _to: RouteTarget): Promise<void> {
    throw unsupported(this.name, 'transfer');
  }

  async hold(_projectId: string, _callId: string, _held: boolean): Promise<void> {
    throw unsupported(this.name, 'hold');
  }

  async close(): Promise<void> {}
}

function callIdOf(body: unknown): string {
  const id = (body as { callId?: unknown } | null)?.callId;
  return typeof id === 'string' && id.length > 0 && id.length <= 255 ? id : 'unknown';
}
