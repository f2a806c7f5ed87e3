import { recordAudit, type Actor } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { RouteTarget } from '../../telephony/port.ts';
import { normalisePhone } from '../contacts/model.ts';
import type { CallRow } from './model.ts';
import type { Calls } from './index.ts';
import type { CallsDeps, ContactFacts } from './ports.ts';
import { announcement } from './recorder.ts';

/** Who asks: a person (users.id, null for API keys) and whether they see every call (supervisors and up). */
export interface Viewer {
  userId: string | null;
  all: boolean;
}

const notFound = () => new AppError('CALL_NOT_FOUND', 'Call not found');

/** The call if this viewer may see and control it: supervisors any call of the project, agents their own. */
export async function visibleCall(calls: Calls, projectId: string, callId: string, v: Viewer): Promise<CallRow> {
  const row = await calls.find(projectId, callId);
  if (!row || (!v.all && (!v.userId || row.agent_id !== v.userId))) throw notFound();
  return row;
}

async function live(calls: Calls, projectId: string, callId: string, v: Viewer): Promise<CallRow> {
  const row = await visibleCall(calls, projectId, callId, v);
  if (row.ended_at) throw new AppError('CALL_NOT_LIVE', 'This call has ended', { endedAt: row.ended_at.toISOString() });
  return row;
}

async function extensionOf(deps: CallsDeps, projectId: string, userId: string | null): Promise<string> {
  const ext = userId ? (await deps.plan.extensions(projectId)).get(userId) : undefined;
  if (!ext) throw new AppError('NO_EXTENSION', 'You have no phone extension in this project; a supervisor assigns one under Call routing');
  return ext;
}

export type Command = 'answer' | 'hangup' | 'hold' | 'unhold';

/** Answer, hang up, hold or take off hold, through the project's telephony adapter (TELEPHONY_UNSUPPORTED passes through). */
export async function control(calls: Calls, projectId: string, callId: string, command: Command, v: Viewer, actor: Actor): Promise<CallRow> {
  const { deps } = calls;
  const row = await live(calls, projectId, callId, v);
  const t = deps.telephony;
  if (command === 'answer') await t.answer(projectId, row.pbx_call_id, await extensionOf(deps, projectId, v.userId));
  else if (command === 'hangup') await t.hangup(projectId, row.pbx_call_id);
  else await t.hold(projectId, row.pbx_call_id, command === 'hold');
  await recordAudit(deps.db, { projectId, actor, action: command, entity: 'call', entityId: row.id });
  return row;
}

/** Transfers the call to another person of the project (by their extension) or to an outside number. */
export async function transfer(calls: Calls, projectId: string, callId: string, to: { agentId: string } | { number: string }, v: Viewer, actor: Actor): Promise<CallRow> {
  const { deps } = calls;
  const row = await live(calls, projectId, callId, v);
  let target: RouteTarget;
  if ('agentId' in to) {
    const extension = (await deps.plan.extensions(projectId)).get(to.agentId);
    if (!extension) throw new AppError('NO_EXTENSION', 'That person has no phone extension in this project', { field: 'agentId' });
    target = { kind: 'agent', agentId: to.agentId, extension };
  } else {
    const number = normalisePhone(to.number, await deps.contacts.country(projectId));
    if (!number) throw new AppError('INVALID_PHONE', `number: "${to.number}" is not a valid phone number`, { field: 'number' });
    target = { kind: 'external', number };
  }
  await deps.telephony.transfer(projectId, row.pbx_call_id, target);
  await recordAudit(deps.db, { projectId, actor, action: 'transfer', entity: 'call', entityId: row.id, details: { to: target.kind === 'agent' ? { agentId: target.agentId } : { number: target.number } } });
  return row;
}

/** The agent's disposition of a call (during or after it). The note goes to the audit log, never to the call. */
export async function setDisposition(calls: Calls, projectId: string, callId: string, input: { disposition: string; note?: string }, v: Viewer, actor: Actor): Promise<CallRow> {
  const { deps } = calls;
  const row = await visibleCall(calls, projectId, callId, v);
  const next = await calls.amend(projectId, row.pbx_call_id, { disposition: input.disposition });
  if (!next) throw notFound();
  await recordAudit(deps.db, { projectId, actor, action: 'disposition', entity: 'call', entityId: row.id, details: { disposition: input.disposition, ...(input.note ? { note: input.note } : {}) } });
  deps.bus.publish(projectId, 'call.updated', announcement(next));
  return next;
}

/** The number to dial and the contact it belongs to, from a contact id and/or a typed number. */
async function destination(deps: CallsDeps, projectId: string, input: { contactId?: string; phone?: string }): Promise<{ phone: string; contact: ContactFacts | null }> {
  const contact = input.contactId ? await deps.contacts.get(projectId, input.contactId) : null;
  if (input.phone) {
    const phone = normalisePhone(input.phone, await deps.contacts.country(projectId));
    if (!phone) throw new AppError('INVALID_PHONE', `phone: "${input.phone}" is not a valid phone number`, { field: 'phone', value: input.phone });
    return { phone, contact: contact ?? (await deps.contacts.byPhone(projectId, phone).catch(() => null)) };
  }
  if (!contact) throw new AppError('VALIDATION_FAILED', 'Give contactId or phone', [{ field: 'contactId', message: 'contactId or phone is required' }]);
  const first = contact.phones[0]?.number;
  if (!first) throw new AppError('CONTACT_HAS_NO_PHONE', 'This contact has no phone number');
  return { phone: first, contact };
}

/**
 * Click-to-call: rings the agent's extension, then the customer, showing the local caller ID the numbers
 * domain picks for the contact's city or region (else the number's area, else the default pool), on the
 * cheapest trunk first. The answer says which caller ID was chosen and why.
 */
export async function clickToCall(calls: Calls, projectId: string, input: { contactId?: string; phone?: string }, userId: string, actor: Actor) {
  const { deps } = calls;
  const extension = await extensionOf(deps, projectId, userId);
  const { phone, contact } = await destination(deps, projectId, input);
  const callerId = deps.numbers?.callerIdFor(projectId, { phone, city: contact?.city, region: contact?.region }) ?? null;
  const trunks = deps.numbers?.trunksFor(projectId, phone) ?? [];
  const placed = await deps.telephony.originate(
    { projectId, agentId: userId, extension, to: phone, ...(callerId && { callerId: callerId.number }) },
    { agentId: userId, contactId: contact?.id ?? null, trunks: trunks.map((t) => ({ trunkId: t.trunkId, name: t.name })) },
  );
  const row = await calls.recorded(projectId, placed.callId);
  if (!row) throw new AppError('INTERNAL', 'The call was placed but its record is missing');
  const taskId = await deps.presence.taskOf(projectId, userId).catch(() => null);
  if (taskId && !row.task_id) await calls.amend(projectId, placed.callId, { task_id: taskId });
  await recordAudit(deps.db, { projectId, actor, action: 'originate', entity: 'call', entityId: row.id, details: { contactId: contact?.id ?? null } });
  return {
    id: row.id,
    callId: placed.callId,
    to: phone,
    contactId: contact?.id ?? null,
    taskId,
    callerId: callerId?.number ?? null,
    callerIdReason: callerId?.reason ?? null,
    trunkName: trunks.find((t) => t.trunkId === placed.trunkId)?.name ?? null,
  };
}
