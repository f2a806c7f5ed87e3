import type { DomainEvent, EventMap } from '../../platform/events/bus.ts';
import { keyOf } from '../../platform/reverse-lookup.ts';
import type { CallInput, CallRow, reduce, RoutedInput } from './model.ts';
import type { CallsDeps } from './ports.ts';

let parsedText = '';
let parsedMs = 0;

/** An event's ISO time as a Date; the events of one millisecond share their text, which is parsed once. */
function timeOf(iso: string): Date {
  if (iso !== parsedText) {
    parsedText = iso;
    parsedMs = Date.parse(iso);
  }
  return new Date(parsedMs);
}

/**
 * Call events as the record keeper needs them: extensions resolved to people, the dialled number to a tracking
 * number, the answering agent's task; and the cost of a call that ends on a trunk. From the other domains' memory.
 */
export class CallInputs {
  constructor(private readonly deps: CallsDeps) {}

  /** A routed call's input without waiting, when the phone plan is in memory (nearly always); else undefined. */
  routedNow(event: DomainEvent): RoutedInput | undefined {
    if (event.type !== 'call.routed') return undefined;
    const extensions = this.deps.plan.extensionsNow(event.projectId);
    if (!extensions) return undefined;
    const p = event.payload as EventMap['call.routed'];
    return this.routedInput(event, p, firstAgentIn(extensions, p.targets));
  }

  routedInput(event: DomainEvent, p: EventMap['call.routed'], ringAgentId: string | null): RoutedInput {
    const tracking = this.safe(() => this.deps.numbers?.trackingNumberFor(event.projectId, p.to)?.trackingNumberId);
    const voicemail = p.targets.length > 0 && p.targets.every((t) => t.startsWith('voicemail:'));
    return { kind: 'routed', at: timeOf(event.at), from: p.from, to: p.to, contactId: p.contactId, ruleId: p.ruleId, ruleName: p.ruleName, voicemail, ringAgentId, trackingNumberId: tracking ?? null };
  }

  /** Resolves extensions to people and the dialled number to a tracking number. */
  async toInput(event: DomainEvent): Promise<CallInput> {
    const at = timeOf(event.at);
    const { projectId } = event;
    switch (event.type) {
      case 'call.routed': {
        const p = event.payload as EventMap['call.routed'];
        return this.routedInput(event, p, await this.firstAgent(projectId, p.targets));
      }
      case 'call.ringing': {
        const p = event.payload as EventMap['call.ringing'];
        const external = p.targets.length > 0 && p.targets.every((t) => t.startsWith('external:'));
        return { kind: 'ringing', at, from: p.from, to: p.to, ringAgentId: await this.firstAgent(projectId, p.targets), external };
      }
      case 'call.answered': {
        const p = event.payload as EventMap['call.answered'];
        const agentId = p.agentId ?? (p.extension ? await this.agentOfExtension(projectId, p.extension) : null);
        const taskId = agentId ? await this.deps.presence.taskOf(projectId, agentId).catch(() => null) : null;
        return { kind: 'answered', at, agentId, answeredBy: p.answeredBy, taskId };
      }
      case 'call.held':
        return { kind: 'held', at, held: (event.payload as EventMap['call.held']).held };
      case 'call.transferred': {
        const to = (event.payload as EventMap['call.transferred']).to;
        const ext = to.startsWith('agent:') ? to.slice(6) : to;
        return { kind: 'transferred', at, agentId: await this.agentOfExtension(projectId, ext), voicemail: to.startsWith('voicemail:') };
      }
      case 'call.ended':
        return { kind: 'ended', at, cause: (event.payload as EventMap['call.ended']).cause };
      case 'call.recording':
        return { kind: 'recording', at, url: (event.payload as EventMap['call.recording']).url };
      default: {
        const p = event.payload as EventMap['call.originated'];
        const agentId = p.agentId ? await this.deps.presence.personOf(projectId, p.agentId).catch(() => p.agentId) : null;
        return { kind: 'originated', at, adapter: p.adapter, to: p.to, callerId: p.callerId, trunkId: p.trunkId, agentId, contactId: p.contactId, campaignId: p.campaignId, leadId: p.leadId, taskId: p.taskId ?? null };
      }
    }
  }

  /** The cost of a call that ends now on a trunk, from the numbers domain's price lists. */
  costOf(projectId: string, row: CallRow, patch: ReturnType<typeof reduce>['patch']): { cost?: string; currency?: string } {
    const trunkId = (patch.trunk_id as string | null | undefined) ?? row.trunk_id;
    const ended = (patch.ended_at as Date | undefined) ?? row.ended_at;
    // The carrier bills from the answer to the end, also for an abandoned call (whose talk time is 0).
    const answered = (patch.answered_at as Date | undefined) ?? row.answered_at;
    const seconds = answered && ended ? Math.max(0, Math.round((ended.getTime() - answered.getTime()) / 1000)) : 0;
    const phone = row.direction === 'outbound' || patch.direction === 'outbound' ? ((patch.to_number as string | undefined) ?? row.to_number) : row.from_number;
    if (!trunkId || !ended || !phone || row.cost !== null) return {};
    const price = this.safe(() => this.deps.numbers?.cost(projectId, { trunkId, phone, seconds }));
    return price ? { cost: String(price.amount), currency: price.currency } : {};
  }

  private async firstAgent(projectId: string, targets: string[]): Promise<string | null> {
    return firstAgentIn(await this.deps.plan.extensions(projectId), targets);
  }

  private async agentOfExtension(projectId: string, extension: string): Promise<string | null> {
    return userOf(await this.deps.plan.extensions(projectId), extension);
  }

  private safe<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      this.deps.log.warn({ err }, 'numbers lookup failed for a call record');
      return undefined;
    }
  }
}

/** The person on an extension of a phone plan (plans are replaced, never changed). */
const userOf = (extensions: ReadonlyMap<string, string>, extension: string): string | null => keyOf(extensions, extension) ?? null;

/** The person behind the first `agent:<extension>` target, or null. */
function firstAgentIn(extensions: ReadonlyMap<string, string>, targets: string[]): string | null {
  const label = targets.find((t) => t.startsWith('agent:'));
  return label ? userOf(extensions, label.slice(6)) : null;
}
