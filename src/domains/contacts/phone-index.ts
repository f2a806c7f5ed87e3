import type { EventBus } from '../../platform/events/bus.ts';
import type { ContactView } from './contacts-repo.ts';

const invalidating = new Set(['contact.created', 'contact.updated', 'contact.deleted', 'account.updated', 'account.deleted', 'import.progress']);

/**
 * Phone -> contact answers kept in memory for the hot path (the PBX asking "who is calling?").
 * Bounded per project (least recently used dropped first). Any contact, account or import event
 * for a project, whether published here or by another process through the event bridge, drops
 * that project's entries; a generation counter keeps a lookup that raced with a change from
 * storing what it read before the change.
 */
export class PhoneIndex {
  private readonly projects = new Map<string, Map<string, ContactView | null>>();
  private readonly generations = new Map<string, number>();
  private readonly off: () => void;

  constructor(
    bus: EventBus,
    private readonly maxPerProject = 50_000,
  ) {
    this.off = bus.subscribe((e) => {
      if (invalidating.has(e.type)) this.forget(e.projectId);
    });
  }

  /** The cached answer for an E.164 number: a contact, null (known absent) or undefined (not cached). */
  cached(projectId: string, phone: string): ContactView | null | undefined {
    const entries = this.projects.get(projectId);
    const hit = entries?.get(phone);
    if (hit !== undefined) {
      entries!.delete(phone);
      entries!.set(phone, hit);
    }
    return hit;
  }

  async lookup(projectId: string, phone: string, load: () => Promise<ContactView | undefined>): Promise<ContactView | undefined> {
    const hit = this.cached(projectId, phone);
    if (hit !== undefined) return hit ?? undefined;
    const generation = this.generations.get(projectId) ?? 0;
    const found = await load();
    if ((this.generations.get(projectId) ?? 0) === generation) this.remember(projectId, phone, found ?? null);
    return found;
  }

  forget(projectId: string): void {
    this.projects.delete(projectId);
    this.generations.set(projectId, (this.generations.get(projectId) ?? 0) + 1);
  }

  size(projectId: string): number {
    return this.projects.get(projectId)?.size ?? 0;
  }

  close(): void {
    this.off();
  }

  private remember(projectId: string, phone: string, value: ContactView | null): void {
    let entries = this.projects.get(projectId);
    if (!entries) this.projects.set(projectId, (entries = new Map()));
    entries.set(phone, value);
    if (entries.size > this.maxPerProject) entries.delete(entries.keys().next().value!);
  }
}
