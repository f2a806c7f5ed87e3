import { startSwitchboard } from '../main.ts';
import { DEMO_PASSWORD, demoPeople, seedDemoProject } from '../demo/seed.ts';
import { configOrExit } from './context.ts';
import { startDemoRouting } from '../demo/routing.ts';
import { startDemoBots } from '../demo/bots.ts';

/** `switchboard start`: serve until Ctrl-C, then stop the server and the embedded database cleanly. */
export async function startCommand(): Promise<void> {
  const { config, log } = configOrExit();
  let demo: Awaited<ReturnType<typeof seedDemoProject>> | undefined;
  const seed = async (db: Parameters<typeof seedDemoProject>[0]) => {
    demo = await seedDemoProject(db, log);
  };
  const sb = await startSwitchboard(config, log, { seed: config.DEMO ? seed : undefined }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    process.stderr.write(`Port ${config.PORT} on ${config.HOST} is already in use (another Switchboard?). Stop it or set PORT.\n`);
    process.exit(1);
  });
  const stopLeads = demo ? await startDemoRouting(sb, demo.project.projectId, log) : undefined;
  const stopBots = demo ? await startDemoBots(sb, demo.project.projectId, log) : undefined;
  const lines = [
    '',
    `  Switchboard is running at ${sb.url}`,
    `  API docs: ${sb.url}/docs`,
    ...(config.DEMO
      ? ['', `  Demo logins (password "${DEMO_PASSWORD}"):`, ...demoPeople.map((p) => `    ${p.role.padEnd(10)} ${p.email}`)]
      : []),
    '',
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    stopLeads?.();
    stopBots?.();
    log.info({ signal }, 'stopping');
    await sb.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
