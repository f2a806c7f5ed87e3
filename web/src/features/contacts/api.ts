import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';

export type AccountKind = 'customer' | 'supplier' | 'partner' | 'other';

export interface Phone {
  number: string;
  label: string;
}

export interface Contact {
  id: string;
  externalId: string | null;
  name: string;
  account: { id: string; name: string; kind: AccountKind } | null;
  phones: Phone[];
  emails: string[];
  ownerId: string | null;
  city: string | null;
  region: string | null;
  timezone: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface Account {
  id: string;
  externalId: string | null;
  name: string;
  kind: AccountKind;
  ownerId: string | null;
  city: string | null;
  region: string | null;
  timezone: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ContactQuery {
  q?: string;
  accountId?: string;
  limit: number;
  offset: number;
}

/** One page of the project's contacts; the server finds phone numbers in any spelling. */
export function useContacts(query: ContactQuery) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: ['contacts', projectId, query],
    queryFn: ({ signal }) => api<Page<Contact>>(`/projects/${projectId}/contacts`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContact(contactId: string) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['contact', projectId, contactId], queryFn: () => api<Contact>(`/projects/${projectId}/contacts/${contactId}`) });
}

export function useAccount(accountId: string) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['account', projectId, accountId], queryFn: () => api<Account>(`/projects/${projectId}/accounts/${accountId}`) });
}

export interface Member {
  id: string;
  name: string;
  email: string;
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
