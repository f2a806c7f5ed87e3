import type { CallsDeps } from './ports.ts';
import { CallRecorder } from './recorder.ts';

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
    stop: () => recorder.close(),
  };
}

export type Calls = ReturnType<typeof createCalls>;
