import type { CallsDeps } from './ports.ts';
import { CallRecorder } from './recorder.ts';
import { callsRepo } from './repo.ts';

export type { NumbersLookup } from './ports.ts';

/**
 * Call records and call control: the recorder keeps one row per call from the bus's
 * call events; routes give agents control of their calls through the telephony hub, click-to-call, the call
 * list, live calls, per-day statistics and a contact's history.
 */
export function createCalls(deps: CallsDeps) {
  const recorder = new CallRecorder(deps);
  return {
    deps,
    recorder,
    /** A call's record once every event of it seen so far is written (the PBX's call id), or undefined. */
    async recorded(projectId: string, pbxCallId: string) {
      await recorder.settled(projectId, pbxCallId);
      return callsRepo.byPbxId(deps.db, projectId, pbxCallId);
    },
    stop: () => recorder.close(),
  };
}

export type Calls = ReturnType<typeof createCalls>;
