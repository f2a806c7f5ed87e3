import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { startSwitchboard } from '../../src/main.ts';
import { createLogger } from '../../src/platform/log.ts';
import { systemActor } from '../../src/platform/audit.ts';

/**
 * The servers under test, in one child process started after the contacts are loaded:
 * Switchboard on the bench database (its phone directory loads every number at start, timed) and
 * a bare Fastify hello-world (the baseline) side by side, so both share the same process and cores.
 * Prints `{ switchboard, hello, apiKey, startMs, numbers, heapMb }` (heapMb: the JS heap in use
 * after a full collection) as one JSON line, then serves until killed.
 */
const [url, projectId] = process.argv.slice(2) as [string, string];
const config = loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', DEMO: 'false', API_RATE_LIMIT: '1000000000' });
const started = performance.now();
const sb = await startSwitchboard(config, createLogger('silent'), { listen: true });
const startMs = performance.now() - started;
const key = await sb.services.directory.apiKeys.create(projectId, 'bench', 'agent', systemActor);
const hello = Fastify();
hello.get('/hello', async () => ({ hello: 'world' }));
const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
const address = sb.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const numbers = sb.services.contacts.phoneDirectory.size(projectId);
// The bench starts this process with --expose-gc: the heap figure is what stays alive, not the load's garbage.
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(`${JSON.stringify({ switchboard: `http://127.0.0.1:${port}`, hello: helloUrl, apiKey: key.key, startMs, numbers, heapMb: process.memoryUsage().heapUsed / 1e6 })}\n`);
process.on('SIGTERM', () => {
  void Promise.all([sb.stop(), hello.close()]).then(() => process.exit(0));
});
