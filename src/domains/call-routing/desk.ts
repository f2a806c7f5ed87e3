import type { Logger } from 'pino';
import { AppError } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { CallEvent, CallRouter, RouteAnswer, RouteQuestion, RouteTarget } from '../../telephony/port.ts';
import { normalisePhone } from '../contacts/model.ts';
import type { AgentAvailability } from './availability.ts';
import { decide, fallbackDecision, type DecisionInput } from './decide.ts';
import { unknownCaller, type CallerFacts, type Decision, type ProjectRouting } from './model.ts';
import { RouteLog } from './route-log.ts';
import type { RoutingSnapshots } from './snapshots.ts';

/** Who calls from a number, from memory. */
export interface CallerLookup {
  identify(projectId: string, phone: string | null): CallerFacts;
}

export interface DeskDeps {
  snapshots: RoutingSnapshots;
  callers: CallerLookup;
  availability: AgentAvailability;
  bus: EventBus;
  log: Logger;
  /** epoch ms */
  clock: () => number;
  /** The route answer is sent by then, whatever happens (ROUTE_DEADLINE_MS). */
  deadlineMs: number;
  /** The decision policy; `decide` unless a test needs a slow or failing one. */
  policy?: (input: DecisionInput) => Decision | Promise<Decision>;
}

interface Outcome {
  routing: ProjectRouting;
  caller: CallerFacts;
  dialled: string;
  decision: Decision;
}

const REASONS = { 480: 'Temporarily Unavailable', 486: 'Busy Here', 603: 'Declined' } as const;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no decision within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The PBX's caller number as E.164, or null for anonymous, withheld and malformed numbers. */
export function callerPhone(raw: string | null, country: string): string | null {
  if (!raw || !/\d{3}/.test(raw)) return null;
  return normalisePhone(raw, country) ?? null;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The caller. A number the PBX already sends in E.164 (Kamailio, most trunks) is taken as it is: contacts are
 * stored in E.164, so parsing would find no one else, and the record keeps what the network said. Anything
 * else (national format, 00 prefix, spaces) is parsed with the project's country first.
 */
function identifyCaller(callers: CallerLookup, projectId: string, from: string | null, country: string): CallerFacts {
  if (from !== null && E164.test(from)) return callers.identify(projectId, from);
  return callers.identify(projectId, callerPhone(from, country));
}

const dialledMemo = new Map<string, string>();

/** The dialled number as E.164; a PBX dials the same few numbers all day, so their parsing is remembered. */
function dialledNumber(to: string, country: string): string {
  const key = `${country}:${to}`;
  let n = dialledMemo.get(key);
  if (n === undefined) {
    n = normalisePhone(to, country) ?? to;
    if (dialledMemo.size >= 10_000) dialledMemo.clear();
    dialledMemo.set(key, n);
  }
  return n;
}

/**
 * Switchboard's answer to "where does this call go?". Everything it reads is in memory; the answer
 * leaves within the deadline even when something is slow or throws (then it is the project's
 * fallback route, logged as such). Every answer is logged and published as `call.routed`.
 */
export class RoutingDesk implements CallRouter {
  private readonly policy: (input: DecisionInput) => Decision | Promise<Decision>;
  private readonly routeLog: RouteLog;
  private readonly availabilityTests = new Map<string, (agentId: string) => boolean>();

  constructor(private readonly deps: DeskDeps) {
    this.policy = deps.policy ?? decide;
    this.routeLog = new RouteLog(deps.log);
  }

  /** Writes the routed calls still waiting for their batched log line. */
  close(): void {
    this.routeLog.flush();
  }

  async route(q: RouteQuestion): Promise<RouteAnswer> {
    const started = performance.now();
    let outcome: Outcome;
    let fallbackReason: string | null = null;
    try {
      const work = this.compute(q.projectId, q.from, q.to, this.deps.clock(), false);
      // A decision made from memory is already here; only one still waiting can be late.
      outcome = work instanceof Promise ? await withDeadline(work, this.deps.deadlineMs) : work;
    } catch (err) {
      const routing = this.deps.snapshots.peek(q.projectId);
      if (!routing) {
        this.deps.log.error({ err, projectId: q.projectId, callId: q.callId }, 'no routing for project; PBX falls back');
        throw new AppError('ROUTE_UNAVAILABLE', 'Routing for this project is not loaded; use the PBX fallback');
      }
      fallbackReason = (err as Error).message;
      const caller = unknownCaller(callerPhone(q.from, routing.country));
      outcome = { routing, caller, dialled: q.to, decision: fallbackDecision(routing, caller) };
    }
    const answer = toAnswer(outcome.decision, outcome.routing.settings.ringSeconds, fallbackReason !== null);
    this.logAnswer(q, outcome, answer, performance.now() - started, fallbackReason);
    return answer;
  }

  /** The decision with its full trace, for "test this number"; `at` defaults to now. */
  async explain(projectId: string, from: string | null, to: string, at?: number): Promise<Outcome> {
    return this.compute(projectId, from, to, at ?? this.deps.clock(), true);
  }

  /** Turns a PBX's call event into the bus event of the same kind; never throws into the adapter. */
  record(e: CallEvent): void {
    try {
      publishCallEvent(this.deps.bus, e, (ext) => this.agentOf(e.projectId, ext));
    } catch (err) {
      this.deps.log.warn({ err, callId: e.callId, kind: e.kind }, 'call event dropped');
    }
  }

  /** The project's "is this agent available?" test, made once per project rather than once per call. */
  private availabilityIn(projectId: string): (agentId: string) => boolean {
    let test = this.availabilityTests.get(projectId);
    if (!test) this.availabilityTests.set(projectId, (test = (agentId) => this.deps.availability.isAvailable(projectId, agentId)));
    return test;
  }

  private agentOf(projectId: string, extension: string): string | null {
    return this.deps.snapshots.agentOnExtension(projectId, extension);
  }

  private compute(projectId: string, from: string | null, to: string, now: number, trace: boolean): Outcome | Promise<Outcome> {
    const routing = this.deps.snapshots.peek(projectId);
    if (routing) return this.decideWith(routing, projectId, from, to, now, trace);
    return this.deps.snapshots.get(projectId).then((loaded) => {
      if (!loaded) throw new AppError('PROJECT_NOT_FOUND', 'Project not found');
      return this.decideWith(loaded, projectId, from, to, now, trace);
    });
  }

  private decideWith(routing: ProjectRouting, projectId: string, from: string | null, to: string, now: number, trace: boolean): Outcome | Promise<Outcome> {
    const caller = identifyCaller(this.deps.callers, projectId, from, routing.country);
    const dialled = dialledNumber(to, routing.country);
    const decision = this.policy({ routing, caller, dialled, now, isAvailable: this.availabilityIn(projectId), trace });
    if (decision instanceof Promise) return decision.then((d) => ({ routing, caller, dialled, decision: d }));
    return { routing, caller, dialled, decision };
  }

  private logAnswer(q: RouteQuestion, o: Outcome, answer: RouteAnswer, ms: number, fallbackReason: string | null): void {
    const targets = answer.action === 'dial' ? answer.targets.map(targetLabel) : [];
    const line = {
      projectId: q.projectId,
      callId: q.callId,
      from: o.caller.phone,
      to: o.dialled,
      callerKind: o.caller.kind,
      rule: answer.rule.name,
      ruleId: answer.rule.id,
      targets,
      ms: Math.round(ms * 100) / 100,
    };
    if (fallbackReason) this.deps.log.warn({ ...line, reason: fallbackReason }, 'call routed by fallback');
    else this.routeLog.add(line);
    this.deps.bus.publish(q.projectId, 'call.routed', {
      callId: q.callId,
      from: o.caller.phone,
      to: o.dialled,
      contactId: o.caller.contactId,
      callerKind: o.caller.kind,
      ruleId: answer.rule.id,
      ruleName: answer.rule.name,
      fallback: answer.fallback,
      targets,
      ms: line.ms,
    });
  }
}

/** A target as one short label (`agent:211`, `external:+420...`, `voicemail:night`) for logs and events. */
export const targetLabel = (t: RouteTarget): string =>
  t.kind === 'agent' ? `agent:${t.extension}` : t.kind === 'external' ? `external:${t.number}` : `voicemail:${t.box}`;

/** A decision as the port's answer; a rule-less decision is the fallback route. */
export function toAnswer(d: Decision, ringSeconds: number, timedOut: boolean): RouteAnswer {
  const rule = d.rule ?? { id: null, name: 'Fallback route' };
  const fallback = timedOut || d.rule === null;
  if (d.reject !== null) return { action: 'reject', code: d.reject, reason: REASONS[d.reject], rule, fallback };
  return { action: 'dial', targets: d.targets, ringSeconds, rule, fallback };
}

function publishCallEvent(bus: EventBus, e: CallEvent, agentOf: (extension: string) => string | null): void {
  const { projectId, callId } = e;
  switch (e.kind) {
    case 'ringing':
      bus.publish(projectId, 'call.ringing', { callId, from: e.from, to: e.to, targets: e.targets.map(targetLabel) });
      return;
    case 'answered':
      bus.publish(projectId, 'call.answered', { callId, extension: e.extension, agentId: e.extension ? agentOf(e.extension) : null, answeredBy: e.answeredBy ?? null });
      return;
    case 'held':
      bus.publish(projectId, 'call.held', { callId, held: e.held });
      return;
    case 'transferred':
      bus.publish(projectId, 'call.transferred', { callId, to: e.to });
      return;
    case 'ended':
      bus.publish(projectId, 'call.ended', { callId, cause: e.cause, sipCode: e.sipCode });
      return;
    case 'recording':
      bus.publish(projectId, 'call.recording', { callId, url: e.url });
  }
}
