import type { Selectable, Updateable } from 'kysely';
import type { CallOutcome, CallsTable } from '../../platform/db/schema.ts';
import type { EventMap } from '../../platform/events/bus.ts';

/** A call record as stored. */
export type CallRow = Selectable<CallsTable>;
export type CallPatch = Updateable<CallsTable>;

/** What the desktop and supervisors see of a live call. */
export type CallState = 'ringing' | 'talking' | 'held' | 'ended';

/**
 * A call event as the record keeper needs it: the bus payload with extensions already resolved to people
 * (users.id) and the dialled number to a tracking number. `at` is when the event was published.
 */
export type CallInput = { at: Date } & (
  | { kind: 'routed'; from: string | null; to: string; contactId: string | null; ruleId: string | null; ruleName: string; voicemail: boolean; ringAgentId: string | null; trackingNumberId: string | null }
  | { kind: 'ringing'; from: string | null; to: string; ringAgentId: string | null; /** every target is an outside number */ external?: boolean }
  | { kind: 'answered'; agentId: string | null; answeredBy: 'human' | 'machine' | null; /** the answering agent's task now */ taskId?: string | null }
  | { kind: 'held'; held: boolean }
  | { kind: 'transferred'; agentId: string | null; voicemail: boolean }
  | { kind: 'ended'; cause: string }
  | { kind: 'recording'; url: string }
  | ({ kind: 'originated' } & Omit<EventMap['call.originated'], 'callId' | 'kind'>)
);

/** A routed call's input. */
export type RoutedInput = Extract<CallInput, { kind: 'routed' }>;

/** The next facts of a record after one event; `note` says why an event changed nothing or was odd (logged). */
export interface Reduction {
  patch: CallPatch;
  note: string | null;
}

/** The live state of a record, derived from its facts. */
export function stateOf(r: Pick<CallRow, 'ended_at' | 'held' | 'answered_at'>): CallState {
  if (r.ended_at) return 'ended';
  if (r.held) return 'held';
  return r.answered_at ? 'talking' : 'ringing';
}

/**
 * How a call ended, from its facts and the PBX's end cause. The dialer's abandon (cause 'abandoned') wins;
 * inbound: sent to voicemail by routing -> voicemail, answered -> answered, refused by a rule -> rejected, else
 * missed; outbound: answered by a machine on a campaign -> machine, answered -> answered, else what the network
 * said (busy, rejected, failed; everything else is no answer).
 */
export function outcomeOf(r: Pick<CallRow, 'direction' | 'answered_at' | 'answered_by' | 'campaign_id' | 'voicemail'>, cause: string): CallOutcome {
  if (cause === 'abandoned') return 'abandoned';
  if (r.direction === 'inbound') {
    if (r.voicemail) return 'voicemail';
    if (r.answered_at) return 'answered';
    return cause === 'rejected' ? 'rejected' : 'missed';
  }
  if (r.answered_at) return r.campaign_id && r.answered_by === 'machine' ? 'machine' : 'answered';
  if (cause === 'busy' || cause === 'rejected' || cause === 'failed') return cause;
  return 'no_answer';
}

const seconds = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
const keep = <T>(current: T | null, next: T | null | undefined): T | null => current ?? next ?? null;

/**
 * The facts an ended call gets: end time (never before its start), talk and total seconds, outcome. An abandoned
 * call has no talk time: after the answer the customer only heard the grace and the recorded message, no agent.
 */
function ending(r: CallRow, at: Date, cause: string): CallPatch {
  const endedAt = at < r.started_at ? r.started_at : at;
  const answeredAt = r.answered_at && r.answered_at > endedAt ? endedAt : r.answered_at;
  const outcome = outcomeOf(r, cause);
  return {
    ended_at: endedAt,
    end_cause: cause,
    held: false,
    talk_seconds: answeredAt && outcome !== 'abandoned' ? seconds(answeredAt, endedAt) : 0,
    duration_seconds: seconds(r.started_at, endedAt),
    outcome,
  };
}

/** Context of an outbound call from the hub; it also corrects a record that a faster ringing event opened as inbound. */
function originated(r: CallRow, e: Extract<CallInput, { kind: 'originated' }>): CallPatch {
  const patch: CallPatch = {
    direction: 'outbound',
    adapter: e.adapter,
    to_number: e.to,
    from_number: e.callerId ?? r.from_number,
    caller_id: e.callerId,
    trunk_id: keep(r.trunk_id, e.trunkId),
    agent_id: keep(e.agentId, r.agent_id),
    contact_id: keep(r.contact_id, e.contactId),
    campaign_id: keep(r.campaign_id, e.campaignId),
    lead_id: keep(r.lead_id, e.leadId),
    task_id: keep(r.task_id, e.taskId),
  };
  if (r.ended_at && r.end_cause) patch.outcome = outcomeOf({ ...r, direction: 'outbound', campaign_id: patch.campaign_id ?? null }, r.end_cause);
  return patch;
}

/**
 * Applies one call event to a record, pure. Events may come twice, late or out of order: a record is only
 * completed, never corrupted. After the end only the recording and the outbound context are still taken;
 * an answer after the end does not reopen the call.
 */
export function reduce(r: CallRow, e: CallInput): Reduction {
  const done = (patch: CallPatch, note: string | null = null): Reduction => ({ patch, note });
  if (e.kind === 'recording') return done({ recording_url: e.url });
  if (e.kind === 'originated') return done(originated(r, e));
  if (r.ended_at) return done({}, `${e.kind} after the call ended; ignored`);
  const started = e.at < r.started_at ? { started_at: e.at } : {};
  switch (e.kind) {
    case 'routed':
      return done({
        ...started,
        from_number: keep(r.from_number, e.from),
        to_number: keep(r.to_number, e.to),
        contact_id: keep(r.contact_id, e.contactId),
        rule_id: keep(r.rule_id, e.ruleId),
        rule_name: keep(r.rule_name, e.ruleName),
        tracking_number_id: keep(r.tracking_number_id, e.trackingNumberId),
        voicemail: r.voicemail || e.voicemail,
        agent_id: keep(r.agent_id, e.ringAgentId),
      });
    case 'ringing':
      return done({
        ...started,
        from_number: keep(r.from_number, e.from),
        to_number: keep(r.to_number, e.to),
        ...(!r.answered_at && e.ringAgentId ? { agent_id: e.ringAgentId } : {}),
      });
    case 'answered':
      if (r.answered_at && (!e.agentId || e.agentId === r.agent_id)) return done({}, 'answered twice; ignored');
      return done({
        ...started,
        answered_at: r.answered_at ?? e.at,
        agent_id: e.agentId ?? r.agent_id,
        answered_by: e.answeredBy ?? r.answered_by,
        // a progressive or predictive call gets its task when the dialer bridges it to an agent
        ...(r.campaign_id && !r.task_id && e.taskId ? { task_id: e.taskId } : {}),
        held: false,
        // an inbound call picked up by a machine and no person is the voicemail box
        voicemail: r.voicemail || (r.direction === 'inbound' && !r.answered_at && !e.agentId && e.answeredBy === 'machine'),
      });
    case 'held':
      return r.answered_at ? done({ held: e.held }) : done({}, 'hold before answer; ignored');
    case 'transferred':
      return done({ agent_id: e.agentId ?? r.agent_id, held: false, voicemail: r.voicemail || (e.voicemail && !r.answered_at) });
    case 'ended':
      return done(ending(r, e.at, e.cause));
  }
}

/** Only the columns that really change (so a duplicate event publishes nothing). */
export function changes(r: CallRow, patch: CallPatch): CallPatch {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    const cur = (r as Record<string, unknown>)[k];
    const same = cur instanceof Date && v instanceof Date ? cur.getTime() === v.getTime() : cur === v;
    if (!same && v !== undefined) out[k] = v;
  }
  return out as CallPatch;
}
