import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import { forgetOldest } from '../../platform/forget-oldest.ts';
import type { DomainEvent, EventBus } from '../../platform/events/bus.ts';
import type { UserChannel } from '../../platform/ws/user-channel.ts';
import { authHeaders, templateValues, type Connectors } from './connectors.ts';
import type { SourceFetcher } from './fetcher.ts';
import type { ConnectorSpec } from './model.ts';
import type { CardPart } from './parts.ts';
import { callerRecord } from './repo.ts';
import type { Card, CardBase, CardStore, LiveCard } from './store.ts';
import { absoluteUrl, renderTemplate, type TemplateValues } from './template.ts';

/** What the card needs before an agent is known: who calls, which rule routed it. */
export interface CallContext {
  projectId: string;
  direction: 'inbound' | 'outbound';
  phone: string | null;
  line: string | null;
  contactId: string | null;
  /** As routing saw the caller; null: from the contact's account (customer when it has none). */
  callerKind: string | null;
  rule: { id: string | null; name: string } | null;
}

export interface AssemblerDeps {
  db: Db;
  bus: EventBus;
  channel: UserChannel;
  connectors: Connectors;
  fetcher: SourceFetcher;
  store: CardStore;
  /** The agent (user id) on a SIP extension, from call routing's memory. */
  agentForExtension: (projectId: string, extension: string) => string | null;
  /** Who owns a number, from call routing's memory (outbound calls only carry the number). */
  contactForPhone: (projectId: string, phone: string) => string | null;
  /** A call's context from its record (once the record keeper has written what it knows), null when unknown. */
  recordedContext: (projectId: string, pbxCallId: string) => Promise<CallContext | null>;
  selfBase: () => string;
  log: Logger;
  clock?: () => number;
}

/** Outbound calls remembered (not yet ended) before the oldest is forgotten. */
const MAX_CONTEXTS = 20_000;

/** The socket message of every card frame; `kind` says which. */
export const CARD_FRAME = 'card.frame';

/** The part a connector starts as on a card: loading, or skipped when the call lacks what its URL needs. */
export function partsFor(specs: ConnectorSpec[], values: TemplateValues) {
  return specs.map((spec) => {
    const rendered = renderTemplate(spec.urlTemplate, values);
    const part: CardPart = {
      connectorId: spec.id,
      name: spec.name,
      display: spec.display,
      status: rendered.ok ? 'loading' : 'skipped',
      ms: null,
      cached: false,
      content: null,
      error: rendered.ok ? null : `needs ${rendered.missing.join(', ')}`,
    };
    return { spec, part, url: rendered.ok ? rendered.url : null };
  });
}

/** A card is complete when every source answered (or had nothing to be asked), partial otherwise. */
export const finalStatus = (parts: CardPart[]): 'complete' | 'partial' =>
  parts.every((p) => p.status === 'ok' || p.status === 'skipped') ? 'complete' : 'partial';

/**
 * Builds the caller card when a call rings at an agent: frame 1 at once with what Switchboard
 * knows, then each connector's part as it arrives, then a final complete/partial frame — all sent
 * only to that agent's sockets through the private channel, never on the bus. It reacts to call
 * events after the route answer has left, so routing never waits for a card. Only the process
 * that received a call's events builds its card (remote events are ignored). An inbound call that rings
 * nobody with a desktop open costs nothing here: its card is built from the call's record if a later
 * ring or the answer reaches someone who has one.
 */
export class CardAssembler {
  private readonly contexts = new Map<string, CallContext>();
  private readonly off: () => void;
  private readonly clock: () => number;

  constructor(private readonly deps: AssemblerDeps) {
    this.clock = deps.clock ?? Date.now;
    this.off = deps.bus.subscribe((e, meta) => {
      if (meta.local) this.onEvent(e);
    });
  }

  close(): void {
    this.off();
    this.contexts.clear();
  }

  private onEvent(e: DomainEvent): void {
    const p = e.payload as Record<string, unknown>;
    const callId = p.callId as string;
    switch (e.type) {
      case 'call.routed':
        return this.routed(e as DomainEvent<'call.routed'>);
      case 'call.originated':
        return this.originated(e as DomainEvent<'call.originated'>);
      case 'call.ringing':
        return this.ringAt(e.projectId, callId, this.agentsOf(e.projectId, (p.targets as string[]) ?? []));
      case 'call.answered':
        return this.ringAt(e.projectId, callId, p.agentId ? [p.agentId as string] : []);
      case 'call.ended':
        this.contexts.delete(`${e.projectId} ${callId}`);
        return this.ended(e.projectId, callId);
      default:
    }
  }

  private routed(e: DomainEvent<'call.routed'>): void {
    const p = e.payload;
    const agentIds = this.agentsOf(e.projectId, p.targets).slice(0, 1);
    if (!agentIds.some((id) => this.deps.channel.connected(e.projectId, id))) return;
    const ctx: CallContext = { projectId: e.projectId, direction: 'inbound', phone: p.from, line: p.to, contactId: p.contactId, callerKind: p.callerKind, rule: { id: p.ruleId, name: p.ruleName } };
    this.assemble(p.callId, ctx, agentIds).catch((err) => this.deps.log.warn({ err, projectId: e.projectId, callId: p.callId }, 'caller card failed'));
  }

  private originated(e: DomainEvent<'call.originated'>): void {
    const p = e.payload;
    const contactId = p.contactId ?? this.deps.contactForPhone(e.projectId, p.to);
    this.remember(`${e.projectId} ${p.callId}`, { projectId: e.projectId, direction: 'outbound', phone: p.to, line: p.callerId, contactId, callerKind: null, rule: null });
    if (p.agentId) this.ringAt(e.projectId, p.callId, [p.agentId]);
  }

  /**
   * Calls whose end is never reported must not pile up: past MAX_CONTEXTS the oldest tenth is
   * forgotten in one pass (dropping one per call would walk the map's deleted slots every time).
   */
  private remember(key: string, ctx: CallContext): void {
    this.contexts.set(key, ctx);
    if (this.contexts.size > MAX_CONTEXTS) forgetOldest(this.contexts, MAX_CONTEXTS / 10);
  }

  private agentsOf(projectId: string, targets: string[]): string[] {
    const ids = targets.filter((t) => t.startsWith('agent:')).map((t) => this.deps.agentForExtension(projectId, t.slice(6)));
    return ids.filter((id): id is string => id !== null);
  }

  /** The call rings at (or reached) these agents: they get the card, built now if it does not exist. */
  private ringAt(projectId: string, callId: string, agentIds: string[]): void {
    if (!agentIds.length) return;
    const live = this.deps.store.get(projectId, callId);
    if (live) {
      for (const id of agentIds) {
        if (live.recipients.has(id)) continue;
        live.recipients.add(id);
        this.deps.channel.send(projectId, id, frame(projectId, callId, { kind: 'card', card: live.card }));
      }
      return;
    }
    // No desktop of these agents is open here: no card (no database read, no connector calls) until a
    // later ring or the answer reaches someone who has one.
    if (!agentIds.some((id) => this.deps.channel.connected(projectId, id))) return;
    const known = this.contexts.get(`${projectId} ${callId}`);
    const context = known ? Promise.resolve(known) : this.deps.recordedContext(projectId, callId);
    context
      .then((ctx) => (ctx ? this.assemble(callId, ctx, agentIds) : undefined))
      .catch((err) => this.deps.log.warn({ err, projectId, callId }, 'caller card failed'));
  }

  private async assemble(callId: string, ctx: CallContext, agentIds: string[]): Promise<void> {
    const { projectId } = ctx;
    const empty = { contact: null, account: null, owner: null, openTasks: [] };
    const [caller, specs] = await Promise.all([ctx.contactId ? callerRecord(this.deps.db, projectId, ctx.contactId) : empty, this.deps.connectors.enabled(projectId)]);
    if (this.deps.store.get(projectId, callId)) return this.ringAt(projectId, callId, agentIds);
    const base: CardBase = { ...caller, callId, direction: ctx.direction, phone: ctx.phone, line: ctx.line, callerKind: ctx.callerKind ?? caller.account?.kind ?? (caller.contact ? 'customer' : 'unknown'), rule: ctx.rule, at: new Date(this.clock()).toISOString() };
    const planned = partsFor(specs, templateValues(ctx.phone, caller, callId));
    const card: Card = { base, parts: planned.map((x) => x.part), status: 'loading' };
    const live: LiveCard = { projectId, card, recipients: new Set(agentIds), cancel: new AbortController(), endedAt: null };
    this.deps.store.add(live);
    this.push(live, { kind: 'card', card });
    await Promise.all(planned.map(async ({ spec, part, url }, i) => {
      if (!url) return;
      const answer = await this.deps.fetcher.fetch(
        { connectorId: spec.id, display: spec.display, url: absoluteUrl(url, this.deps.selfBase()), headers: authHeaders(spec), deadlineMs: spec.deadlineMs, cacheTtlSeconds: spec.cacheTtlSeconds },
        live.cancel.signal,
      );
      const done: CardPart = { ...part, status: answer.status, ms: answer.ms, cached: answer.cached, content: answer.content, error: answer.error };
      card.parts[i] = done;
      this.push(live, { kind: 'part', part: done });
    }));
    card.status = finalStatus(card.parts);
    this.push(live, { kind: 'done', status: card.status });
  }

  private ended(projectId: string, callId: string): void {
    this.deps.store.ended(projectId, callId, this.clock());
  }

  private push(live: LiveCard, body: Record<string, unknown>): void {
    if (this.deps.store.get(live.projectId, live.card.base.callId) !== live) return;
    for (const id of live.recipients) this.deps.channel.send(live.projectId, id, frame(live.projectId, live.card.base.callId, body));
  }
}

const frame = (projectId: string, callId: string, body: Record<string, unknown>) => ({ type: CARD_FRAME, projectId, payload: { callId, ...body } });
