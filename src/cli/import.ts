import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Db } from '../platform/db/db.ts';
import { EventBus } from '../platform/events/bus.ts';
import { bridgeEvents } from '../platform/events/pg-bridge.ts';
import { systemActor } from '../platform/audit.ts';
import { openDatabase } from '../main.ts';
import { Members } from '../domains/directory/members.ts';
import { Projects } from '../domains/directory/projects.ts';
import { ProjectFacts } from '../domains/contacts/project-facts.ts';
import { ContactImporter } from '../domains/imports/importer.ts';
import { configOrExit } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `switchboard import contacts FILE --project <id or name>`: the same importer as the API, with a
 * progress bar. Events go through the database bridge, so a running server drops its phone cache.
 */
export async function importContactsCommand(file: string, opts: { project: string }): Promise<void> {
  const { config, log } = configOrExit();
  const size = fileSize(file);
  const { handle, embedded } = await openDatabase(config, log);
  const bus = new EventBus();
  const bridge = await bridgeEvents(bus, handle.pool, handle.url, log);
  let code = 0;
  try {
    const projectId = await findProject(handle.db, opts.project);
    const members = new Members(handle.db);
    const projects = new Projects(handle.db);
    const facts = new ProjectFacts(handle.db, {
      members: (id) => members.list(id),
      defaultCountry: async (id) => (await projects.get(id)).defaultCountry,
    });
    const importer = new ContactImporter(handle.db, bus, facts);
    const importId = await importer.create(projectId, path.basename(file), null);
    code = await runWithBar(importer, projectId, importId, file, size);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    code = 2;
  } finally {
    await bridge.stop();
    await handle.close();
    await embedded?.stop();
  }
  // Not process.exit(): that can cut off output still being written to a pipe.
  process.exitCode = code;
}

async function runWithBar(importer: ContactImporter, projectId: string, importId: string, file: string, size: number): Promise<number> {
  const bar = new cliProgress.SingleBar(
    { format: 'Importing |{bar}| {percentage}% | {rows} rows, {failed} failed', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const counts = { rows: 0, failed: 0 };
  let bytes = 0;
  bar.start(size, 0, counts);
  const source = createReadStream(file).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        bar.update(bytes, counts);
        done(null, chunk);
      },
    }),
  );
  const summary = await importer.run(projectId, importId, source, systemActor, (p) => {
    counts.rows = p.rowsTotal;
    counts.failed = p.rowsFailed;
    bar.update(bytes, counts);
  });
  bar.update(summary.status === 'done' ? size : bytes, counts);
  bar.stop();
  const { errors, failure } = summary;
  const lines = [
    `Import ${importId}: ${summary.status}; ${summary.rowsImported} imported, ${summary.rowsFailed} failed of ${summary.rowsTotal} rows`,
    ...(failure ? [`${failure.code}: ${failure.message}`] : []),
    ...errors.slice(0, 20).map((e) => `  row ${e.row}, ${e.field}: ${e.reason}`),
    ...(errors.length > 20 ? [`  ... and ${errors.length - 20} more (GET /api/projects/${projectId}/imports/${importId})`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return summary.status === 'done' ? 0 : 1;
}

async function findProject(db: Db, ref: string): Promise<string> {
  const q = db.selectFrom('projects').select(['id', 'name']);
  const rows = await (UUID.test(ref) ? q.where('id', '=', ref) : q.where('name', '=', ref)).execute();
  if (rows.length === 1) return rows[0].id;
  throw new Error(rows.length ? `Several projects are named "${ref}"; pass the project id` : `No project "${ref}"`);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    process.stderr.write(`Cannot read ${file}\n`);
    process.exit(2);
  }
}
