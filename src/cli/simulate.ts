import type { Command } from 'commander';
import { simulateDialerCommand } from './simulate-dialer.ts';
import { simulateLeadsCommand } from './simulate-leads.ts';

/**
 * The `simulate` command group: offline simulations that need no database. Each simulation is one
 * subcommand registered here, so adding another is one `.command(...)` block.
 */
export function registerSimulate(program: Command): Command {
  const simulate = program.command('simulate').description('run offline simulations (no database needed)');
  simulate
    .command('dialer')
    .description('simulate a day of a dialer campaign (see docs/dialer-simulation.md)')
    .requiredOption('--scenario <file>', 'scenario JSON file, e.g. examples/scenarios/dialer-50-agents-ar035.json')
    .option('--json', 'print the figures as JSON')
    .option('--hindsight', 'also search the best fixed dial ratio for this run')
    .option('--chart <path>', 'write an HTML chart of dial level, abandon rate and occupancy')
    .action(simulateDialerCommand);
  simulate
    .command('leads')
    .description('compare FIFO, cherry-picking and Switchboard routing on simulated sales leads (see docs/simulate-leads.md)')
    .requiredOption('--scenario <file>', 'scenario JSON file, e.g. examples/scenarios/leads-small-team-web-leads.json')
    .option('--json', 'print the figures as JSON')
    .option('--chart <path>', 'write a self-contained HTML chart comparing the policies')
    .option('--seed <n>', 'override the scenario seed')
    .option('--days <n>', 'override the number of simulated days')
    .action(simulateLeadsCommand);
  return simulate;
}
