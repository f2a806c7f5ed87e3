import { afterAll, beforeAll } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from './app.ts';
import { seedProject, type TestProject } from './fixtures.ts';

type StartOptions = NonNullable<Parameters<typeof startTestSwitchboard>[0]>;

/** What `useSwitchboard` sets up: `projects` seeds that many projects, or one per name given. */
export interface SwitchboardSetup extends StartOptions {
  projects?: number | string[];
}

/** The running switchboard and its seeded projects; read them inside hooks and tests, once beforeAll has run. */
export interface SwitchboardFixture {
  readonly sb: TestSwitchboard;
  /** The first seeded project. */
  readonly p: TestProject;
  readonly projects: readonly TestProject[];
}

/**
 * The setup most test files share: one switchboard started in `beforeAll` (of the file or the describe
 * it is called in) with its projects seeded, stopped in `afterAll`. Pass a function for options that
 * need something an earlier `beforeAll` made (an SMTP server's port). Vitest runs `afterAll` hooks in
 * reverse order, so an `afterAll` registered before this call runs after the switchboard has stopped.
 */
export function useSwitchboard(setup: SwitchboardSetup | (() => SwitchboardSetup) = {}): SwitchboardFixture {
  let sb: TestSwitchboard | undefined;
  const projects: TestProject[] = [];
  beforeAll(async () => {
    const { projects: seeds = 1, ...opts } = typeof setup === 'function' ? setup() : setup;
    sb = await startTestSwitchboard(opts);
    const names = typeof seeds === 'number' ? Array.from({ length: seeds }, () => undefined) : seeds;
    for (const name of names) projects.push(await seedProject(sb, name));
  });
  afterAll(async () => {
    await sb?.stop();
  });
  const started = () => {
    if (!sb) throw new Error('useSwitchboard: the switchboard starts in beforeAll; read it inside a hook or a test');
    return sb;
  };
  return {
    get sb() { return started(); },
    get p() { started(); return projects[0]!; },
    projects,
  };
}

/** Two Switchboard processes on one database (B started on A's), and one project seeded through A. */
export async function startTwoProcesses(opts: { a?: StartOptions; b?: StartOptions } = {}) {
  const a = await startTestSwitchboard(opts.a);
  const b = await startTestSwitchboard({ ...opts.b, databaseUrl: a.db.url });
  const p = await seedProject(a);
  return { a, b, p };
}
