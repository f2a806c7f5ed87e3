#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../platform/log.ts';
import { startCommand } from './start.ts';
import { migrateCommand } from './migrate.ts';

const program = new Command('switchboard').description('Switchboard contact-center platform');

program.command('start').description('run the server (embedded PostgreSQL unless DATABASE_URL is set)').action(startCommand);
program.command('migrate').description('apply database migrations and exit').action(migrateCommand);

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

await program.parseAsync(process.argv);
