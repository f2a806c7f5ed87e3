import type { EventBus } from '../platform/events/bus.ts';
import { AppError } from '../platform/errors.ts';
import { unsupported, type Capabilities, type DialRequest, type OriginateRequest, type RouteTarget, type TelephonyAdapter } from './port.ts';

/** What Switchboard knows about an outbound call that the PBX does not: who and what it is for. */
export interface CallContext {
  agentId?: string | null;
  contactId?: string | null;
  campaignId?: string | null;
  leadId?: string | null;
  /** The task the call is filed as (campaign calls with an agent reserved), so its record links to it. */
  taskId?: string | null;
  /** The trunks to try, cheapest first (ids of the numbers domain, with the PBX's name for each). */
  trunks?: Array<{ trunkId: string; name: string }>;
}

/**
 * The one door to the PBX for the rest of Switchboard: it knows which adapter serves each project,
 * refuses commands the adapter cannot honour (TELEPHONY_UNSUPPORTED), fails over between trunks, and
 * announces every outbound call it places as `call.originated` so call records know its context.
 */
export class TelephonyHub {
  private readonly adapters = new Map<string, TelephonyAdapter>();
  private readonly chosen = new Map<string, string>();

  constructor(
    private readonly bus: EventBus,
    private readonly defaultAdapter: string,
  ) {}

  register(adapter: TelephonyAdapter): void {
    this.adapters.set(adapter.name, adapter);
  }

  /** Serves `projectId` with the adapter called `name` (from the project's telephony settings). */
  use(projectId: string, name: string): void {
    if (!this.adapters.has(name)) throw new AppError('VALIDATION_FAILED', `adapter: no telephony adapter "${name}"`, { field: 'adapter' });
    this.chosen.set(projectId, name);
  }

  /** Every running adapter (the settings page shows what each can do). */
  list(): TelephonyAdapter[] {
    return [...this.adapters.values()];
  }

  adapterFor(projectId: string): TelephonyAdapter {
    const name = this.chosen.get(projectId) ?? this.defaultAdapter;
    const adapter = this.adapters.get(name);
    if (!adapter) throw new AppError('TELEPHONY_UNSUPPORTED', `No telephony adapter "${name}" is running`, { adapter: name });
    return adapter;
  }

  capabilities(projectId: string): Readonly<Capabilities> {
    return this.adapterFor(projectId).capabilities;
  }

  /** Click-to-call: rings the agent, then the customer, on the first trunk that takes the call. */
  async originate(request: OriginateRequest, context: CallContext = {}): Promise<{ callId: string; trunkId: string | null }> {
    const adapter = this.able(request.projectId, 'originate');
    const placed = await this.onTrunks(context, (trunk) => adapter.originate({ ...request, ...(trunk && { trunk }) }));
    this.announce(adapter.name, 'click_to_call', request.to, request.callerId, placed, { ...context, agentId: request.agentId }, request.projectId);
    return placed;
  }

  /** A campaign call to a customer, no agent on the line yet. */
  async dial(request: DialRequest, context: CallContext = {}): Promise<{ callId: string; trunkId: string | null }> {
    const adapter = this.able(request.projectId, 'dial');
    const placed = await this.onTrunks(context, (trunk) => adapter.dial({ ...request, ...(trunk && { trunk }) }));
    this.announce(adapter.name, 'campaign', request.to, request.callerId, placed, context, request.projectId);
    return placed;
  }

  bridge(projectId: string, callId: string, extension: string): Promise<void> {
    return this.able(projectId, 'bridge').bridge(projectId, callId, extension);
  }

  abandon(projectId: string, callId: string): Promise<void> {
    return this.able(projectId, 'abandon').abandon(projectId, callId);
  }

  answer(projectId: string, callId: string, extension: string): Promise<void> {
    return this.able(projectId, 'answer').answer(projectId, callId, extension);
  }

  hangup(projectId: string, callId: string): Promise<void> {
    return this.able(projectId, 'hangup').hangup(projectId, callId);
  }

  transfer(projectId: string, callId: string, to: RouteTarget): Promise<void> {
    return this.able(projectId, 'transfer').transfer(projectId, callId, to);
  }

  hold(projectId: string, callId: string, held: boolean): Promise<void> {
    return this.able(projectId, 'hold').hold(projectId, callId, held);
  }

  async close(): Promise<void> {
    await Promise.all([...this.adapters.values()].map((a) => a.close()));
  }

  private able(projectId: string, command: keyof Capabilities): TelephonyAdapter {
    const adapter = this.adapterFor(projectId);
    if (!adapter.capabilities[command]) throw unsupported(adapter.name, command);
    return adapter;
  }

  /** Tries each trunk in order; a trunk that fails (TELEPHONY_TRUNK_FAILED) hands the call to the next. */
  private async onTrunks(context: CallContext, place: (trunk: string | undefined) => Promise<{ callId: string }>) {
    const trunks = context.trunks?.length ? context.trunks : [undefined];
    let lastError: unknown;
    for (const trunk of trunks) {
      try {
        const { callId } = await place(trunk?.name);
        return { callId, trunkId: trunk?.trunkId ?? null };
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'TELEPHONY_TRUNK_FAILED') throw err;
        lastError = err;
      }
    }
    throw lastError;
  }

  private announce(adapter: string, kind: 'click_to_call' | 'campaign', to: string, callerId: string | undefined, placed: { callId: string; trunkId: string | null }, c: CallContext, projectId: string): void {
    this.bus.publish(projectId, 'call.originated', {
      callId: placed.callId,
      adapter,
      kind,
      to,
      callerId: callerId ?? null,
      trunkId: placed.trunkId,
      agentId: c.agentId ?? null,
      contactId: c.contactId ?? null,
      campaignId: c.campaignId ?? null,
      leadId: c.leadId ?? null,
      taskId: c.taskId ?? null,
    });
  }
}
