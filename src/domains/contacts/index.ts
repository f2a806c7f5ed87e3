import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { Accounts } from './accounts.ts';
import { Contacts } from './contacts.ts';
import { PhoneIndex } from './phone-index.ts';
import { ProjectFacts, type MemberLookup } from './project-facts.ts';

/** Accounts, contacts and the in-memory phone index that answers "who is calling?". */
export function createContacts(deps: { db: Db; bus: EventBus; directory: MemberLookup; phoneCacheSize?: number }) {
  const facts = new ProjectFacts(deps.db, deps.directory);
  const phoneIndex = new PhoneIndex(deps.bus, deps.phoneCacheSize);
  return {
    facts,
    phoneIndex,
    contacts: new Contacts(deps.db, deps.bus, facts, phoneIndex),
    accounts: new Accounts(deps.db, deps.bus, facts),
  };
}

export type ContactsDomain = ReturnType<typeof createContacts>;
