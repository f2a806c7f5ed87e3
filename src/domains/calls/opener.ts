import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { reduce, type CallInput, type CallRow } from './model.ts';

/** How long new calls gather before their rows go to the database in one statement. */
const TICK_MS = 3;
/** Rows per statement at most; the statement's size does not grow with them (one array per column). */
const MAX_ROWS = 2000;

type Routed = Extract<CallInput, { kind: 'routed' }>;

interface Pending {
  row: CallRow;
  done: (row: CallRow | null) => void;
  fail: (err: unknown) => void;
}

/** A call row as the table's defaults make it before any event is applied. */
function blankRow(projectId: string, pbxCallId: string, at: Date): CallRow {
  return {
    id: '', project_id: projectId, pbx_call_id: pbxCallId, adapter: '', direction: 'inbound', from_number: null, to_number: null,
    contact_id: null, agent_id: null, rule_id: null, rule_name: null, tracking_number_id: null, campaign_id: null, lead_id: null,
    task_id: null, caller_id: null, trunk_id: null, started_at: at, answered_at: null, ended_at: null, outcome: null, end_cause: null,
    talk_seconds: null, duration_seconds: null, disposition: null, recording_url: null, cost: null, currency: null,
    answered_by: null, held: false, voicemail: false,
  };
}

/** The record a routed call opens, built here (id included) so the database only has to say whether it took it. */
function routedRow(projectId: string, pbxCallId: string, input: Routed): CallRow {
  const blank = blankRow(projectId, pbxCallId, input.at);
  return { ...blank, ...reduce(blank, input).patch, id: randomUUID(), started_at: input.at } as CallRow;
}

/**
 * Opens the records of new routed calls in batches: the calls routed within one short tick are written by a
 * single `INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING` instead of a transaction each, so a
 * busy PBX costs the database one short statement per tick, whatever the number of calls in it. A call whose
 * row already exists (an earlier event, another process) gets null back and is then applied the ordinary way,
 * row locked. One statement is in flight at a time; calls routed meanwhile wait for the next.
 */
export class CallOpener {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;

  constructor(private readonly db: Db) {}

  /** Resolves with the row created for this routed call, or null when the call already had one. */
  open(projectId: string, pbxCallId: string, input: Routed): Promise<CallRow | null> {
    const row = routedRow(projectId, pbxCallId, input);
    return new Promise((done, fail) => {
      this.queue.push({ row, done, fail });
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
      const taken = await this.insert(batch.map((p) => p.row));
      for (const p of batch) p.done(taken.has(p.row.id) ? p.row : null);
    } catch (err) {
      for (const p of batch) p.fail(err);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  /**
   * One statement for the batch, one array per column; returns the ids the database took. Nearly always every
   * row is new, so the plain INSERT goes first (no conflict arbitration, nothing returned); when one of the
   * calls already has a row (an event came first, another process), the batch goes again with ON CONFLICT DO
   * NOTHING and says which rows it took. A call routed twice in one batch is sent once (ON CONFLICT cannot touch
   * a row twice in one statement). A call record is a log of what the PBX said, so the commit does not wait
   * for the WAL flush (synchronous_commit off for this statement only): a crash loses at most the last
   * fraction of a second of records, as it would lose the calls still waiting in memory.
   */
  private async insert(rows: CallRow[]): Promise<Set<string>> {
    const cols = columnsOf(rows);
    try {
      await this.statement(cols, false).execute(this.db);
      return new Set(cols.id);
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      const result = await this.statement(cols, true).execute(this.db);
      return new Set(result.rows.map((r) => r.id));
    }
  }

  private statement(c: Columns, onConflict: boolean) {
    return sql<{ id: string }>`
      WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
      INSERT INTO calls (id, project_id, pbx_call_id, started_at, from_number, to_number, contact_id, agent_id, rule_id, rule_name, tracking_number_id, voicemail)
      SELECT c.* FROM async_commit, unnest(${c.id}::uuid[], ${c.project}::uuid[], ${c.call}::text[], ${c.started}::timestamptz[], ${c.from}::text[],
        ${c.to}::text[], ${c.contact}::uuid[], ${c.agent}::uuid[], ${c.rule}::uuid[], ${c.ruleName}::text[], ${c.tracking}::uuid[], ${c.voicemail}::bool[]) AS c
      ${onConflict ? sql`ON CONFLICT (project_id, pbx_call_id) DO NOTHING RETURNING id` : sql``}`;
  }
}

const UNIQUE_VIOLATION = '23505';

type Columns = ReturnType<typeof columnsOf>;

/** The batch as one array per column (the columns a routed call sets), each call once. */
function columnsOf(rows: CallRow[]) {
  const seen = new Set<string>();
  const c = {
    id: [] as string[], project: [] as string[], call: [] as string[], started: [] as string[], from: [] as Array<string | null>, to: [] as Array<string | null>,
    contact: [] as Array<string | null>, agent: [] as Array<string | null>, rule: [] as Array<string | null>, ruleName: [] as Array<string | null>,
    tracking: [] as Array<string | null>, voicemail: [] as boolean[],
  };
  for (const r of rows) {
    const key = `${r.project_id} ${r.pbx_call_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    c.id.push(r.id); c.project.push(r.project_id); c.call.push(r.pbx_call_id); c.started.push(r.started_at.toISOString());
    c.from.push(r.from_number); c.to.push(r.to_number); c.contact.push(r.contact_id); c.agent.push(r.agent_id);
    c.rule.push(r.rule_id); c.ruleName.push(r.rule_name); c.tracking.push(r.tracking_number_id); c.voicemail.push(r.voicemail);
  }
  return c;
}
