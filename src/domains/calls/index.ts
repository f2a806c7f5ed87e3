import type { CallsDeps } from './ports.ts';
import { CallRecorder } from './recorder.ts';
import { callsRepo, type CallFilter } from './repo.ts';
import type { CallRow } from './model.ts';

export type { NumbersLookup } from './ports.ts';

/**
 * Call records and call control: the recorder keeps one record per call from the bus's
 * call events (in memory while the call lasts, a row once it ends); routes give agents control of their calls
 * through the telephony hub, click-to-call, the call list, live calls, per-day statistics and a contact's history.
 * Readers go through this object, which looks in memory first and in the table second.
 */
export function createCalls(deps: CallsDeps) {
  const recorder = new CallRecorder(deps);
  const { live } = recorder;
  return {
    deps,
    recorder,
    /** A call's record once every event of it seen so far is applied (the PBX's call id), or undefined. */
    async recorded(projectId: string, pbxCallId: string): Promise<CallRow | undefined> {
      await recorder.settled(projectId, pbxCallId);
      return live.get(projectId, pbxCallId)?.row ?? callsRepo.byPbxId(deps.db, projectId, pbxCallId);
    },
    /** A record by its id (calls.id). */
    async find(projectId: string, id: string): Promise<CallRow | undefined> {
      return live.byId(projectId, id)?.row ?? callsRepo.get(deps.db, projectId, id);
    },
    /** Calls in progress, oldest first; one person's when `agentId` is given. */
    live: (projectId: string, agentId?: string): CallRow[] => live.list(projectId, agentId),
    /**
     * Calls in progress that match the filter first (newest first), then the finished ones newest first; `total`
     * counts both. Live calls have no outcome yet, so an outcome filter shows only finished calls.
     */
    async list(projectId: string, f: CallFilter): Promise<{ items: CallRow[]; total: number }> {
      const current = f.outcome ? [] : live.list(projectId, f.agentId).filter((r) => matches(r, f)).reverse();
      const shown = current.slice(f.offset, f.offset + f.limit);
      const stored = current.filter((r) => live.byId(projectId, r.id)?.stored).map((r) => r.id);
      const rest = { ...f, offset: Math.max(0, f.offset - current.length), limit: f.limit - shown.length };
      const finished = rest.limit > 0 ? await callsRepo.list(deps.db, projectId, rest, stored) : { items: [], total: await countOnly(projectId, f, stored) };
      return { items: [...shown, ...finished.items], total: current.length + finished.total };
    },
    /** Whether this person has talked to or been rung by the contact (agents see such contacts' history). */
    async hasCallWith(projectId: string, contactId: string, userId: string): Promise<boolean> {
      return live.list(projectId, userId).some((r) => r.contact_id === contactId) || callsRepo.hasCallWith(deps.db, projectId, contactId, userId);
    },
    /** Sets a fact of a call that no call event carries (disposition, task); see CallRecorder.amend. */
    amend: recorder.amend.bind(recorder),
    stop: () => recorder.close(),
  };

  async function countOnly(projectId: string, f: CallFilter, except: string[]): Promise<number> {
    return (await callsRepo.list(deps.db, projectId, { ...f, limit: 1, offset: 0 }, except)).total;
  }
}

/** Whether a live call passes the list's filters (the agent filter is applied by the live list itself). */
function matches(r: CallRow, f: CallFilter): boolean {
  return (!f.from || r.started_at >= f.from) && (!f.to || r.started_at < f.to) && (!f.direction || r.direction === f.direction) && (!f.contactId || r.contact_id === f.contactId);
}

export type Calls = ReturnType<typeof createCalls>;
