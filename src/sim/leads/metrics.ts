import type { DayRun } from './engine.ts';
import type { LeadOutcome, Policy, PolicyResult } from './model.ts';
import type { Scenario } from './scenario.ts';

/** Percentile by nearest rank (p in 0..100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : 0);

interface Totals {
  leads: number;
  revenue: number;
  expectedRevenue: number;
  conversions: number;
  calls: number;
  slaMissed: number;
  openWithinSla: number;
  ages: number[];
  revenueBySegment: Record<string, number>;
}

/**
 * Adds one lead's outcome to the totals. A lead misses its SLA when first contacted later than its
 * SLA after arrival, or never contacted although its deadline passed before shift end. Ages cover
 * contacted leads and, with their age at shift end (a lower bound), never-contacted leads whose
 * deadline passed: rotten leads must not vanish from the statistic. Leads still waiting at shift
 * end within their SLA are neither met nor missed.
 */
function count(t: Totals, o: LeadOutcome, shiftEnd: number): void {
  t.leads++;
  if (o.contactMin === null) {
    if (o.lead.arrivalMin + o.lead.slaMinutes > shiftEnd) t.openWithinSla++;
    else {
      t.slaMissed++;
      t.ages.push(shiftEnd - o.lead.arrivalMin);
    }
    return;
  }
  const age = o.contactMin - o.lead.arrivalMin;
  t.calls++;
  t.ages.push(age);
  if (age > o.lead.slaMinutes) t.slaMissed++;
  t.expectedRevenue += o.lead.value * o.probability;
  if (o.converted) {
    t.conversions++;
    t.revenue += o.lead.value;
    t.revenueBySegment[o.lead.segment] += o.lead.value;
  }
}

/** Mean of the waiting-list samples across days, point by point. */
function meanSamples(days: readonly DayRun[]): number[] {
  const length = Math.max(...days.map((d) => d.samples.length));
  return Array.from({ length }, (_, i) => round(days.reduce((sum, d) => sum + (d.samples[i] ?? 0), 0) / days.length));
}

/** Turns one policy's simulated days into the per-day averages the report shows. */
export function summarise(scenario: Scenario, policy: Policy, days: readonly DayRun[], agents: number): PolicyResult {
  const shiftEnd = scenario.day.shiftHours * 60;
  const segments = Object.fromEntries(scenario.segments.map((s) => [s.name, 0]));
  const t: Totals = { leads: 0, revenue: 0, expectedRevenue: 0, conversions: 0, calls: 0, slaMissed: 0, openWithinSla: 0, ages: [], revenueBySegment: segments };
  for (const day of days) for (const o of day.outcomes) count(t, o, shiftEnd);
  const n = days.length;
  return {
    policy: policy.id,
    label: policy.label,
    leads: round(t.leads / n),
    revenue: Math.round(t.revenue / n),
    expectedRevenue: Math.round(t.expectedRevenue / n),
    conversions: round(t.conversions / n),
    calls: round(t.calls / n),
    callsPerAgentHour: round(t.calls / (n * agents * scenario.day.shiftHours), 2),
    ageP50: round(percentile(t.ages, 50)),
    ageP95: round(percentile(t.ages, 95)),
    slaMissed: round(t.slaMissed / n),
    neverContacted: round((t.leads - t.calls) / n),
    openWithinSla: round(t.openWithinSla / n),
    revenueBySegment: Object.fromEntries(Object.entries(t.revenueBySegment).map(([k, v]) => [k, Math.round(v / n)])),
    waitingOverDay: meanSamples(days),
  };
}
