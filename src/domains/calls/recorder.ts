import type { DomainEvent, EventMap } from '../../platform/events/bus.ts';
import { changes, reduce, stateOf, type CallInput, type CallRow } from './model.ts';
import type { CallsDeps } from './ports.ts';
import { CallOpener } from './opener.ts';
import { callsRepo } from './repo.ts';
import { keyOf } from '../../platform/reverse-lookup.ts';

const CALL_EVENTS = new Set(['call.routed', 'call.ringing', 'call.answered', 'call.held', 'call.transferred', 'call.ended', 'call.recording', 'call.originated']);
/** Events that may open a record without anything being odd. */
const OPENERS = new Set(['routed', 'ringing', 'originated']);

/** The record of one call as `call.updated` announces it. */
export function announcement(r: CallRow): EventMap['call.updated'] {
  return {
    id: r.id, callId: r.pbx_call_id, direction: r.direction, state: stateOf(r), agentId: r.agent_id, contactId: r.contact_id,
    from: r.from_number, to: r.to_number, outcome: r.outcome,
  };
}

/**
 * Keeps one row per call from the call events on the bus. Only the process that published an event writes it
 * (meta.local), so several server processes never write the same event twice; within a process the events of one
 * call are applied one at a time, and across processes the row is locked, so no event is lost to a race. Every
 * change is published as `call.updated`; people answering and finishing calls move their presence.
 */
export class CallRecorder {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly off: () => void;
  private readonly opener: CallOpener;

  constructor(private readonly deps: CallsDeps) {
    this.opener = new CallOpener(deps.db);
    this.off = deps.bus.subscribe((event, meta) => {
      if (!meta.local || !CALL_EVENTS.has(event.type)) return;
      const callId = (event.payload as { callId: string }).callId;
      this.enqueue(event.projectId, callId, () => this.handle(event)).catch((err) =>
        deps.log.error({ err, projectId: event.projectId, callId, type: event.type }, 'call record not written'));
    });
  }

  /** Stops taking events and waits until those already taken are written (the pool closes after this). */
  async close(): Promise<void> {
    this.off();
    await Promise.allSettled([...this.chains.values()]);
  }

  /** Waits until every event of this call seen so far is written (click-to-call answers with the record). */
  async settled(projectId: string, pbxCallId: string): Promise<void> {
    await this.chains.get(`${projectId}:${pbxCallId}`)?.catch(() => undefined);
  }

  /** Runs the work after the call's earlier events; at once when none is pending (the common case, no promise hop). */
  private enqueue<T>(projectId: string, pbxCallId: string, work: () => Promise<T>): Promise<T> {
    const key = `${projectId}:${pbxCallId}`;
    const before = this.chains.get(key);
    const step = before ? before.then(work, work) : work();
    this.chains.set(key, step);
    const forget = () => {
      if (this.chains.get(key) === step) this.chains.delete(key);
    };
    step.then(forget, forget);
    return step;
  }

  /** A routed call new here is opened in a batch with the others of its tick; anything else is locked and applied. */
  private async handle(event: DomainEvent): Promise<void> {
    const input = this.routedNow(event) ?? (await this.toInput(event));
    const { projectId } = event;
    const callId = (event.payload as { callId: string }).callId;
    if (input.kind === 'routed') {
      const row = await this.opener.open(projectId, callId, input);
      if (row) {
        this.deps.bus.publish(projectId, 'call.updated', announcement(row));
        return;
      }
    }
    await this.apply(projectId, callId, input);
  }

  private async apply(projectId: string, callId: string, input: CallInput): Promise<void> {
    const written = await this.deps.db.transaction().execute(async (tx) => {
      const { row, created } = await callsRepo.lockOrCreate(tx, projectId, callId, input.at);
      if (created && !OPENERS.has(input.kind)) this.deps.log.warn({ projectId, callId, kind: input.kind }, 'call event for a call never routed here; record opened with what is known');
      const { patch, note } = reduce(row, input);
      if (note) this.deps.log.info({ projectId, callId, kind: input.kind }, `call event: ${note}`);
      const diff = changes(row, { ...patch, ...this.costOf(projectId, row, patch) });
      if (!Object.keys(diff).length) return created ? { before: row, after: row, created } : null;
      return { before: row, after: await callsRepo.update(tx, row.id, diff), created };
    });
    if (!written) return;
    // A call that first shows up ringing an outside number is one we are placing: the PBX reported the ring before
    // the hub announced the call (call.originated follows within milliseconds and announces it as outbound).
    const placing = written.created && input.kind === 'ringing' && input.external === true;
    if (!placing) this.deps.bus.publish(projectId, 'call.updated', announcement(written.after));
    await this.movePresence(projectId, input, written.before, written.after);
  }

  /** A routed call's input without waiting, when the phone plan is in memory (nearly always); else undefined. */
  private routedNow(event: DomainEvent): CallInput | undefined {
    if (event.type !== 'call.routed') return undefined;
    const extensions = this.deps.plan.extensionsNow(event.projectId);
    if (!extensions) return undefined;
    const p = event.payload as EventMap['call.routed'];
    return this.routedInput(event, p, firstAgentIn(extensions, p.targets));
  }

  private routedInput(event: DomainEvent, p: EventMap['call.routed'], ringAgentId: string | null): CallInput {
    const tracking = this.safe(() => this.deps.numbers?.trackingNumberFor(event.projectId, p.to)?.trackingNumberId);
    const voicemail = p.targets.length > 0 && p.targets.every((t) => t.startsWith('voicemail:'));
    return { kind: 'routed', at: new Date(event.at), from: p.from, to: p.to, contactId: p.contactId, ruleId: p.ruleId, ruleName: p.ruleName, voicemail, ringAgentId, trackingNumberId: tracking ?? null };
  }

  /** Resolves extensions to people and the dialled number to a tracking number. */
  private async toInput(event: DomainEvent): Promise<CallInput> {
    const at = new Date(event.at);
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
  private costOf(projectId: string, row: CallRow, patch: ReturnType<typeof reduce>['patch']) {
    const trunkId = (patch.trunk_id as string | null | undefined) ?? row.trunk_id;
    const ended = (patch.ended_at as Date | undefined) ?? row.ended_at;
    // The carrier bills from the answer to the end, also for an abandoned call (whose talk time is 0).
    const answered = (patch.answered_at as Date | undefined) ?? row.answered_at;
    const seconds = answered && ended ? Math.max(0, Math.round((ended.getTime() - answered.getTime()) / 1000)) : 0;
    const phone = row.direction === 'outbound' || patch.direction === 'outbound' ? ((patch.to_number as string | undefined) ?? row.to_number) : row.from_number;
    if (!trunkId || !ended || !phone || row.cost !== null) return {};
    const price = this.safe(() => this.deps.numbers?.cost(projectId, { trunkId, phone, seconds }));
    return price ? { cost: price.amount, currency: price.currency } : {};
  }

  private async movePresence(projectId: string, input: CallInput, before: CallRow, after: CallRow): Promise<void> {
    const { presence } = this.deps;
    const leaving = before.agent_id && ((after.ended_at && !before.ended_at) || (input.kind === 'transferred' && input.agentId !== before.agent_id)) ? before.agent_id : null;
    const answeredBy = input.kind === 'answered' && input.agentId !== null;
    const placedBy = input.kind === 'originated' && after.campaign_id === null;
    const talking = !after.ended_at && (answeredBy || placedBy) ? after.agent_id : null;
    try {
      if (leaving && leaving !== talking && !(await callsRepo.otherLiveCall(this.deps.db, projectId, leaving, after.id))) {
        await presence.callEnded(projectId, leaving, after.answered_at || input.kind === 'transferred' ? this.deps.wrapUpSeconds : 0);
      }
      if (talking) await presence.onCall(projectId, talking);
    } catch (err) {
      this.deps.log.warn({ err, projectId, callId: after.pbx_call_id }, 'agent presence not moved for a call');
    }
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
