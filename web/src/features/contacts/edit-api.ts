import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Account, Contact } from './api.ts';
import type { AccountFields, ContactFields } from '../../../../src/domains/contacts/model.ts';

/** What the contact form sends: every field the server takes but the external id; `null` clears a field on edit. */
export type ContactBody = Required<Omit<ContactFields, 'externalId'>>;

/** What the account form sends, likewise. */
export type AccountBody = Required<Omit<AccountFields, 'externalId'>>;

/**
 * Create, update and delete for contacts and accounts. Every success refreshes the lists and detail
 * pages of both (an account's name shows on its contacts); a deletion leaves the deleted record's own
 * page alone, since the caller navigates away from it. Failures are silent here: the forms show them
 * next to the fields, the delete buttons as a notification.
 */
export function useDirectoryWrites() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const refresh = (withDetails: boolean) => () =>
    Promise.all([...(withDetails ? ['contact', 'account'] : []), 'contacts', 'accounts'].map((k) => qc.invalidateQueries({ queryKey: [k, projectId] })));
  const base = `/projects/${projectId}`;
  return {
    saveContact: useMutation({
      mutationFn: ({ id, body }: { id?: string; body: ContactBody }) =>
        api<Contact>(id ? `${base}/contacts/${id}` : `${base}/contacts`, { method: id ? 'PATCH' : 'POST', body }),
      onSuccess: refresh(true),
      meta: { silent: true },
    }),
    deleteContact: useMutation({ mutationFn: (id: string) => api<{ ok: true }>(`${base}/contacts/${id}`, { method: 'DELETE' }), onSuccess: refresh(false), meta: { silent: true } }),
    saveAccount: useMutation({
      mutationFn: ({ id, body }: { id?: string; body: AccountBody }) =>
        api<Account>(id ? `${base}/accounts/${id}` : `${base}/accounts`, { method: id ? 'PATCH' : 'POST', body }),
      onSuccess: refresh(true),
      meta: { silent: true },
    }),
    deleteAccount: useMutation({ mutationFn: (id: string) => api<{ ok: true }>(`${base}/accounts/${id}`, { method: 'DELETE' }), onSuccess: refresh(false), meta: { silent: true } }),
  };
}
