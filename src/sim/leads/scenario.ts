import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { distributionSchema } from '../random.ts';

/**
 * The scenario file of `switchboard simulate leads`. Every field has a documented default
 * (docs/simulate-leads.md) except the name and the agents; unknown fields are errors, so a typo
 * never silently falls back to a default.
 */

const skillTable = z.array(z.number().positive()).length(5);

const valueRange = z
  .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

const segment = z.strictObject({
  name: z.string().min(1),
  weight: z.number().positive(),
  value: valueRange,
  baseConversion: z.number().min(0).max(1),
  requiredSkill: z.number().int().min(1).max(5).nullable().default(null),
  slaMinutes: z.number().positive().nullable().default(null),
});

const agentGroup = z.strictObject({
  name: z.string().min(1),
  count: z.number().int().min(1).max(500),
  skill: z.number().int().min(1).max(5),
  scoreCap: z.number().positive().nullable().default(null),
});

const defaultSegments = [
  { name: 'small', weight: 6, value: { min: 100, max: 400 }, baseConversion: 0.25, requiredSkill: null, slaMinutes: null },
  { name: 'medium', weight: 3, value: { min: 400, max: 1500 }, baseConversion: 0.2, requiredSkill: null, slaMinutes: null },
  { name: 'large', weight: 1, value: { min: 1500, max: 6000 }, baseConversion: 0.15, requiredSkill: null, slaMinutes: null },
];

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().default(''),
    seed: z.number().int().min(0).max(4294967295).default(1),
    days: z.number().int().min(1).max(365).default(20),
    day: z
      .strictObject({
        startHour: z.number().int().min(0).max(23).default(8),
        shiftHours: z.number().positive().max(24).default(9),
      })
      .prefault({}),
    arrivals: z
      .strictObject({
        perHour: z.union([z.number().nonnegative(), z.array(z.number().nonnegative()).min(1).max(24)]).default(80),
      })
      .prefault({}),
    segments: z.array(segment).min(1).default(defaultSegments),
    slaMinutes: z.number().positive().default(60),
    conversion: z
      .strictObject({
        halfLifeMinutes: z.number().positive().default(60),
        skillFactor: skillTable.default([0.6, 0.8, 1, 1.15, 1.3]),
        maxProbability: z.number().min(0).max(1).default(0.95),
      })
      .prefault({}),
    handling: z
      .strictObject({
        talkMinutes: distributionSchema.default({ dist: 'lognormal', mean: 5, sd: 2.5, min: 0.5 }),
        wrapUpSeconds: z.number().min(0).default(45),
        skillSpeed: skillTable.default([1.3, 1.15, 1, 0.9, 0.8]),
      })
      .prefault({}),
    agents: z.array(agentGroup).min(1),
    cherryPicking: z
      .strictObject({
        visibleLeads: z.number().int().min(1).default(30),
        skipBelowValue: z.number().min(0).default(300),
        lowValueTakeProbability: z.number().min(0).max(1).default(0.3),
        recheckMinutes: z.number().positive().default(3),
        browseSeconds: z.number().min(0).default(40),
      })
      .prefault({}),
    switchboard: z
      .strictObject({
        weights: z
          .strictObject({
            value: z.number().min(0).optional(),
            agePerMinute: z.number().min(0).optional(),
            sla: z.number().min(0).optional(),
            fit: z.number().min(0).optional(),
          })
          .prefault({}),
        slaRampMinutes: z.number().positive().optional(),
      })
      .prefault({}),
  })
  .refine((s) => !Array.isArray(s.arrivals.perHour) || s.arrivals.perHour.length <= Math.ceil(s.day.shiftHours), {
    message: 'arrivals.perHour has more hours than day.shiftHours',
    path: ['arrivals', 'perHour'],
  });

export type Scenario = z.output<typeof scenarioSchema>;

/** A scenario that failed validation; `issues` name each offending field. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`invalid scenario ${source}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${fieldPath([...issue.path, key])}: unknown field`);
  }
  return [`${at || '(root)'}: ${issue.message}`];
}

/** Validates already-parsed JSON and applies defaults. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(source, result.error.issues.flatMap(describeIssue));
  return result.data;
}

/** Reads and validates a scenario file; bad JSON and bad fields both become a ScenarioError. */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(file, [`cannot read file: ${(err as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseScenario(json, file);
}
