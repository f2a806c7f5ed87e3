import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench [name...]`: runs each bench/*.bench.ts in its own process (so one's memory and
 * JIT state do not colour the next) and lets each print its figure, baseline and ratio.
 */
const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const file of files) {
  // The same young-generation size as `npm start`: fewer scavenges pausing the hot paths.
  const args = ['--max-semi-space-size=64', '--import', 'tsx', '--expose-gc', path.join('bench', file)];
  const res = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (res.status !== 0) {
    failed++;
    process.stderr.write(`bench ${file} exited with ${res.status}\n`);
  }
}
process.exit(failed ? 1 : 0);
