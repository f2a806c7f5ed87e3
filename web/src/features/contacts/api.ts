import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Wire } from '../../api/wire.ts';
import type { AccountKind } from '../../../../src/platform/db/schema.ts';
import type { Accounts } from '../../../../src/domains/contacts/accounts.ts';
import type { ContactView } from '../../../../src/domains/contacts/contacts-repo.ts';
import type { Member } from '../members/api.ts';

export type { AccountKind };
export type { Phone } from '../../../../src/domains/contacts/model.ts';

/** A contact as GET /contacts answers it. */
export type Contact = Wire<ContactView>;

type AccountRow = Awaited<ReturnType<Accounts['search']>>['items'][number];
/** An account as GET /accounts answers it; `custom` is a JSON column the server reads as unknown, always an object. */
export type Account = Wire<Omit<AccountRow, 'custom'> & { custom: Record<string, unknown> }>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

interface PageQuery {
  q?: string;
  limit: number;
  offset: number;
}

export interface ContactQuery extends PageQuery {
  accountId?: string;
}

export interface AccountQuery extends PageQuery {
  kind?: AccountKind | null;
}

/** One page of a project's list (`contacts`, `accounts`); the previous page stays on screen while the next loads. */
function usePagedList<T>(resource: 'contacts' | 'accounts', query: PageQuery) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: [resource, projectId, query],
    queryFn: ({ signal }) => api<Page<T>>(`/projects/${projectId}/${resource}`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One page of the project's contacts; the server finds phone numbers in any spelling. */
export const useContacts = (query: ContactQuery) => usePagedList<Contact>('contacts', query);

/** One page of accounts, ordered by name; used by the accounts list and the contact form's account picker. */
export const useAccounts = (query: AccountQuery) => usePagedList<Account>('accounts', query);

export function useContact(contactId: string) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['contact', projectId, contactId], queryFn: () => api<Contact>(`/projects/${projectId}/contacts/${contactId}`) });
}

export function useAccount(accountId: string) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['account', projectId, accountId], queryFn: () => api<Account>(`/projects/${projectId}/accounts/${accountId}`) });
}

/** The project's people (owners of contacts and accounts). */
export function useMembers() {
  const { projectId } = useProject();
  return useQuery({
    queryKey: ['members', projectId],
    queryFn: () => api<Member[]>(`/projects/${projectId}/members`),
    staleTime: 60_000,
  });
}

/** Names of the project's people by id, to show a contact's owner. */
export function useMemberNames(): Map<string, string> {
  const { data } = useMembers();
  return new Map((data ?? []).map((m) => [m.id, m.name || m.email]));
}
