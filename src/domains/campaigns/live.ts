import { LiveEstimates, MAX_RING_AGE } from '../../sim/dialer/estimates.ts';
import type { BusyAgent } from '../dialer/pacing.ts';
import type { Campaign } from './model.ts';
import type { WindowCount } from './windows.ts';

/** A campaign call from the moment it is placed until it ends. */
export interface LiveCall {
  callId: string;
  leadId: string;
  phone: string;
  contactId: string | null;
  placedAt: number;
  state: 'ringing' | 'waiting' | 'connected';
  answeredAt: number | null;
  /** The agent on (or reserved for) the call, and the task it is filed as. */
  agentId: string | null;
  taskId: string | null;
  /** Preview and callback dials have their agent before the customer answers: never abandoned. */
  reserved: boolean;
  /** A bridge attempt is under way (no second agent is taken meanwhile). */
  connecting: boolean;
}

/** A lead ready to be dialled, as the hopper keeps it. */
export interface HopperLead {
  id: string;
  phone: string;
  name: string;
  contactId: string | null;
  value: number;
  details: Record<string, unknown>;
  /** The zone its calling hours are read in. */
  timezone: string;
  score: number;
}

/** One agent of the campaign as the pacer sees it (from the routing engine's presence). */
export interface AgentView {
  id: string;
  userId: string;
  name: string;
  state: string;
  since: number;
  taskId: string | null;
}

/** Everything the runner holds in memory for one running campaign. */
export class CampaignRun {
  readonly calls = new Map<string, LiveCall>();
  hopper: HopperLead[] = [];
  hopperAt = 0;
  readonly estimates = new LiveEstimates();
  lastDecay = 0;
  counts: (Record<'today' | '24h' | '30d', WindowCount> & { dialsToday: number; machineToday: number }) | null = null;
  countsAt = 0;
  /** Preview leads reserved per agent: leadId and when it is dialled by itself. */
  readonly previews = new Map<string, { leadId: string; dialAt: number }>();
  ticking = false;

  constructor(public campaign: Campaign) {}

  /** Calls ringing, counted by age in whole seconds (the last index pools older calls). */
  ringingAges(now: number): number[] {
    const ages: number[] = [];
    for (const c of this.calls.values()) {
      if (c.state !== 'ringing') continue;
      const age = Math.min(MAX_RING_AGE, Math.max(0, Math.floor((now - c.placedAt) / 1000)));
      while (ages.length <= age) ages.push(0);
      ages[age]!++;
    }
    return ages;
  }

  count(state: LiveCall['state']): number {
    let n = 0;
    for (const c of this.calls.values()) if (c.state === state) n++;
    return n;
  }

  /** Lines in use per logged-in agent of the campaign: how hard the campaign is dialling right now. */
  dialLevel(agents: number): number {
    const lines = this.calls.size;
    return agents > 0 ? Math.round((lines / agents) * 100) / 100 : 0;
  }
}

/** Busy agents of the campaign for the pacer: talking (busy/reserved) or wrapping up, with time in phase. */
export function busyAgents(agents: readonly AgentView[], now: number): BusyAgent[] {
  const out: BusyAgent[] = [];
  for (const a of agents) {
    const elapsedSeconds = Math.max(0, (now - a.since) / 1000);
    if (a.state === 'busy' || a.state === 'reserved') out.push({ phase: 'talking', elapsedSeconds });
    else if (a.state === 'wrap_up') out.push({ phase: 'wrapping', elapsedSeconds });
  }
  return out;
}
