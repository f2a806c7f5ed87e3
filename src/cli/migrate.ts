import { openDatabase } from '../main.ts';
import { configOrExit } from './context.ts';

export async function migrateCommand(): Promise<void> {
  const { config, log } = configOrExit();
  const { handle, embedded } = await openDatabase(config, log);
  log.info('database is up to date');
  await handle.close();
  await embedded?.stop();
}
