import type { Logger } from 'pino';
import { createRng, exponential, type Rng } from '../../../sim/random.ts';
import type { SimAdapter } from './adapter.ts';
import { realScheduler, type Scheduler } from './scheduler.ts';
import { ANONYMOUS_SHARE, type SimSettings } from './settings.ts';

/** The number customers dial when the project has no tracking numbers. */
export const SIM_DEFAULT_DIALLED = '+420222000111';
const SAMPLE_SIZE = 200;
const RESAMPLE_EVERY = 100;

export interface TrafficDeps {
  sim: SimAdapter;
  log: Logger;
  settings(projectId: string): SimSettings;
  /** A sample of the project's contacts' phone numbers (E.164), from the contacts domain. */
  callers(projectId: string, limit: number): Promise<string[]>;
  /** The numbers customers may dial (the project's tracking numbers); empty -> SIM_DEFAULT_DIALLED. */
  dialled(projectId: string): Promise<string[]>;
  scheduler?: Scheduler;
  seed?: number;
}

interface ProjectTraffic {
  cancel: () => void;
  callers: string[];
  dialled: string[];
  calls: number;
  sampling: Promise<void> | null;
}

const idle = (): ProjectTraffic => ({ cancel: () => undefined, callers: [], dialled: [], calls: 0, sampling: null });

/**
 * Generates inbound calls for each project whose simulator has a rate above zero: Poisson arrivals at
 * the configured calls per minute, from the project's contacts, unknown numbers and a few anonymous
 * callers, to one of the project's numbers. Runs in the process that serves the simulator.
 */
export class SimTraffic {
  private readonly projects = new Map<string, ProjectTraffic>();
  private readonly rng: Rng;
  private readonly scheduler: Scheduler;

  constructor(private readonly d: TrafficDeps) {
    this.rng = createRng(d.seed ?? Date.now());
    this.scheduler = d.scheduler ?? realScheduler;
  }

  /** (Re)starts or stops a project's traffic after its settings changed. */
  refresh(projectId: string, enabled: boolean): void {
    const rate = enabled ? this.d.settings(projectId).inboundPerMinute : 0;
    const current = this.projects.get(projectId);
    current?.cancel();
    if (rate <= 0) {
      this.projects.delete(projectId);
      return;
    }
    const p = current ?? idle();
    p.calls = 0;
    this.projects.set(projectId, p);
    this.schedule(projectId, p);
  }

  /** Places one call now (the timer does this; tests and the CLI may too). */
  async callNow(projectId: string): Promise<void> {
    const p = this.projects.get(projectId) ?? idle();
    if (p.calls++ % RESAMPLE_EVERY === 0) p.sampling = this.sample(projectId, p);
    await p.sampling;
    const to = this.pick(p.dialled) ?? SIM_DEFAULT_DIALLED;
    await this.d.sim.arrive({ projectId, from: this.caller(projectId, p.callers), to });
  }

  private async sample(projectId: string, p: ProjectTraffic): Promise<void> {
    p.callers = await this.d.callers(projectId, SAMPLE_SIZE);
    p.dialled = await this.d.dialled(projectId);
  }

  close(): void {
    for (const p of this.projects.values()) p.cancel();
    this.projects.clear();
  }

  private schedule(projectId: string, p: ProjectTraffic): void {
    const meanMs = 60_000 / this.d.settings(projectId).inboundPerMinute;
    p.cancel = this.scheduler.after(exponential(this.rng, meanMs), () => {
      if (this.projects.get(projectId) !== p) return;
      this.schedule(projectId, p);
      this.callNow(projectId).catch((err) => this.d.log.warn({ err, projectId }, 'simulated inbound call failed'));
    });
  }

  /** Anonymous, an unknown mobile number, or one of the sampled contacts (unknown when there are none). */
  private caller(projectId: string, known: string[]): string | null {
    const u = this.rng.next();
    if (u < ANONYMOUS_SHARE) return null;
    if (u < ANONYMOUS_SHARE + this.d.settings(projectId).unknownShare || known.length === 0) return this.unknownNumber();
    return this.pick(known)!;
  }

  private unknownNumber(): string {
    return `+4207${String(Math.floor(this.rng.next() * 1e8)).padStart(8, '0')}`;
  }

  private pick<T>(xs: T[]): T | undefined {
    return xs.length ? xs[Math.floor(this.rng.next() * xs.length)] : undefined;
  }
}
