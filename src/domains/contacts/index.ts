import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import { Accounts } from './accounts.ts';
import { Contacts } from './contacts.ts';
import { ContactsRepo } from './contacts-repo.ts';
import { DirectoryRepo } from './directory-repo.ts';
import { PhoneDirectory } from './phone-directory.ts';
import { PhoneIndex } from './phone-index.ts';
import { ProjectFacts, type MemberLookup } from './project-facts.ts';

/**
 * Accounts, contacts, and the phone directory that answers "who is calling?" from memory: the
 * by-phone API reads it, and inbound call routing reads it through a small interface.
 */
export function createContacts(deps: { db: Db; bus: EventBus; log: Logger; directory: MemberLookup }) {
  const facts = new ProjectFacts(deps.db, deps.directory);
  const phoneDirectory = new PhoneDirectory(new DirectoryRepo(deps.db), deps.bus, deps.log.child({ domain: 'contacts' }));
  const phoneIndex = new PhoneIndex(phoneDirectory, new ContactsRepo(deps.db));
  return {
    facts,
    phoneDirectory,
    phoneIndex,
    contacts: new Contacts(deps.db, deps.bus, facts, phoneIndex),
    accounts: new Accounts(deps.db, deps.bus, facts),
    /** Loads every number into the phone directory; calls are answered after this. */
    start: () => phoneDirectory.start(),
    stop(): void {
      phoneDirectory.close();
    },
  };
}

export type ContactsDomain = ReturnType<typeof createContacts>;
