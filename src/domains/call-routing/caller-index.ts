import type { AccountKind } from '../../platform/db/schema.ts';
import type { CallerLookup } from './desk.ts';
import { unknownCaller, type CallerFacts } from './model.ts';

/**
 * What call routing needs from the contacts domain: who holds a number, from memory. The contacts
 * domain's phone directory provides it (wired in services.ts); routing never reads contact tables.
 */
export interface CallerDirectory {
  find(
    projectId: string,
    phone: string,
  ): { contactId: string; accountId: string | null; accountKind: AccountKind | null; ownerId: string | null; tags: readonly string[] } | undefined;
  size(projectId?: string): number;
}

/** The directory in routing's terms: a contact without an account counts as a customer. */
export class CallerIndex implements CallerLookup {
  constructor(private readonly directory: CallerDirectory) {}

  identify(projectId: string, phone: string | null): CallerFacts {
    const c = phone ? this.directory.find(projectId, phone) : undefined;
    if (!c) return unknownCaller(phone);
    return { phone, kind: c.accountKind ?? 'customer', contactId: c.contactId, accountId: c.accountId, ownerId: c.ownerId, tags: c.tags };
  }

  size(projectId?: string): number {
    return this.directory.size(projectId);
  }
}
