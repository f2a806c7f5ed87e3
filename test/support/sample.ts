import { randomUUID } from 'node:crypto';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
};

/** Candidates tried, in order, for a string that must match a pattern. */
const patternCandidates = ['CZ', 'cs', '+420601123456', '2030-01-01', '09:00', 'seed', 'SEED', '1', 'https://example.test/hook'];

const byFormat: Record<string, () => string> = {
  email: () => 'seed@example.test',
  uuid: () => randomUUID(),
  uri: () => 'https://example.test/hook',
  url: () => 'https://example.test/hook',
  'date-time': () => new Date(Date.now() + 86_400_000).toISOString(),
  date: () => '2030-01-01',
  time: () => '09:00:00',
};

function sampleString(s: JsonSchema): string {
  const formatted = s.format ? byFormat[s.format]?.() : undefined;
  if (formatted) return formatted;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const hit = patternCandidates.find((c) => re.test(c));
    if (hit) return hit;
  }
  const min = Math.max(s.minLength ?? 1, 4);
  return 'seed'.padEnd(min, 'x').slice(0, s.maxLength ?? min);
}

function sampleOf(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return sampleOf(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sampleOf(a) as object));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleOf(s.properties?.[key] ?? {});
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleString(s);
    default:
      return s.default ?? 'seed';
  }
}

/**
 * A minimal value that a route's zod schema accepts (required fields only), or undefined when
 * the generated value does not pass: the caller then needs a hand-written sample.
 */
export function sampleFor(schema: unknown): unknown {
  if (!(schema instanceof z.ZodType)) return schema === undefined ? undefined : {};
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const value = sampleOf(json);
  return schema.safeParse(value).success ? value : undefined;
}

/** Query strings are strings on the wire. */
export function asQuery(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
