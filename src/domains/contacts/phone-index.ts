import type { ContactsRepo, ContactView } from './contacts-repo.ts';
import type { PhoneDirectory } from './phone-directory.ts';

/**
 * "Who is calling?" with the full contact record, for the by-phone API and the caller card: from
 * the phone directory's memory (complete, so an unknown number is known to be unknown too), or
 * from the database in the short moments the directory is applying a change of the project, so
 * a changed or deleted contact is never served stale.
 */
export class PhoneIndex {
  constructor(
    private readonly directory: PhoneDirectory,
    private readonly repo: ContactsRepo,
  ) {}

  /** The contact holding `phone` (E.164) in the project, or undefined. */
  async lookup(projectId: string, phone: string): Promise<ContactView | undefined> {
    const known = this.directory.view(projectId, phone);
    if (known !== undefined) return known ?? undefined;
    return this.repo.byPhone(projectId, phone);
  }

  /** Whether `phone` is, right now and certainly, a number of one of the project's contacts. */
  holds(projectId: string, phone: string): boolean {
    return this.directory.holds(projectId, phone);
  }
}
