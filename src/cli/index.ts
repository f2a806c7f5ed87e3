#!/usr/bin/env node
import { Command } from 'commander';

/**
 * The `switchboard` command. Each action imports its module only when it runs, so a simulation
 * does not pay for loading the server.
 */
const program = new Command('switchboard').description('Switchboard contact-center platform');

program
  .command('start')
  .description('run the server (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => (await import('./start.ts')).startCommand());
program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => (await import('./migrate.ts')).migrateCommand());
program
  .command('import')
  .description('import data from a file')
  .command('contacts <file>')
  .description('import contacts from a UTF-8 CSV file (see docs/contacts.md for the columns)')
  .requiredOption('--project <id or name>', 'the project to import into')
  .action(async (file: string, opts: { project: string }) => (await import('./import.ts')).importContactsCommand(file, opts));
(await import('./simulate.ts')).registerSimulate(program);

await program.parseAsync(process.argv);
