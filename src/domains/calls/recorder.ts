import type { DomainEvent, EventMap } from '../../platform/events/bus.ts';
import { changes, reduce, stateOf, type CallInput, type CallPatch, type CallRow } from './model.ts';
import type { CallsDeps } from './ports.ts';
import { blankRow, callRecordId, LIVE_HOURS, LiveCalls, RecentlyEnded, routedRow, type LiveCall } from './live.ts';
import { CallWriter } from './writer.ts';
import { CallInputs } from './inputs.ts';
import { PerCall } from './per-call.ts';
import { callsRepo } from './repo.ts';

const CALL_EVENTS = new Set(['call.routed', 'call.ringing', 'call.answered', 'call.held', 'call.transferred', 'call.ended', 'call.recording', 'call.originated']);
/** Events that may open a record without anything being odd. */
const OPENERS = new Set(['routed', 'ringing', 'originated']);
/** How often calls pushed out of memory (over the cap, or without an end for LIVE_HOURS) are written. */
const SWEEP_MS = 60_000;

/** The record of one call as `call.updated` announces it. */
export function announcement(r: CallRow): EventMap['call.updated'] {
  return {
    id: r.id, callId: r.pbx_call_id, direction: r.direction, state: stateOf(r), agentId: r.agent_id, contactId: r.contact_id,
    from: r.from_number, to: r.to_number, outcome: r.outcome,
  };
}

/**
 * Keeps one record per call from the call events on the bus, the way a PBX keeps CDRs: a call in progress lives
 * in memory (LiveCalls) and its row is written once, when it ends, in a batch with the other calls ending then.
 * Every server process follows every call (events from the others arrive over the event bridge), so each can
 * show and control any live call; only a process that received one of the call's events itself writes it.
 * Within a process the events of one call are applied one at a time. A call that already has a row (written
 * before a restart, or pushed out of memory) is written through, row locked. Every change is published as
 * `call.updated`; people answering and finishing calls move their presence.
 */
export class CallRecorder {
  readonly live: LiveCalls;
  private readonly ended = new RecentlyEnded();
  /** The last pending step of each call that has one (events and amendments apply one at a time). */
  private readonly chains = new PerCall<Promise<unknown>>();
  private readonly off: () => void;
  private readonly writer: CallWriter;
  private readonly inputs: CallInputs;
  private readonly loading: Promise<void>;
  private loaded = false;
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly deps: CallsDeps) {
    this.live = new LiveCalls(deps.liveCallsMax);
    this.writer = new CallWriter(deps.db);
    this.inputs = new CallInputs(deps);
    this.loading = this.load();
    this.off = deps.bus.subscribe((event, meta) => {
      if (!CALL_EVENTS.has(event.type)) return;
      const callId = (event.payload as { callId: string }).callId;
      if (meta.local && this.openedNow(event, callId)) return;
      this.enqueue(event.projectId, callId, () => this.handle(event, meta.local)).catch((err) =>
        deps.log.error({ err, projectId: event.projectId, callId, type: event.type }, 'call record not written'));
    });
    this.sweep = setInterval(() => this.writeOverflow(), SWEEP_MS);
    this.sweep.unref();
  }

  /** Stops taking events, waits until those already taken are applied, then writes the live calls it holds. */
  async close(): Promise<void> {
    this.off();
    clearInterval(this.sweep);
    await Promise.allSettled(this.chains.all());
    const unwritten = [...this.live.unwritten(), ...this.live.takeOverflow().filter((c) => c.local && !c.stored)];
    await Promise.allSettled(unwritten.map((c) => this.writer.writeOrMerge(c.row)));
  }

  /** Waits until every event of this call seen so far is applied (click-to-call answers with the record). */
  async settled(projectId: string, pbxCallId: string): Promise<void> {
    await this.chains.get(projectId, pbxCallId)?.catch(() => undefined);
  }

  /**
   * Sets facts of a call that are not call events (the agent's disposition, the task of a click-to-call), in
   * turn with its events: in memory while this process holds the call alone, else in its row (written now
   * if it had none). Resolves with the record, or undefined when the call has none.
   */
  amend(projectId: string, pbxCallId: string, patch: CallPatch): Promise<CallRow | undefined> {
    return this.enqueue(projectId, pbxCallId, async () => {
      const live = this.live.get(projectId, pbxCallId);
      if (live && live.local && !live.stored) return (live.row = { ...live.row, ...patch } as CallRow);
      if (live && !live.stored) {
        await this.writer.writeOrMerge(live.row);
        live.stored = true;
      }
      const row = await callsRepo.byPbxId(this.deps.db, projectId, pbxCallId);
      if (!row) return undefined;
      const updated = await callsRepo.update(this.deps.db, row.id, patch);
      if (live) live.row = updated;
      return updated;
    });
  }

  /** Runs the work after the call's earlier events; at once when none is pending (the common case, no promise hop). */
  private enqueue<T>(projectId: string, pbxCallId: string, work: () => Promise<T>): Promise<T> {
    const before = this.chains.get(projectId, pbxCallId);
    const step = before ? before.then(work, work) : work();
    this.chains.set(projectId, pbxCallId, step);
    const forget = () => {
      if (this.chains.get(projectId, pbxCallId) === step) this.chains.delete(projectId, pbxCallId);
    };
    step.then(forget, forget);
    return step;
  }

  /** Calls a previous process left unfinished in the table (it writes its live calls when it stops). */
  private async load(): Promise<void> {
    try {
      for (const row of await callsRepo.unfinished(this.deps.db, LIVE_HOURS)) {
        if (!this.live.get(row.project_id, row.pbx_call_id)) this.live.add({ row, stored: true, local: false });
      }
    } catch (err) {
      this.deps.log.warn({ err }, 'unfinished calls not loaded; they show as live again with their next event');
    } finally {
      this.loaded = true;
    }
  }

  /**
   * The common case without a promise: a call routed here that nothing is known of yet opens in memory and is
   * announced at once (it has no earlier events to wait for and moves nobody's presence). False when the event
   * must take the ordinary way.
   */
  private openedNow(event: DomainEvent, callId: string): boolean {
    const { projectId } = event;
    if (event.type !== 'call.routed' || !this.loaded || this.chains.has(projectId, callId)) return false;
    if (this.live.get(projectId, callId) || this.ended.has(projectId, callId)) return false;
    const input = this.inputs.routedNow(event);
    if (!input) return false;
    const row = routedRow(projectId, callId, input);
    this.add({ row, stored: false, local: true });
    this.announce(projectId, input, row, true);
    return true;
  }

  private async handle(event: DomainEvent, local: boolean): Promise<void> {
    if (!this.loaded) await this.loading;
    const input = this.inputs.routedNow(event) ?? (await this.inputs.toInput(event));
    const { projectId } = event;
    const callId = (event.payload as { callId: string }).callId;
    let call = this.live.get(projectId, callId);
    let created = false;
    if (!call) {
      call = await this.admit(projectId, callId, input, local);
      created = !!call;
    }
    if (!call) {
      // a finished call (its row is in the table) or another process's event for a call this one never saw
      if (local) await this.apply(projectId, callId, input);
      return;
    }
    if (!local) return this.mirror(call, input);
    call.local = true;
    if (call.stored) {
      const after = await this.apply(projectId, callId, input);
      if (after) this.follow(call, after);
      return;
    }
    await this.applyLive(call, input, created);
  }

  /** A new live call for an event of a call not in memory, or undefined when the table is its place. */
  private async admit(projectId: string, callId: string, input: CallInput, local: boolean): Promise<LiveCall | undefined> {
    if (this.ended.has(projectId, callId)) return undefined;
    if (!OPENERS.has(input.kind)) {
      if (!local) return undefined;
      const row = await callsRepo.byPbxId(this.deps.db, projectId, callId);
      if (row?.ended_at) return undefined;
      if (row) return this.add({ row, stored: true, local });
      this.deps.log.warn({ projectId, callId, kind: input.kind }, 'call event for a call never routed here; record opened with what is known');
    }
    return this.add({ row: blankRow(projectId, callId, input.at, callRecordId(projectId, callId)), stored: false, local });
  }

  private add(call: LiveCall): LiveCall {
    this.live.add(call);
    if (this.live.overflowing) this.writeOverflow();
    return call;
  }

  /** Applies a local event to a call held in memory; an ended call is written, then announced. */
  private async applyLive(call: LiveCall, input: CallInput, created: boolean): Promise<void> {
    const before = call.row;
    const { project_id: projectId, pbx_call_id: callId } = before;
    const { patch, note } = reduce(before, input);
    if (note) this.deps.log.info({ projectId, callId, kind: input.kind }, `call event: ${note}`);
    const diff = changes(before, { ...patch, ...this.inputs.costOf(projectId, before, patch) });
    if (!created && !Object.keys(diff).length) return;
    const after = { ...before, ...diff } as CallRow;
    call.row = after;
    if (after.ended_at) await this.finish(call);
    this.announce(projectId, input, after, created);
    await this.movePresence(projectId, input, before, after);
  }

  /** Another process's event: the call's state here follows it (that process writes and announces it). */
  private mirror(call: LiveCall, input: CallInput): void {
    call.row = { ...call.row, ...reduce(call.row, input).patch } as CallRow;
    if (call.row.ended_at) this.forget(call);
  }

  /** A stored call's memory after its row changed. */
  private follow(call: LiveCall, after: CallRow): void {
    call.row = after;
    if (after.ended_at) this.forget(call);
  }

  private forget(call: LiveCall): void {
    this.live.remove(call.row.project_id, call.row.pbx_call_id);
    this.ended.add(call.row.project_id, call.row.pbx_call_id);
  }

  /**
   * Writes an ended call's record, then drops it from memory, so readers find it in one place or the other
   * (also when the write fails: the error is logged with the record).
   */
  private async finish(call: LiveCall): Promise<void> {
    const { project_id: projectId, pbx_call_id: callId } = call.row;
    await this.writer.writeOrMerge(call.row).catch((err) => this.deps.log.error({ err, projectId, callId, record: call.row }, 'call record not written'));
    this.forget(call);
  }

  /** Writes the calls pushed out of memory that this process holds events of (they stay unfinished in the table). */
  private writeOverflow(): void {
    for (const c of this.live.takeOverflow()) {
      if (!c.local || c.stored) continue;
      this.writer.writeOrMerge(c.row).catch((err) => this.deps.log.error({ err, projectId: c.row.project_id, callId: c.row.pbx_call_id }, 'call record not written'));
    }
  }

  /** The table's way, for calls that have a row: lock, apply, write; then announce and move presence. */
  private async apply(projectId: string, callId: string, input: CallInput): Promise<CallRow | undefined> {
    const written = await this.deps.db.transaction().execute(async (tx) => {
      const { row, created } = await callsRepo.lockOrCreate(tx, projectId, callId, input.at);
      if (created && !OPENERS.has(input.kind)) this.deps.log.warn({ projectId, callId, kind: input.kind }, 'call event for a call never routed here; record opened with what is known');
      const { patch, note } = reduce(row, input);
      if (note) this.deps.log.info({ projectId, callId, kind: input.kind }, `call event: ${note}`);
      const diff = changes(row, { ...patch, ...this.inputs.costOf(projectId, row, patch) });
      if (!Object.keys(diff).length) return created ? { before: row, after: row, created } : null;
      return { before: row, after: await callsRepo.update(tx, row.id, diff), created };
    });
    if (!written) return undefined;
    this.announce(projectId, input, written.after, written.created);
    await this.movePresence(projectId, input, written.before, written.after);
    return written.after;
  }

  private announce(projectId: string, input: CallInput, after: CallRow, created: boolean): void {
    // A call that first shows up ringing an outside number is one we are placing: the PBX reported the ring before
    // the hub announced the call (call.originated follows within milliseconds and announces it as outbound).
    const placing = created && input.kind === 'ringing' && input.external === true;
    if (!placing) this.deps.bus.publish(projectId, 'call.updated', announcement(after));
  }

  private async movePresence(projectId: string, input: CallInput, before: CallRow, after: CallRow): Promise<void> {
    const { presence } = this.deps;
    const leaving = before.agent_id && ((after.ended_at && !before.ended_at) || (input.kind === 'transferred' && input.agentId !== before.agent_id)) ? before.agent_id : null;
    const answeredBy = input.kind === 'answered' && input.agentId !== null;
    const placedBy = input.kind === 'originated' && after.campaign_id === null;
    const talking = !after.ended_at && (answeredBy || placedBy) ? after.agent_id : null;
    try {
      if (leaving && leaving !== talking && !this.live.otherLiveCall(projectId, leaving, after.id)) {
        await presence.callEnded(projectId, leaving, after.answered_at || input.kind === 'transferred' ? this.deps.wrapUpSeconds : 0);
      }
      if (talking) await presence.onCall(projectId, talking);
    } catch (err) {
      this.deps.log.warn({ err, projectId, callId: after.pbx_call_id }, 'agent presence not moved for a call');
    }
  }

}
