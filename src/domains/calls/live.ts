import { hash } from 'node:crypto';
import type { CallRow, RoutedInput } from './model.ts';
import { PerCall } from './per-call.ts';

/** A call without an end after this long lost its end event; it no longer shows as live. */
export const LIVE_HOURS = 12;
/** Live calls kept in memory at most by default (LIVE_CALLS_MAX); past it the oldest are written as they are and forgotten. */
const MAX_LIVE = 500_000;

/**
 * The record a routed call opens: the same as `reduce(blankRow(...), input)` (a test holds them equal), built in
 * one object because every call the PBX asks about opens one.
 */
export function routedRow(projectId: string, pbxCallId: string, e: RoutedInput): CallRow {
  return {
    id: callRecordId(projectId, pbxCallId), project_id: projectId, pbx_call_id: pbxCallId, adapter: '', direction: 'inbound',
    from_number: e.from ?? null, to_number: e.to ?? null, contact_id: e.contactId ?? null, agent_id: e.ringAgentId ?? null, rule_id: e.ruleId ?? null,
    rule_name: e.ruleName ?? null, tracking_number_id: e.trackingNumberId ?? null, campaign_id: null, lead_id: null, task_id: null, caller_id: null,
    trunk_id: null, started_at: e.at, answered_at: null, ended_at: null, outcome: null, end_cause: null, talk_seconds: null, duration_seconds: null,
    disposition: null, recording_url: null, cost: null, currency: null, answered_by: null, held: false, voicemail: e.voicemail,
  };
}

/**
 * A call in progress as this process knows it. `stored`: the calls table has a row for it already (it was
 * written before this process started, or pushed out of memory), so its events are written through. `local`:
 * this process received one of its events itself (only such a process writes the call).
 */
export interface LiveCall {
  row: CallRow;
  stored: boolean;
  local: boolean;
}

/** The RFC 4122 variant bits (10xx) over the hash's own two bits, as the hex digit they make. */
const VARIANT = '89ab';

/**
 * The record id of a call: derived from the project and the PBX's call id (a name-based UUID, version 5 layout),
 * so every server process names a call the same before any of them has written it. Its parts are short slices
 * (copied, not views of the digest) joined once into one flat string: a string concatenated from pieces would be
 * kept as a rope of them (~390 bytes instead of ~60, for each call held in memory).
 */
export function callRecordId(projectId: string, pbxCallId: string): string {
  const x = hash('sha1', `${projectId}\0${pbxCallId}`, 'hex') as string;
  return [x.slice(0, 8), x.slice(8, 12), `5${x.slice(13, 16)}`, VARIANT[parseInt(x[16]!, 16) & 3]! + x.slice(17, 20), x.slice(20, 32)].join('-');
}

/** A call record as the table's defaults make it before any event is applied. */
export function blankRow(projectId: string, pbxCallId: string, at: Date, id: string): CallRow {
  return {
    id, project_id: projectId, pbx_call_id: pbxCallId, adapter: '', direction: 'inbound', from_number: null, to_number: null,
    contact_id: null, agent_id: null, rule_id: null, rule_name: null, tracking_number_id: null, campaign_id: null, lead_id: null,
    task_id: null, caller_id: null, trunk_id: null, started_at: at, answered_at: null, ended_at: null, outcome: null, end_cause: null,
    talk_seconds: null, duration_seconds: null, disposition: null, recording_url: null, cost: null, currency: null,
    answered_by: null, held: false, voicemail: false,
  };
}

const everyone = () => true;
/** Past a cap, each project's oldest tenth leaves at once: one walk per tenth rather than one per added call. */
const tenth = (size: number) => Math.ceil(size / 10);

/**
 * The calls in progress, in memory: a call's record lives here from its first event to its end and is written
 * to the calls table once, ended (a CDR). Lookups by PBX call id, by record id and per project; bounded, the
 * oldest pushed out first (`takeOverflow` hands them back so they can be written).
 */
export class LiveCalls {
  private readonly calls = new PerCall<LiveCall>();
  private readonly overflow: LiveCall[] = [];

  constructor(private readonly max = MAX_LIVE) {}

  get size(): number {
    return this.calls.size;
  }

  get(projectId: string, pbxCallId: string): LiveCall | undefined {
    return this.calls.get(projectId, pbxCallId);
  }

  /** By record id: a walk over the project's live calls (a page or a command asks, never the hot path). */
  byId(projectId: string, id: string): LiveCall | undefined {
    for (const c of this.calls.of(projectId)) if (c.row.id === id) return c;
    return undefined;
  }

  /** Adds a call; when that passes the cap, the oldest tenth of each project's is pushed out (see `takeOverflow`). */
  add(call: LiveCall): void {
    this.calls.set(call.row.project_id, call.row.pbx_call_id, call);
    if (this.calls.size > this.max) this.calls.takeOldest(everyone, tenth, this.overflow);
  }

  remove(projectId: string, pbxCallId: string): void {
    this.calls.delete(projectId, pbxCallId);
  }

  /** Whether the cap pushed calls out that wait to be taken (the age sweep finds the others). */
  get overflowing(): boolean {
    return this.overflow.length > 0;
  }

  /** Calls pushed out of memory since the last call (over the cap, or older than LIVE_HOURS). */
  takeOverflow(now = Date.now()): LiveCall[] {
    const cutoff = now - LIVE_HOURS * 3_600_000;
    this.calls.takeOldest((c) => c.row.started_at.getTime() <= cutoff, undefined, this.overflow);
    return this.overflow.splice(0);
  }

  /** A project's live calls, optionally one person's, oldest first (an ended one being written is not live). */
  list(projectId: string, agentId?: string): CallRow[] {
    const rows: CallRow[] = [];
    for (const c of this.calls.of(projectId)) if (!c.row.ended_at && (!agentId || c.row.agent_id === agentId)) rows.push(c.row);
    return rows.sort((a, b) => a.started_at.getTime() - b.started_at.getTime());
  }

  /** Another unfinished call this person talks on or placed (then their presence stays on a call). */
  otherLiveCall(projectId: string, userId: string, exceptId: string): boolean {
    for (const c of this.calls.of(projectId)) {
      const r = c.row;
      if (r.agent_id === userId && r.id !== exceptId && !r.ended_at && (r.answered_at || r.direction === 'outbound')) return true;
    }
    return false;
  }

  /** Every live call this process has events of and no row is written for yet (written when the process stops). */
  unwritten(): LiveCall[] {
    return this.calls.all().filter((c) => c.local && !c.stored);
  }
}

/** Calls that ended lately: a late duplicate event for one of them must not open a new live call. */
export class RecentlyEnded {
  private readonly calls = new PerCall<true>();
  constructor(private readonly max = 20_000) {}

  add(projectId: string, pbxCallId: string): void {
    this.calls.set(projectId, pbxCallId, true);
    if (this.calls.size > this.max) this.calls.takeOldest(everyone, tenth);
  }

  has(projectId: string, pbxCallId: string): boolean {
    return this.calls.has(projectId, pbxCallId);
  }
}
