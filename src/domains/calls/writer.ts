import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { changes, type CallPatch, type CallRow } from './model.ts';
import { callsRepo } from './repo.ts';

/** How long finished calls gather before their rows go to the database in one statement. */
const TICK_MS = 3;
/** Rows per statement at most; the statement's size does not grow with them (one array per column). */
const MAX_ROWS = 2000;

/** Every column of a call row with its SQL type, in the order the statement sends them. */
const COLUMNS = [
  ['id', 'uuid'], ['project_id', 'uuid'], ['pbx_call_id', 'text'], ['adapter', 'text'], ['direction', 'text'], ['from_number', 'text'],
  ['to_number', 'text'], ['contact_id', 'uuid'], ['agent_id', 'uuid'], ['rule_id', 'uuid'], ['rule_name', 'text'], ['tracking_number_id', 'uuid'],
  ['campaign_id', 'uuid'], ['lead_id', 'uuid'], ['task_id', 'uuid'], ['caller_id', 'text'], ['trunk_id', 'uuid'], ['started_at', 'timestamptz'],
  ['answered_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['outcome', 'text'], ['end_cause', 'text'], ['talk_seconds', 'int'],
  ['duration_seconds', 'int'], ['disposition', 'text'], ['recording_url', 'text'], ['cost', 'numeric'], ['currency', 'text'],
  ['answered_by', 'text'], ['held', 'bool'], ['voicemail', 'bool'],
] as const satisfies ReadonlyArray<readonly [keyof CallRow, string]>;

const UNIQUE_VIOLATION = '23505';

interface Pending {
  row: CallRow;
  done: (written: boolean) => void;
  fail: (err: unknown) => void;
}

/**
 * Writes finished call records (and live ones that leave memory) in batches: the rows of one short tick go
 * in by a single `INSERT ... SELECT FROM unnest(arrays)`, so a busy PBX costs the database one short
 * statement per tick, whatever the number of calls in it. A call that has a row already (written before a
 * restart, by another process, or opened by a late event) is merged into that row (`writeOrMerge`).
 * One statement is in flight at a time; rows handed in meanwhile wait for the next.
 */
export class CallWriter {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;

  constructor(private readonly db: Db) {}

  /** Resolves true when the row was written, false when the call had a row already. */
  write(row: CallRow): Promise<boolean> {
    return new Promise((done, fail) => {
      this.queue.push({ row, done, fail });
      this.schedule();
    });
  }

  /** Writes a record; a call that has a row already (another process, a late event) gets its facts merged in. */
  async writeOrMerge(row: CallRow): Promise<void> {
    if (await this.write(row)) return;
    await this.db.transaction().execute(async (tx) => {
      const { row: existing } = await callsRepo.lockOrCreate(tx, row.project_id, row.pbx_call_id, row.started_at);
      const diff = changes(existing, mergedFacts(existing, row));
      if (Object.keys(diff).length) await callsRepo.update(tx, existing.id, diff);
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
      for (const p of batch) p.done(taken.has(p.row.id));
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
   * calls has a row already the batch goes again with ON CONFLICT DO NOTHING and says which rows it took.
   * A call record is a log of what the PBX said, so the commit does not wait for the WAL flush
   * (synchronous_commit off for this statement only): a crash loses at most the last fraction of a second of
   * records, as it loses the calls still in memory.
   */
  private async insert(rows: CallRow[]): Promise<Set<string>> {
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    try {
      await statement(unique, false).execute(this.db);
      return new Set(unique.map((r) => r.id));
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      const result = await statement(unique, true).execute(this.db);
      return new Set(result.rows.map((r) => r.id));
    }
  }
}

const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

function statement(rows: CallRow[], onConflict: boolean) {
  const names = sql.join(COLUMNS.map(([name]) => sql.ref(name)));
  const arrays = sql.join(COLUMNS.map(([name, type]) => sql`${rows.map((r) => cell(r[name]))}::${sql.raw(type)}[]`));
  return sql<{ id: string }>`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO calls (${names})
    SELECT c.* FROM async_commit, unnest(${arrays}) AS c
    ${onConflict ? sql`ON CONFLICT (project_id, pbx_call_id) DO NOTHING RETURNING id` : sql``}`;
}

/**
 * The facts of a record written from memory that an existing row of the same call takes: every fact memory
 * knows (nulls never erase), the earlier start, voicemail once either says so.
 */
function mergedFacts(existing: CallRow, row: CallRow): CallPatch {
  const facts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && k !== 'id' && k !== 'project_id' && k !== 'pbx_call_id') facts[k] = v;
  facts.started_at = existing.started_at < row.started_at ? existing.started_at : row.started_at;
  facts.voicemail = existing.voicemail || row.voicemail;
  if (existing.adapter && !row.adapter) delete facts.adapter;
  if (existing.direction === 'outbound') delete facts.direction;
  return facts as CallPatch;
}
