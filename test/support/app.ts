import type { Logger } from 'pino';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { startSwitchboard, type StartOptions, type Switchboard } from '../../src/main.ts';
import { createLogger } from '../../src/platform/log.ts';
import { createTestDatabase } from './db.ts';

export interface TestSwitchboard extends Switchboard {
  config: Config;
}

/**
 * The whole server on its own test database. `listen: false` keeps it in-process for
 * `app.inject`; pass `listen: true` for tests that need a real socket (WebSocket, browser, SMTP links).
 * Pass `log` to capture what the server logs (a pino logger writing to your own stream).
 */
export async function startTestSwitchboard(
  opts: { listen?: boolean; env?: Record<string, string>; databaseUrl?: string; log?: Logger; seed?: StartOptions['seed'] } = {},
): Promise<TestSwitchboard> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO: 'false',
    ...opts.env,
  });
  const webDist = inject('webDist') || undefined;
  const sb = await startSwitchboard(config, opts.log ?? createLogger(config.LOG_LEVEL), { listen: opts.listen ?? false, webDist, seed: opts.seed });
  return Object.assign(sb, { config });
}
