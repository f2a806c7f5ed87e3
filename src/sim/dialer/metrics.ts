import type { Scenario } from './scenario.ts';

/** Per-minute series of one simulated day (for the rolling hour and the chart). */
export interface MinuteSeries {
  dials: Float64Array;
  answered: Float64Array;
  abandoned: Float64Array;
  talkingAgentSeconds: Float64Array;
  readyAgentSeconds: Float64Array;
  inProgressSum: Float64Array;
  dialLevelSum: Float64Array;
}

export interface DayTotals {
  dials: number;
  answered: number;
  machines: number;
  busy: number;
  noAnswer: number;
  connected: number;
  abandoned: number;
}

export interface DayRecord {
  agents: number;
  seconds: number;
  target: number;
  totals: DayTotals;
  minutes: MinuteSeries;
}

/** The figures the CLI prints, defined so they compare across tools (see docs/dialer-simulation.md). */
export interface DaySummary {
  dials: number;
  answered: number;
  connected: number;
  abandoned: number;
  /** abandoned / answered by a person. */
  abandonRate: number;
  /** Highest abandon rate over any 60-minute window (sliding by a minute) inside the day. */
  worstHourAbandonRate: number;
  /** talk time / (agents x scenario duration). */
  occupancy: number;
  /** ready (waiting for a call) time / (agents x scenario duration). */
  idleShare: number;
  talkMinutesPerAgentHour: number;
}

export function emptyDay(s: Scenario, seconds: number): DayRecord {
  const n = Math.ceil(seconds / 60);
  const series = () => new Float64Array(n);
  return {
    agents: s.agents,
    seconds,
    target: s.abandonTarget,
    totals: { dials: 0, answered: 0, machines: 0, busy: 0, noAnswer: 0, connected: 0, abandoned: 0 },
    minutes: {
      dials: series(), answered: series(), abandoned: series(), talkingAgentSeconds: series(),
      readyAgentSeconds: series(), inProgressSum: series(), dialLevelSum: series(),
    },
  };
}

/** Highest abandoned/answered over every full 60-minute window (the whole day if shorter). */
export function worstRollingHour(answered: ArrayLike<number>, abandoned: ArrayLike<number>): number {
  const width = Math.min(60, answered.length);
  let a = 0;
  let x = 0;
  let worst = 0;
  for (let i = 0; i < answered.length; i++) {
    a += answered[i];
    x += abandoned[i];
    if (i >= width) {
      a -= answered[i - width];
      x -= abandoned[i - width];
    }
    if (i >= width - 1 && a > 0) worst = Math.max(worst, x / a);
  }
  return worst;
}

export function summarise(day: DayRecord): DaySummary {
  const t = day.totals;
  const agentSeconds = day.agents * day.seconds;
  const talk = sum(day.minutes.talkingAgentSeconds);
  return {
    dials: t.dials,
    answered: t.answered,
    connected: t.connected,
    abandoned: t.abandoned,
    abandonRate: t.answered === 0 ? 0 : t.abandoned / t.answered,
    worstHourAbandonRate: worstRollingHour(day.minutes.answered, day.minutes.abandoned),
    occupancy: talk / agentSeconds,
    idleShare: sum(day.minutes.readyAgentSeconds) / agentSeconds,
    talkMinutesPerAgentHour: talk / 60 / (agentSeconds / 3600),
  };
}

const sum = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};
