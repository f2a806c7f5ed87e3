/** Types shared by the lead simulation's engine, policies and reports. Times are minutes from shift start. */

/** A lead as the simulation sees it. Its random draws are fixed at arrival so every policy faces the same luck. */
export interface SimLead {
  readonly id: number;
  readonly arrivalMin: number;
  readonly value: number;
  readonly segment: string;
  readonly baseConversion: number;
  /** Minimum sales skill level (1-5) an agent needs for this lead, or null when anyone may call it. */
  readonly requiredSkill: number | null;
  /** Minutes from arrival to the first-contact deadline: the segment's own SLA, else the scenario's. */
  readonly slaMinutes: number;
  /** True when the SLA is the segment's own (a due time on the task), false for the queue default. */
  readonly ownSla: boolean;
  /** Talk time in minutes for an agent of skill 3; scaled by the agent's skillSpeed. */
  readonly talkMinutes: number;
  /** Uniform draw in [0,1): the lead converts when this is below its conversion probability. */
  readonly conversionDraw: number;
}

export interface SimAgent {
  readonly id: number;
  readonly name: string;
  readonly group: string;
  readonly skill: number;
  readonly scoreCap: number | null;
}

/** What a policy answers when an agent is free: a lead (after some selection delay), or wait. */
export type Choice =
  | { kind: 'lead'; lead: SimLead; selectionMinutes: number }
  | { kind: 'wait'; recheckMinutes: number | null };

/** A work-allocation policy. `waiting` is in arrival order; the policy must not mutate it. */
export interface Policy {
  readonly id: PolicyId;
  readonly label: string;
  pick(agent: SimAgent, waiting: readonly SimLead[], nowMin: number): Choice;
}

export type PolicyId = 'fifo' | 'cherry-picking' | 'switchboard';

/** The outcome of one lead under one policy. */
export interface LeadOutcome {
  readonly lead: SimLead;
  readonly contactMin: number | null;
  readonly agentId: number | null;
  readonly converted: boolean;
  /** The conversion probability at first contact (0 when never contacted). */
  readonly probability: number;
}

/** One policy's results over the day. */
export interface PolicyResult {
  readonly policy: PolicyId;
  readonly label: string;
  readonly leads: number;
  readonly revenue: number;
  /** Σ value × conversion probability at first contact: revenue without the luck of the draws. */
  readonly expectedRevenue: number;
  readonly conversions: number;
  readonly calls: number;
  readonly callsPerAgentHour: number;
  /** Age at first contact in minutes; leads never contacted count with their age at shift end. */
  readonly ageP50: number;
  readonly ageP95: number;
  readonly slaMissed: number;
  readonly neverContacted: number;
  /** Leads still waiting at shift end whose SLA deadline lies after it: neither met nor missed. */
  readonly openWithinSla: number;
  readonly revenueBySegment: Record<string, number>;
  /** Waiting leads sampled every 15 minutes, for the chart. */
  readonly waitingOverDay: number[];
}
