import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import { reduce, type CallInput, type CallRow } from './model.ts';

/** How long new calls gather before their rows go to the database in one statement. */
const TICK_MS = 3;
/** Rows per statement at most (PostgreSQL takes 65,535 parameters; a row has under 20). */
const MAX_ROWS = 1000;

type Routed = Extract<CallInput, { kind: 'routed' }>;

interface Pending {
  projectId: string;
  pbxCallId: string;
  input: Routed;
  done: (row: CallRow | null) => void;
  fail: (err: unknown) => void;
}

/** A call row as the table's defaults make it before any event is applied. */
export function blankRow(projectId: string, pbxCallId: string, at: Date): CallRow {
  return {
    id: '', project_id: projectId, pbx_call_id: pbxCallId, adapter: '', direction: 'inbound', from_number: null, to_number: null,
    contact_id: null, agent_id: null, rule_id: null, rule_name: null, tracking_number_id: null, campaign_id: null, lead_id: null,
    task_id: null, caller_id: null, trunk_id: null, started_at: at, answered_at: null, ended_at: null, outcome: null, end_cause: null,
    talk_seconds: null, duration_seconds: null, disposition: null, recording_url: null, cost: null, currency: null,
    answered_by: null, held: false, voicemail: false,
  };
}

/**
 * Opens the records of new routed calls in batches: the calls routed within one short tick are written by a
 * single multi-row INSERT ... ON CONFLICT DO NOTHING instead of a transaction each, so a busy PBX costs the
 * database one statement per tick. A call whose row already exists (an earlier event, another process) gets
 * null back and is then applied the ordinary way, row locked. One statement is in flight at a time; calls
 * routed meanwhile wait for the next.
 */
export class CallOpener {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;

  constructor(private readonly db: Db) {}

  /** Resolves with the row created for this routed call, or null when the call already had one. */
  open(projectId: string, pbxCallId: string, input: Routed): Promise<CallRow | null> {
    return new Promise((done, fail) => {
      this.queue.push({ projectId, pbxCallId, input, done, fail });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.flushing || !this.queue.length) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, TICK_MS);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_ROWS);
    this.flushing = true;
    try {
      const rows = await this.insert(batch);
      const made = new Map(rows.map((r) => [`${r.project_id} ${r.pbx_call_id}`, r]));
      for (const p of batch) {
        const key = `${p.projectId} ${p.pbxCallId}`;
        p.done(made.get(key) ?? null);
        made.delete(key);
      }
    } catch (err) {
      for (const p of batch) p.fail(err);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  /**
   * One statement for the batch; a call routed twice in one batch is inserted once (the second finds the
   * row). Rows are built here (id included), so the database only says which of them it took.
   */
  private async insert(batch: Pending[]): Promise<CallRow[]> {
    const rows = new Map<string, CallRow>();
    const values = [];
    for (const p of batch) {
      const key = `${p.projectId} ${p.pbxCallId}`;
      if (rows.has(key)) continue;
      const blank = blankRow(p.projectId, p.pbxCallId, p.input.at);
      const value = { ...reduce(blank, p.input).patch, id: randomUUID(), project_id: p.projectId, pbx_call_id: p.pbxCallId, started_at: p.input.at };
      rows.set(key, { ...blank, ...value } as CallRow);
      values.push(value);
    }
    const taken = await this.db.insertInto('calls').values(values).onConflict((oc) => oc.columns(['project_id', 'pbx_call_id']).doNothing()).returning(['project_id', 'pbx_call_id']).execute();
    return taken.map((t) => rows.get(`${t.project_id} ${t.pbx_call_id}`)!);
  }
}
