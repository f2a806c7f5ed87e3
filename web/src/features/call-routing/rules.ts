import { DateTime } from 'luxon';
import { ApiError } from '../../api/client.ts';
import type { Action, CallerKind, Conditions, Rule, WeekHours } from './api.ts';

/** A tri-state choice in the rule editor: the condition is off ('any') or asks for one of two values. */
export type Choice<T extends string> = 'any' | T;

/** The rule editor's state: every condition in a form a control can hold (empty = not used). */
export interface RuleForm {
  name: string;
  enabled: boolean;
  callerKinds: CallerKind[];
  tagsAny: string[];
  hasOwner: Choice<'yes' | 'no'>;
  dialled: string[];
  day: Choice<'holiday' | 'workday'>;
  hours: Choice<'open' | 'closed'>;
  targetAvailable: Choice<'yes' | 'no'>;
  action: Action;
}

const yesNo = (v: boolean | undefined): Choice<'yes' | 'no'> => (v === undefined ? 'any' : v ? 'yes' : 'no');
const fromYesNo = (v: Choice<'yes' | 'no'>): boolean | undefined => (v === 'any' ? undefined : v === 'yes');

/** The editor's starting state for a rule, or for a new one (no conditions, rings the owner). */
export function toRuleForm(rule: Rule | null): RuleForm {
  const c = rule?.conditions ?? {};
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    callerKinds: c.callerKinds ?? [],
    tagsAny: c.tagsAny ?? [],
    hasOwner: yesNo(c.hasOwner),
    dialled: c.dialled ?? [],
    day: c.day ?? 'any',
    hours: c.hours ?? 'any',
    targetAvailable: yesNo(c.targetAvailable),
    action: rule?.action ?? { type: 'owner' },
  };
}

/** The conditions the API takes: unused ones are left out (an empty list would be refused, and means "any"). */
export function conditionsOf(f: RuleForm): Conditions {
  const c: Conditions = {};
  if (f.callerKinds.length) c.callerKinds = f.callerKinds;
  const tags = [...new Set(f.tagsAny.map((t) => t.trim()).filter(Boolean))];
  if (tags.length) c.tagsAny = tags;
  const owner = fromYesNo(f.hasOwner);
  if (owner !== undefined) c.hasOwner = owner;
  const dialled = f.dialled.map(compactNumber).filter(Boolean);
  if (dialled.length) c.dialled = dialled;
  if (f.day !== 'any') c.day = f.day;
  if (f.hours !== 'any') c.hours = f.hours;
  const available = fromYesNo(f.targetAvailable);
  if (available !== undefined) c.targetAvailable = available;
  return c;
}

/** "+420 601 123 456" -> "+420601123456": people paste numbers with spaces, the API wants E.164. */
export function compactNumber(n: string): string {
  return n.replace(/[\s().-]/g, '');
}

/** A fresh action of a type, keeping what the previous one had when it is the same type. */
export function actionOfType(type: Action['type'], prev: Action, firstGroupId: string | undefined): Action {
  if (prev.type === type) return prev;
  switch (type) {
    case 'owner': return { type };
    case 'group': return { type, groupId: firstGroupId ?? '' };
    case 'external': return { type, number: '' };
    case 'voicemail': return { type, box: 'default' };
    case 'reject': return { type, code: 603 };
  }
}

/** The action as the API takes it: numbers compacted to E.164. */
export function cleanAction(a: Action): Action {
  return a.type === 'external' ? { ...a, number: compactNumber(a.number) } : a;
}

/** The list with the rule at `index` moved by `delta` places (clamped); the same list when it cannot move. */
export function moveItem<T>(rules: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(rules.length - 1, index + delta));
  if (to === index || index < 0 || index >= rules.length) return [...rules];
  const out = [...rules];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

const NESTED = new Set(['conditions', 'action', 'fallback', 'extensions', 'members']);

/**
 * Server errors by form field, so each shows under its control: zod details (`body.conditions.dialled.0` ->
 * `conditions.dialled`, `body.action.number` -> `action.number`, `body.extensions.2.extension` -> `extensions.2`),
 * domain errors that name a `field` in their details, and everything else under `form`.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!err) return {};
  if (!(err instanceof ApiError)) return { form: err instanceof Error ? err.message : String(err) };
  const out: Record<string, string> = {};
  if (err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    for (const d of err.details as Array<{ field?: string; message?: string }>) {
      if (!d.field) continue;
      out[fieldKey(d.field)] ??= d.message ?? err.message;
    }
  }
  const field = (err.details as { field?: unknown } | undefined)?.field;
  if (typeof field === 'string') out[fieldKey(field)] ??= err.message.replace(/^[\w.]+: /, '');
  if (err.code === 'CALL_GROUP_NAME_TAKEN') out.name ??= err.message;
  if (Object.keys(out).length === 0) out.form = err.message;
  return out;
}

function fieldKey(path: string): string {
  const parts = path.replace(/^body\.?/, '').split('.').filter(Boolean);
  if (parts.length === 0) return 'form';
  if ((parts[0] === 'action' || parts[0] === 'fallback') && parts.length === 1) return `${parts[0]}.type`;
  return NESTED.has(parts[0]!) && parts.length > 1 ? `${parts[0]}.${parts[1]}` : parts[0]!;
}

/**
 * "Test this number" at a given local date and time of the project's time zone, as the ISO instant the
 * API takes; undefined (now) when no date is given. `time` defaults to noon.
 */
export function testInstant(date: string | null, time: string | null, zone: string): string | undefined {
  if (!date) return undefined;
  const local = DateTime.fromISO(`${date}T${time || '12:00'}`, { zone });
  return local.isValid ? local.toISO({ suppressMilliseconds: true }) ?? undefined : undefined;
}

/** The extension plan to save: people in list order with a non-blank SIP user, trimmed. */
export function extensionList(draft: Record<string, string>, order: readonly string[]): Array<{ agentId: string; extension: string }> {
  return order.flatMap((agentId) => {
    const extension = (draft[agentId] ?? '').trim();
    return extension ? [{ agentId, extension }] : [];
  });
}

/** Business hours with all seven ISO weekdays present (a day without intervals is closed), as the settings API requires. */
export function fullWeek(hours: WeekHours | null | undefined): WeekHours | null {
  if (!hours) return null;
  return Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, hours[d as keyof WeekHours] ?? []]));
}
