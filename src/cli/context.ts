import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../platform/log.ts';

/** Config and logger for a command; an invalid environment prints every problem and exits with 2. */
export function configOrExit() {
  try {
    const config = loadConfig();
    return { config, log: createLogger(config.LOG_LEVEL) };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
