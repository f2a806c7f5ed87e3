import { loadConfig } from '../../src/config.ts';
import { startSwitchboard } from '../../src/main.ts';
import { createLogger } from '../../src/platform/log.ts';
import { systemActor } from '../../src/platform/audit.ts';

/**
 * The card-latency bench's Switchboard, in its own process: the agent on extension 201 in every call
 * group, a PBX token, a signed-in session for the agent's socket and an admin API key. Prints one JSON line, then serves.
 */
const [url, projectId, agentId] = process.argv.slice(2) as [string, string, string];
const config = loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', DEMO: 'false', CARD_TTL_SECONDS: '5' });
const sb = await startSwitchboard(config, createLogger('silent'), { listen: true });
const cr = sb.services.callRouting;
await cr.groups.setExtensions(projectId, [{ agentId, extension: '201' }], systemActor);
for (const g of await cr.groups.list(projectId)) await cr.groups.update(projectId, g.id, { members: [agentId] }, systemActor);
const { token } = await cr.admin.rotatePbxToken(projectId, systemActor);
const session = await sb.services.directory.sessions.open(agentId);
const key = await sb.services.directory.apiKeys.create(projectId, 'bench', 'admin', systemActor);
const address = sb.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ switchboard: `http://127.0.0.1:${port}`, token, cookie: `sb_session=${session.token}`, apiKey: key.key })}\n`);
process.on('SIGTERM', () => {
  void sb.stop().then(() => process.exit(0));
});
