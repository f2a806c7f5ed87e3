import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

/**
 * The payload of every event type. Domains add their own types by module augmentation:
 * `declare module '../../platform/events/bus.ts' { interface EventMap { 'task.created': {...} } }`.
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
  'webhook.test': { message: string };
}

export type EventType = keyof EventMap;

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  projectId: string;
  at: string;
  payload: EventMap[T];
}

/** `local` is true in the process that published the event, false where it arrived by NOTIFY. */
export type EventHandler = (event: DomainEvent, meta: { local: boolean }) => void;

/** One in-process bus. Handlers run synchronously and must not throw; slow work goes to jobs. */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private forwarder: ((event: DomainEvent) => void) | undefined;

  publish<T extends EventType>(projectId: string, type: T, payload: EventMap[T]): DomainEvent<T> {
    const event: DomainEvent<T> = { id: randomUUID(), type, projectId, at: new Date().toISOString(), payload };
    this.deliver(event, true);
    this.forwarder?.(event);
    return event;
  }

  subscribe(handler: EventHandler): () => void {
    const listener = (e: DomainEvent, local: boolean) => {
      try {
        handler(e, { local });
      } catch {
        /* a failing subscriber must not break the publisher or other subscribers */
      }
    };
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
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
    this.emitter.emit('event', event, local);
  }
}
