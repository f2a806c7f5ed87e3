import { loadConfig } from '../../src/config.ts';
import { startSwitchboard } from '../../src/main.ts';
import { createLogger } from '../../src/platform/log.ts';

/** A whole Switchboard in its own process on DATABASE_URL, for tests that kill it with SIGKILL. */
const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, PORT: '0', LOG_LEVEL: 'silent', DEMO: 'false' });
const sb = await startSwitchboard(config, createLogger('silent'), { listen: true });
process.stdout.write(`READY ${sb.url}\n`);
