import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { connect } from '../../src/platform/db/db.ts';
import { EventBus } from '../../src/platform/events/bus.ts';
import { systemActor } from '../../src/platform/audit.ts';
import { ProjectFacts } from '../../src/domains/contacts/project-facts.ts';
import { ContactImporter } from '../../src/domains/imports/importer.ts';

/**
 * One measured run in its own process, so its peak RSS is its own: `parse FILE` (raw csv-parse,
 * the baseline) or `import FILE DB_URL PROJECT_ID` (the real importer). Prints one JSON line.
 */
const [mode, file, url, projectId] = process.argv.slice(2);
const started = performance.now();
let rows = 0;
let status = 'done';
if (mode === 'parse') {
  const records = pipeline(createReadStream(file), parse({ bom: true, skip_empty_lines: true }), () => undefined);
  for await (const _ of records) rows++;
  rows--;
} else {
  const handle = connect(url, 4);
  const facts = new ProjectFacts(handle.db, { members: async () => [], defaultCountry: async () => 'CZ' });
  const importer = new ContactImporter(handle.db, new EventBus(), facts);
  const id = await importer.create(projectId, 'bench.csv', null);
  const result = await importer.run(projectId, id, createReadStream(file), systemActor);
  rows = result.rowsImported;
  status = result.failure ? `${result.status}: ${result.failure.message}` : result.status;
  await handle.close();
}
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ rows, seconds, maxRssMb, status })}\n`);
