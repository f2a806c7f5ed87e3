import { z } from 'zod';
import { distributionSchema, type Distribution } from '../random.ts';

/**
 * A dialer simulation scenario, as written in examples/scenarios/dialer-*.json. Strict: an unknown
 * field or a wrong type is an error naming the field, because a typo silently falling back to a
 * default would make two runs look comparable when they are not.
 */
export const dialerModes = ['preview', 'progressive', 'predictive', 'fixed-ratio', 'vicidial-adaptive'] as const;
export type DialerMode = (typeof dialerModes)[number];

const rate = z.number().min(0).max(1);
const answerRateSchema = z.union([
  rate,
  z
    .array(z.strictObject({ fromHour: z.number().min(0), value: rate }))
    .min(1)
    .refine((steps) => steps.every((s, i) => i === 0 || s.fromHour > steps[i - 1].fromHour), {
      message: 'fromHour must increase from one step to the next',
    }),
]);

const defaults = {
  ringSeconds: { dist: 'lognormal', mean: 12, sd: 6, min: 3, max: 40 },
  noAnswerSeconds: { dist: 'fixed', mean: 30 },
  talkSeconds: { dist: 'lognormal', mean: 180, sd: 120, min: 20 },
  wrapSeconds: { dist: 'fixed', mean: 15 },
} satisfies Record<string, Distribution>;

export const scenarioSchema = z
  .strictObject({
    seed: z.number().int().default(1),
    hours: z.number().positive().max(24).default(8),
    agents: z.number().int().positive().max(5000),
    mode: z.enum(dialerModes).default('predictive'),
    ratio: z.number().min(0.1).max(100).optional(),
    abandonTarget: z.number().gt(0).lt(1).default(0.03),
    answerRate: answerRateSchema,
    machineRate: rate.default(0),
    busyRate: rate.default(0),
    ringSeconds: distributionSchema.default(defaults.ringSeconds),
    noAnswerSeconds: distributionSchema.default(defaults.noAnswerSeconds),
    talkSeconds: distributionSchema.default(defaults.talkSeconds),
    wrapSeconds: distributionSchema.default(defaults.wrapSeconds),
    lines: z.number().int().positive().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.mode === 'fixed-ratio' && s.ratio === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ratio'], message: 'ratio is required when mode is fixed-ratio' });
    }
    const answerRates = typeof s.answerRate === 'number' ? [s.answerRate] : s.answerRate.map((x) => x.value);
    if (Math.max(...answerRates) + s.machineRate + s.busyRate > 1) {
      ctx.addIssue({ code: 'custom', path: ['answerRate'], message: 'answerRate + machineRate + busyRate must not exceed 1' });
    }
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A scenario that failed validation; `problems` name each field and what is wrong with it. */
export class ScenarioError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid scenario:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates parsed JSON into a scenario with every default filled in, or throws ScenarioError. */
export function parseScenario(json: unknown): Scenario {
  const result = scenarioSchema.safeParse(json);
  if (result.success) return result.data;
  throw new ScenarioError(result.error.issues.map(describeIssue));
}

/** Reads the scenario text of a file (JSON) and validates it. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError([`${source} is not valid JSON: ${(err as Error).message}`]);
  }
  return parseScenario(json);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${field}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.join(', ')}`;
  }
  return `${field}: ${issue.message}`;
}

/** The person-answer probability in force at `second` of the day. */
export function answerRateAt(s: Scenario, second: number): number {
  if (typeof s.answerRate === 'number') return s.answerRate;
  const hour = second / 3600;
  let value = s.answerRate[0].value;
  for (const step of s.answerRate) if (step.fromHour <= hour) value = step.value;
  return value;
}
