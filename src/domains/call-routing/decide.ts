import { DateTime } from 'luxon';
import { isClosedDay, isOpen, type Calendar } from '../tasks/calendar.ts';
import type { Action, CallerFacts, Conditions, Decision, DecidedTarget, ProjectRouting, Rule, RuleTrace } from './model.ts';

/** Everything one decision depends on; the clock is a parameter so the decision is pure. */
export interface DecisionInput {
  routing: ProjectRouting;
  caller: CallerFacts;
  /** The number dialled, E.164 when it could be read. */
  dialled: string;
  /** epoch ms */
  now: number;
  isAvailable: (agentId: string) => boolean;
  /** Whether to list every rule's result (for "test this number"); routing a call skips it. Default true. */
  trace?: boolean;
}


const closedDayMemo = new WeakMap<ProjectRouting, Map<string, boolean>>();
/** The local day (epoch ms range) last asked about per snapshot: most calls fall into the same day. */
const dayMemo = new WeakMap<ProjectRouting, { from: number; to: number; holiday: boolean }>();
/** Open or not, per snapshot and epoch minute: hours are whole minutes and zone offsets too. */
const minuteMemo = new WeakMap<ProjectRouting, { minute: number; open: boolean }>();

function calendarOf(r: ProjectRouting): Calendar {
  const s = r.settings;
  return { timezone: s.timezone, businessHours: s.businessHours, holidayCountry: s.holidayCountry, closedDays: s.closedDays };
}

/** Whether `now` falls on a holiday; memoised per project snapshot and local day, the calendar lookup is slow. */
function holidayAt(r: ProjectRouting, now: number): boolean {
  const today = dayMemo.get(r);
  if (today && now >= today.from && now < today.to) return today.holiday;
  const day = DateTime.fromMillis(now, { zone: r.settings.timezone }).startOf('day');
  const key = day.toISODate() ?? '';
  let memo = closedDayMemo.get(r);
  if (!memo) closedDayMemo.set(r, (memo = new Map()));
  let v = memo.get(key);
  if (v === undefined) {
    v = isClosedDay(calendarOf(r), day);
    if (memo.size > 400) memo.clear();
    memo.set(key, v);
  }
  dayMemo.set(r, { from: day.toMillis(), to: day.plus({ days: 1 }).toMillis(), holiday: v });
  return v;
}

function openAt(r: ProjectRouting, now: number): boolean {
  const minute = Math.floor(now / 60_000);
  const memo = minuteMemo.get(r);
  if (memo?.minute === minute) return memo.open;
  const open = !holidayAt(r, now) && isOpen(calendarOf(r), now);
  minuteMemo.set(r, { minute, open });
  return open;
}

/**
 * One decision's input with the calendar's answers worked out at most once, when a rule first asks. A class,
 * so that routing a call creates one object and no closures.
 */
class Context implements DecisionInput {
  readonly routing: ProjectRouting;
  readonly caller: CallerFacts;
  readonly dialled: string;
  readonly now: number;
  readonly isAvailable: (agentId: string) => boolean;
  private knownHoliday: boolean | undefined;
  private knownOpen: boolean | undefined;

  constructor(input: DecisionInput) {
    this.routing = input.routing;
    this.caller = input.caller;
    this.dialled = input.dialled;
    this.now = input.now;
    this.isAvailable = input.isAvailable;
  }

  holiday(): boolean {
    return (this.knownHoliday ??= holidayAt(this.routing, this.now));
  }

  open(): boolean {
    return (this.knownOpen ??= openAt(this.routing, this.now));
  }
}

function agent(ctx: Context, agentId: string): DecidedTarget | undefined {
  const extension = ctx.routing.extensions.get(agentId);
  return extension ? { kind: 'agent', agentId, extension } : undefined;
}

/**
 * What an action rings, or null when it cannot ring anyone (no owner, no member with an extension).
 * A group rings its available members in order; when none is known to be available it rings them
 * all, because presence can be stale and a ring beats a dropped call.
 */
export function targetsOf(action: Action, ctx: Context): DecidedTarget[] | null {
  switch (action.type) {
    case 'owner': {
      const owner = ctx.caller.ownerId ? agent(ctx, ctx.caller.ownerId) : undefined;
      return owner ? [owner] : null;
    }
    case 'group': {
      const group = ctx.routing.groups.get(action.groupId);
      const members = (group?.members ?? []).map((id) => agent(ctx, id)).filter((t): t is DecidedTarget & { kind: 'agent' } => !!t);
      if (members.length === 0) return null;
      const available = members.filter((m) => ctx.isAvailable(m.agentId));
      return available.length > 0 ? available : members;
    }
    case 'external':
      return [{ kind: 'external', number: action.number }];
    case 'voicemail':
      return [{ kind: 'voicemail', box: action.box }];
    case 'reject':
      return [];
  }
}

function targetAvailable(action: Action, ctx: Context): boolean {
  if (action.type === 'owner') return !!ctx.caller.ownerId && ctx.isAvailable(ctx.caller.ownerId);
  if (action.type === 'group') return (ctx.routing.groups.get(action.groupId)?.members ?? []).some((id) => ctx.isAvailable(id));
  return true;
}

type Check = (c: Conditions, ctx: Context, action: Action) => boolean;

/** Cheap checks first; availability last. */
const checks: Array<[keyof Conditions, Check]> = [
  ['callerKinds', (c, ctx) => c.callerKinds!.includes(ctx.caller.kind)],
  ['hasOwner', (c, ctx) => (ctx.caller.ownerId !== null) === c.hasOwner],
  ['dialled', (c, ctx) => c.dialled!.includes(ctx.dialled)],
  ['tagsAny', (c, ctx) => c.tagsAny!.some((t) => ctx.caller.tags.includes(t))],
  ['day', (c, ctx) => ctx.holiday() === (c.day === 'holiday')],
  ['hours', (c, ctx) => ctx.open() === (c.hours === 'open')],
  ['targetAvailable', (c, ctx, a) => targetAvailable(a, ctx) === c.targetAvailable],
];

type RuleChecks = Array<[keyof Conditions, Check]>;

/**
 * The checks of the conditions each rule sets, in evaluation order, by the rule's position: built once per
 * snapshot (snapshots replace their rules, never change them), so a decision looks them up once, not per rule.
 */
const checksBySnapshot = new WeakMap<ProjectRouting, RuleChecks[]>();

function checksOf(routing: ProjectRouting): RuleChecks[] {
  let list = checksBySnapshot.get(routing);
  if (!list) {
    list = routing.rules.map((rule) => checks.filter(([key]) => rule.conditions[key] !== undefined));
    checksBySnapshot.set(routing, list);
  }
  return list;
}

function firstFailing(rule: Rule, ruleChecks: RuleChecks, ctx: Context): RuleTrace['failed'] {
  if (!rule.enabled) return 'disabled';
  for (const [key, check] of ruleChecks) {
    if (!check(rule.conditions, ctx, rule.action)) return key;
  }
  return null;
}

const ref = (r: Rule) => ({ id: r.id, name: r.name });

function mergeTargets(first: DecidedTarget[], more: DecidedTarget[]): DecidedTarget[] {
  const seen = new Set(first.map((t) => (t.kind === 'agent' ? t.agentId : `${t.kind}:${JSON.stringify(t)}`)));
  return [...first, ...more.filter((t) => !(t.kind === 'agent' && seen.has(t.agentId)))];
}

/** The first rule after `from` that fires with something other than the owner: where an unanswered owner call overflows. */
function overflowAfter(ctx: Context, ruleChecks: RuleChecks[], from: number): { rule: Rule; targets: DecidedTarget[] } | null {
  const { rules } = ctx.routing;
  for (let i = from + 1; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.action.type === 'owner' || rule.action.type === 'reject' || firstFailing(rule, ruleChecks[i]!, ctx) !== null) continue;
    const targets = targetsOf(rule.action, ctx);
    if (targets && targets.length > 0) return { rule, targets };
  }
  return null;
}

/**
 * The inbound routing decision: the first enabled rule whose conditions all hold and whose action
 * can ring someone wins; with no such rule the project's fallback route is used, and when even
 * that has no one to ring the call is rejected with 480. Always returns a route; never touches I/O.
 */
export function decide(input: DecisionInput): Decision {
  const ctx = new Context(input);
  const trace: RuleTrace[] = [];
  const tracing = input.trace !== false;
  const rules = input.routing.rules;
  const ruleChecks = checksOf(input.routing);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const failed = firstFailing(rule, ruleChecks[i]!, ctx);
    const targets = failed === null ? targetsOf(rule.action, ctx) : null;
    if (failed !== null || targets === null) {
      if (tracing) trace.push({ ruleId: rule.id, name: rule.name, matched: false, failed: failed ?? 'no_target' });
      continue;
    }
    if (tracing) trace.push({ ruleId: rule.id, name: rule.name, matched: true, failed: null });
    const over = rule.action.type === 'owner' ? overflowAfter(ctx, ruleChecks, i) : null;
    return {
      rule: ref(rule),
      action: rule.action,
      overflow: over ? ref(over.rule) : null,
      targets: over ? mergeTargets(targets, over.targets) : targets,
      reject: rule.action.type === 'reject' ? rule.action.code : null,
      trace,
    };
  }
  return { ...fallbackDecision(input.routing, input.caller), trace };
}

const anyone = () => true;

/** The project's fallback route, ignoring availability: what a call gets when nothing matches or time runs out. */
export function fallbackDecision(routing: ProjectRouting, caller: CallerFacts): Decision {
  const action = routing.settings.fallback;
  const ctx = new Context({ routing, caller, dialled: '', now: 0, isAvailable: anyone });
  const targets = targetsOf(action, ctx);
  const reject = action.type === 'reject' ? action.code : targets && targets.length > 0 ? null : 480;
  return { rule: null, action, overflow: null, targets: targets ?? [], reject, trace: [] };
}
