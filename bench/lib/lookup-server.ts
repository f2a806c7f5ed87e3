import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { startSwitchboard } from '../../src/main.ts';
import { createLogger } from '../../src/platform/log.ts';
import { systemActor } from '../../src/platform/audit.ts';

/**
 * The servers under test, in one child process: Switchboard on the bench database and a bare
 * Fastify hello-world (the baseline) side by side, so both share the same process and cores.
 * Prints `{ switchboard, hello, apiKey }` as one JSON line, then serves until killed.
 */
const [url, projectId] = process.argv.slice(2);
const config = loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', DEMO: 'false', API_RATE_LIMIT: '1000000000' });
const sb = await startSwitchboard(config, createLogger('silent'), { listen: true });
const key = await sb.services.directory.apiKeys.create(projectId, 'bench', 'agent', systemActor);
const hello = Fastify();
hello.get('/hello', async () => ({ hello: 'world' }));
const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
const address = sb.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ switchboard: `http://127.0.0.1:${port}`, hello: helloUrl, apiKey: key.key })}\n`);
process.on('SIGTERM', () => {
  void Promise.all([sb.stop(), hello.close()]).then(() => process.exit(0));
});
