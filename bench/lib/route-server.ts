import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { startSwitchboard } from '../../src/main.ts';
import { createLogger } from '../../src/platform/log.ts';
import { systemActor } from '../../src/platform/audit.ts';

/**
 * The route-decision bench's servers, in one child process started after the contacts are loaded:
 * Switchboard (its phone directory loads every contact at start, timed) with 50 routing rules, and a
 * bare Fastify POST route answering a similar JSON (the baseline). Prints one JSON line, then serves.
 */
const [url, projectId, agentId, mode] = process.argv.slice(2) as [string, string, string, string | undefined];
const config = loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', DEMO: 'false' });
const started = performance.now();
const sb = await startSwitchboard(config, createLogger('silent'), { listen: true });
const startMs = performance.now() - started;
const cr = sb.services.callRouting;
// The diagnostic server: without the call recorder and the caller-card assembler, which do database
// work for every routed call, so the bench can show the route answer's own cost beside the whole server's.
if (mode === 'without-side-effects') {
  sb.services.calls.stop();
  sb.services.cards.stop();
}
await cr.groups.setExtensions(projectId, [{ agentId, extension: '201' }], systemActor);
for (const g of await cr.groups.list(projectId)) await cr.groups.update(projectId, g.id, { members: [agentId] }, systemActor);
const existing = (await cr.admin.rules(projectId)).length;
for (let i = 0; existing + i < 50; i++) {
  await cr.admin.createRule(projectId, {
    name: `Campaign line ${i}`,
    conditions: i % 2 ? { dialled: [`+420222${String(i).padStart(6, '0')}`] } : { tagsAny: [`campaign-${i}`] },
    action: { type: 'voicemail', box: `c${i}` },
    position: 0,
  }, systemActor);
}
const { token } = await cr.admin.rotatePbxToken(projectId, systemActor);
const hello = Fastify();
hello.post('/route', async () => ({ action: 'dial', targets: [{ kind: 'agent', user: '201' }], ringSeconds: 20, rule: 'hello', fallback: false }));
const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
const address = sb.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const line = { switchboard: `http://127.0.0.1:${port}`, hello: helloUrl, token, startMs, callers: cr.callers.size() };
process.stdout.write(`${JSON.stringify(line)}\n`);

process.on('SIGTERM', () => {
  void Promise.all([sb.stop(), hello.close()]).then(() => process.exit(0));
});
