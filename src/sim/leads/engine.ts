import { EventQueue } from './event-queue.ts';
import { conversionProbability } from './arrivals.ts';
import type { LeadOutcome, Policy, SimAgent, SimLead } from './model.ts';
import type { Scenario } from './scenario.ts';

type SimEvent = { kind: 'arrival'; lead: SimLead } | { kind: 'free'; agent: AgentState } | { kind: 'wake' } | { kind: 'sample' };

interface AgentState {
  readonly agent: SimAgent;
  busy: boolean;
  idleSince: number;
  /** a cherry-picker who decided to wait looks again only from this minute */
  readyAt: number;
}

/** Minutes between samples of the waiting list for the chart. */
export const SAMPLE_MINUTES = 15;

/** One policy's day: the event loop. State lives here; the policy only decides. */
class Day {
  private readonly events = new EventQueue<SimEvent>();
  private readonly waiting: SimLead[] = [];
  private readonly agents: AgentState[];
  private readonly outcomes = new Map<number, LeadOutcome>();
  readonly samples: number[] = [];
  readonly shiftEnd: number;

  constructor(
    private readonly scenario: Scenario,
    private readonly policy: Policy,
    leads: readonly SimLead[],
    team: readonly SimAgent[],
  ) {
    this.shiftEnd = scenario.day.shiftHours * 60;
    this.agents = team.map((agent) => ({ agent, busy: false, idleSince: 0, readyAt: 0 }));
    for (const lead of leads) this.events.push(lead.arrivalMin, { kind: 'arrival', lead });
    for (let t = 0; t <= this.shiftEnd; t += SAMPLE_MINUTES) this.events.push(t, { kind: 'sample' });
  }

  run(): LeadOutcome[] {
    for (let e = this.events.pop(); e; e = this.events.pop()) {
      this.apply(e.time, e.event);
      this.dispatch(e.time);
    }
    return [...this.outcomes.values()];
  }

  private apply(now: number, event: SimEvent): void {
    if (event.kind === 'arrival') this.waiting.push(event.lead);
    else if (event.kind === 'sample') this.samples.push(this.waiting.length);
    else if (event.kind === 'free') {
      event.agent.busy = false;
      event.agent.idleSince = now;
    }
  }

  /** Offers work to every free agent, longest idle first (equal distribution), until nothing fits. */
  private dispatch(now: number): void {
    if (now >= this.shiftEnd || this.waiting.length === 0) return;
    const free = this.agents
      .filter((a) => !a.busy && a.readyAt <= now)
      .sort((a, b) => a.idleSince - b.idleSince || a.agent.id - b.agent.id);
    for (const state of free) {
      if (this.waiting.length === 0) return;
      const pick = this.policy.pick(state.agent, this.waiting, now);
      if (pick.kind === 'lead') this.startCall(state, pick.lead, now + pick.selectionMinutes);
      else if (pick.recheckMinutes !== null) {
        state.readyAt = now + pick.recheckMinutes;
        this.events.push(state.readyAt, { kind: 'wake' });
      }
    }
  }

  private startCall(state: AgentState, lead: SimLead, contactMin: number): void {
    this.waiting.splice(this.waiting.indexOf(lead), 1);
    const { agent } = state;
    const p = conversionProbability(this.scenario, lead, agent.skill, contactMin - lead.arrivalMin);
    this.outcomes.set(lead.id, { lead, contactMin, agentId: agent.id, converted: lead.conversionDraw < p, probability: p });
    const { skillSpeed, wrapUpSeconds } = this.scenario.handling;
    const handle = lead.talkMinutes * skillSpeed[agent.skill - 1] + wrapUpSeconds / 60;
    state.busy = true;
    this.events.push(contactMin + handle, { kind: 'free', agent: state });
  }

  /** Leads never contacted, for the metrics. */
  untouched(leads: readonly SimLead[]): LeadOutcome[] {
    return leads.filter((l) => !this.outcomes.has(l.id)).map((lead) => ({ lead, contactMin: null, agentId: null, converted: false, probability: 0 }));
  }
}

/** One policy's day: every lead's outcome and the waiting list sampled every SAMPLE_MINUTES. */
export interface DayRun {
  outcomes: LeadOutcome[];
  samples: number[];
}

/** Runs one policy over one day's leads and team. */
export function runDay(scenario: Scenario, policy: Policy, leads: readonly SimLead[], team: readonly SimAgent[]): DayRun {
  const day = new Day(scenario, policy, leads, team);
  return { outcomes: [...day.run(), ...day.untouched(leads)], samples: day.samples };
}
