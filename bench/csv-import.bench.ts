import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { reportBench } from './lib/report.ts';
import { benchDatabase } from './lib/contacts-db.ts';

/**
 * CSV import of 1,000,000 contacts (BENCH_SCALE=0.1 for 100,000): rows/s of the real importer
 * against raw csv-parse of the same file, and the importer's peak RSS against the parser's, each
 * measured in its own child process. Targets: >= 10,000 rows/s and <= 400 MB peak RSS.
 */
const rows = Math.round(1_000_000 * Number(process.env.BENCH_SCALE ?? 1));
const cities = [['Praha', 'Hlavní město Praha'], ['Brno', 'Jihomoravský kraj'], ['Ostrava', 'Moravskoslezský kraj'], ['Plzeň', 'Plzeňský kraj'], ['Liberec', 'Liberecký kraj'], ['Olomouc', 'Olomoucký kraj']];

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('external_id,name,account,account_kind,phone,phone2,email,city,region,timezone,tags,custom.segment\n');
  for (let i = 0; i < rows; i++) {
    const [city, region] = cities[i % cities.length];
    const phone2 = i % 5 === 0 ? `+420 72${String(i).padStart(7, '0')}` : '';
    const line = `X-${i},Kontakt Číslo ${i},"Firma ${i >> 1}, s.r.o.",${i % 10 === 0 ? 'supplier' : 'customer'},60${String(i).padStart(7, '0')},${phone2},k${i}@example.cz,${city},${region},Europe/Prague,bench;csv,S${i % 7}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function child(args: string[]): { rows: number; seconds: number; maxRssMb: number; status: string } {
  const res = spawnSync(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'bench/lib/csv-import-child.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`child failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-csv-bench-'));
const file = path.join(dir, 'contacts.csv');
const db = await benchDatabase();
try {
  await writeCsv(file);
  const parsed = child(['parse', file]);
  const imported = child(['import', file, db.url, db.projectId]);
  if (imported.status !== 'done' || imported.rows !== rows) throw new Error(`import ended ${imported.status} with ${imported.rows} of ${rows} rows`);
  const importRate = imported.rows / imported.seconds;
  reportBench('csv-import', [
    {
      metric: `import of ${rows.toLocaleString('en')} rows, rows/s`, value: importRate, baseline: parsed.rows / parsed.seconds,
      baselineName: 'raw csv-parse rows/s', higherIsBetter: true, target: '>= 10,000 rows/s', met: importRate >= 10_000,
      extra: { importSeconds: imported.seconds, parseSeconds: parsed.seconds },
    },
    {
      metric: 'importer peak RSS, MB', value: imported.maxRssMb, baseline: parsed.maxRssMb, baselineName: 'raw csv-parse peak RSS MB',
      higherIsBetter: false, target: '<= 400 MB', met: imported.maxRssMb <= 400,
    },
  ]);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
