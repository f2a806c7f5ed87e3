import { randomUUID } from 'node:crypto';

/**
 * The payload of every event type. Add a type here AND to `eventCatalog` below (tsc fails until
 * both agree): the catalog is what webhooks and tools read at runtime.
 */
export interface EventMap {
  'contact.created': { contactId: string; name: string };
  'contact.updated': { contactId: string; name: string };
  'contact.deleted': { contactId: string };
  'account.created': { accountId: string; name: string; kind: string };
  'account.updated': { accountId: string; name: string; kind: string };
  'account.deleted': { accountId: string };
  'import.progress': { importId: string; rowsImported: number; rowsFailed: number; status: string };
  'member.invited': { email: string; role: string };
  'member.joined': { userId: string; role: string };
  'api_key.revoked': { apiKeyId: string };
  'webhook.test': { message: string };
  'webhook.changed': { webhookId: string; change: 'created' | 'updated' | 'deleted' | 'secret_rotated' };
  'queue.changed': { queueId: string; change: 'created' | 'updated' | 'deleted' };
  'task.created': { taskId: string; queueId: string; value: number; eligibleAt: string | null; ownerAgentId: string | null };
  'task.offered': { taskId: string; queueId: string; agentId: string; offerId: string; expiresAt: string | null; autoAccepted: boolean; reason: string };
  'task.accepted': { taskId: string; agentId: string; offerId: string };
  'task.declined': { taskId: string; agentId: string; offerId: string };
  'task.offer_timed_out': { taskId: string; agentId: string; offerId: string };
  'task.completed': { taskId: string; agentId: string; disposition: string };
  'task.done': { taskId: string; agentId: string | null };
  'task.expired': { taskId: string; queueId: string };
  'task.cancelled': { taskId: string; queueId: string };
  'task.requeued': { taskId: string; queueId: string; eligibleAt: string | null; reason: string };
  'agent.state_changed': {
    agentId: string;
    userId: string;
    from: string;
    to: string;
    reason: string | null;
    since: string;
    taskId: string | null;
    wrapUpUntil: string | null;
  };
  'call.routed': {
    callId: string;
    from: string | null;
    to: string;
    contactId: string | null;
    callerKind: string;
    ruleId: string | null;
    ruleName: string;
    fallback: boolean;
    targets: string[];
    ms: number;
  };
  'call.ringing': { callId: string; from: string | null; to: string; targets: string[] };
  'call.answered': { callId: string; extension: string | null; agentId: string | null; answeredBy: 'human' | 'machine' | null };
  'call.held': { callId: string; held: boolean };
  'call.transferred': { callId: string; to: string };
  'call.ended': { callId: string; cause: string; sipCode: number | null };
  'call.recording': { callId: string; url: string };
  'call.originated': {
    callId: string;
    adapter: string;
    kind: 'click_to_call' | 'campaign';
    to: string;
    callerId: string | null;
    trunkId: string | null;
    agentId: string | null;
    contactId: string | null;
    campaignId: string | null;
    leadId: string | null;
    /** The task the call is filed as, when known as it is placed (a preview or callback campaign call). */
    taskId: string | null;
  };
  'call.updated': {
    id: string;
    callId: string;
    direction: 'inbound' | 'outbound';
    state: 'ringing' | 'talking' | 'held' | 'ended';
    agentId: string | null;
    contactId: string | null;
    from: string | null;
    to: string | null;
    outcome: string | null;
  };
  'call_routing.changed': { change: 'rules' | 'groups' | 'settings' | 'extensions' | 'pbx_token' };
  'numbers.changed': { change: 'caller_id_pools' | 'tracking_numbers' | 'trunks' };
  'campaign.changed': { campaignId: string; change: 'created' | 'updated' | 'deleted' | 'started' | 'paused' | 'stopped' };
  'campaign.stats': CampaignStatsPayload;
  'campaign.dialled': { campaignId: string; leadId: string; callId: string; phone: string; agentId: string | null };
  'campaign.call_result': { campaignId: string; leadId: string; callId: string; outcome: string; agentId: string | null; nextAttemptAt: string | null };
  'campaign.abandoned': { campaignId: string; leadId: string; callId: string };
  'campaign.lead_skipped': { campaignId: string; leadId: string; phone: string; reason: 'dnc' | 'agent' };
  'campaign.preview': { campaignId: string; agentId: string; leadId: string; dialAt: string };
  'campaign.lead_import': { campaignId: string; leadImportId: string; rowsImported: number; rowsFailed: number; status: string };
  'telephony.changed': { change: 'settings' | 'webhook_secret' };
}

/** Live figures of a running campaign (docs/campaigns.md, "Live stats"). */
export interface CampaignStatsPayload {
  campaignId: string;
  status: string;
  mode: string;
  dialLevel: number;
  linesInUse: number;
  maxLines: number;
  ringing: number;
  waiting: number;
  connected: number;
  hopper: number;
  leads: Record<string, number>;
  today: { dials: number; answered: number; machine: number; abandoned: number };
  windows: Record<string, { answered: number; abandoned: number; rate: number }>;
  abandonTarget: number;
  budgetLeft: number;
  agents: Array<{ agentId: string; name: string; state: string; since: string; callId: string | null }>;
  /** How many agents the campaign has (the per-second event lists at most 40 of them). */
  agentsTotal: number;
}

export type EventType = keyof EventMap;

/**
 * Every event type with a one-line description, typed against `EventMap` so that a type missing
 * from either side is a compile error. Webhook subscriptions are validated against it at runtime.
 */
export const eventCatalog: { readonly [T in EventType]: string } = {
  'contact.created': 'A contact was created',
  'contact.updated': 'A contact was changed',
  'contact.deleted': 'A contact was deleted',
  'account.created': 'An account (company) was created',
  'account.updated': 'An account was changed',
  'account.deleted': 'An account was deleted',
  'import.progress': 'A CSV import made progress or finished',
  'member.invited': 'Someone was invited to the project',
  'member.joined': 'An invited person joined the project',
  'api_key.revoked': 'An API key was revoked; every Switchboard process stops accepting it',
  'webhook.test': 'A test event sent from the webhook settings',
  'webhook.changed': 'A webhook was created, changed, deleted or got a new secret',
  'queue.changed': 'A routing queue was created, changed or deleted',
  'task.created': 'A task (lead, callback) entered a queue',
  'task.offered': 'The routing engine offered a task to an agent (committed before it is announced)',
  'task.accepted': 'An agent accepted the offered task (or the queue auto-accepted it)',
  'task.declined': 'An agent declined an offer; the task goes back to the queue',
  'task.offer_timed_out': 'An offer was not answered in time; the task goes back to the queue',
  'task.completed': 'An agent finished a task with a disposition; wrap-up starts',
  'task.done': 'A task left wrap-up and is closed',
  'task.expired': 'A task reached its TTL before anyone took it',
  'task.cancelled': 'A task was cancelled',
  'task.requeued': 'A task went back to its queue, possibly with a retry or callback time',
  'agent.state_changed': 'An agent changed presence state (available, reserved, busy, wrap-up, break, offline)',
  'call.routed': 'An inbound call was routed: the matching rule and the targets it rings',
  'call.ringing': 'The PBX is ringing targets for a call',
  'call.answered': 'A call was answered (by the agent on the given extension)',
  'call.held': 'A call was put on hold or taken off hold',
  'call.transferred': 'A call was transferred',
  'call.ended': 'A call ended, with its cause',
  'call.recording': 'A recording of a call is available',
  'call.originated': 'Switchboard placed an outbound call (click-to-call or a campaign), with the caller ID and trunk chosen',
  'call.updated': 'A call record changed (state, agent, outcome); the desktop and supervisors follow calls with it',
  'call_routing.changed': 'Inbound routing rules, groups, settings, extensions or the PBX token changed',
  'numbers.changed': 'Caller ID pools, tracking numbers or trunks and their prices changed',
  'campaign.changed': 'A dialer campaign was created, changed, deleted, started, paused or stopped',
  'campaign.stats': 'Live figures of a running campaign, once a second (dial level, lines, abandon windows, agents)',
  'campaign.dialled': 'The dialer placed a campaign call to a lead',
  'campaign.call_result': 'A campaign call ended with an outcome (human, machine, busy, no answer, failed, abandoned) and the lead\'s next attempt',
  'campaign.abandoned': 'A person answered a campaign call and no agent was free within 2 seconds: the abandon message was played',
  'campaign.lead_skipped': 'A lead was not dialled: its number is on a do-not-call list, or the agent skipped it in preview',
  'campaign.preview': 'A preview lead was reserved for an agent, with the time it is dialled automatically',
  'campaign.lead_import': 'A campaign lead CSV import made progress or finished',
  'telephony.changed': 'Telephony settings (adapter, webhook URL, simulator) or the webhook secret changed',
};

/** The known event types, read from `eventCatalog`. */
export const eventTypes = Object.keys(eventCatalog) as EventType[];

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  projectId: string;
  at: string;
  payload: EventMap[T];
}

/** `local` is true in the process that published the event, false where it arrived by NOTIFY. */
export type EventHandler = (event: DomainEvent, meta: { local: boolean }) => void;

const LOCAL = Object.freeze({ local: true });
const REMOTE = Object.freeze({ local: false });

let stampMs = -1;
let stamp = '';

/** Now as ISO text; the events of one millisecond (a busy PBX routes dozens) share one string. */
function isoNow(): string {
  const ms = Date.now();
  if (ms !== stampMs) {
    stampMs = ms;
    stamp = new Date(ms).toISOString();
  }
  return stamp;
}

/** One in-process bus. Handlers run synchronously and must not throw; slow work goes to jobs. */
export class EventBus {
  /** Replaced, never changed, on (un)subscribe: a delivery walks the list as it was when the event came. */
  private handlers: readonly EventHandler[] = [];
  private forwarder: ((event: DomainEvent) => void) | undefined;

  publish<T extends EventType>(projectId: string, type: T, payload: EventMap[T]): DomainEvent<T> {
    const event: DomainEvent<T> = { id: randomUUID(), type, projectId, at: isoNow(), payload };
    this.deliver(event, true);
    this.forwarder?.(event);
    return event;
  }

  subscribe(handler: EventHandler): () => void {
    const own = (e: DomainEvent, meta: { local: boolean }) => handler(e, meta);
    this.handlers = [...this.handlers, own];
    return () => {
      this.handlers = this.handlers.filter((h) => h !== own);
    };
  }

  /** Waits for the first event that matches; for tests and tools that need to await state. */
  next(match: (e: DomainEvent) => boolean, timeoutMs = 10_000): Promise<DomainEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching event within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.subscribe((e) => {
        if (!match(e)) return;
        clearTimeout(timer);
        off();
        resolve(e);
      });
    });
  }

  /** Called by the cross-process bridge for events that other processes published. */
  deliverRemote(event: DomainEvent): void {
    this.deliver(event, false);
  }

  setForwarder(forward: ((event: DomainEvent) => void) | undefined): void {
    this.forwarder = forward;
  }

  private deliver(event: DomainEvent, local: boolean): void {
    const meta = local ? LOCAL : REMOTE;
    for (const handler of this.handlers) {
      try {
        handler(event, meta);
      } catch {
        /* a failing subscriber must not break the publisher or other subscribers */
      }
    }
  }
}
