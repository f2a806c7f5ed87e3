import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SOURCE = path.resolve('web/dist');
const POLL_MS = 200;
const WAIT_MS = 60_000;

/** Whether `dir` holds an index.html whose every /assets/ reference exists next to it (a finished build). */
export function isCompleteBuild(dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.length > 0 && refs.every((ref) => existsSync(path.join(dir, ref)));
}

/**
 * Copies the built web app (web/dist) to a private directory for the whole test run, so the browser
 * tests serve one fixed build. Without it, a `npm run build:web` started meanwhile (vite empties
 * web/dist first and writes new asset names) makes every page load in that window a blank page that
 * never renders, and the first locator after a `page.goto` times out. Waits (bounded) for a build in
 * progress to finish; returns undefined when there is no build, and the server keeps its default.
 */
export async function snapshotWebApp(): Promise<{ dir: string | undefined; remove: () => void }> {
  if (!existsSync(SOURCE)) return { dir: undefined, remove: () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-web-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  for (const until = Date.now() + WAIT_MS; Date.now() < until; await new Promise((r) => setTimeout(r, POLL_MS))) {
    rmSync(dir, { recursive: true, force: true });
    try {
      if (isCompleteBuild(SOURCE)) cpSync(SOURCE, dir, { recursive: true });
    } catch {
      continue; // a file vanished mid-copy: a build is running
    }
    if (isCompleteBuild(dir)) return { dir, remove };
  }
  remove();
  throw new Error('web/dist stayed incomplete for 60 s (a web build running?); run `npm run build:web`');
}
