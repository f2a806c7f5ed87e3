import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { ConnectorFields, ConnectorView } from '../../../../src/domains/cards/model.ts';
import type { TestResult } from '../../../../src/domains/cards/connectors.ts';
import type { Display } from '../../../../src/domains/cards/parts.ts';

/** The cards domain's connector types (src/domains/cards); the auth value is write-only (only `hasAuthValue` comes back). */
export type { Display, TestResult };
export type Connector = ConnectorView;
/** Editable fields; `authValue` left out keeps the stored secret, null removes it. */
export type ConnectorInput = ConnectorFields;

/** The placeholders a URL template may use (the server checks them too). */
export const PLACEHOLDERS = ['phone', 'contact.id', 'contact.externalId', 'account.id', 'account.externalId', 'call.id'];

export function useConnectors() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['connectors', projectId], queryFn: () => api<Connector[]>(`/projects/${projectId}/connectors`) });
}

export function useConnectorEdit() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['connectors', projectId] });
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Partial<ConnectorInput> }) =>
      id ? api<Connector>(`/projects/${projectId}/connectors/${id}`, { method: 'PATCH', body }) : api<Connector>(`/projects/${projectId}/connectors`, { method: 'POST', body }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: (id: string) => api(`/projects/${projectId}/connectors/${id}`, { method: 'DELETE' }), onSuccess: done });
  return { save, remove };
}

export function useConnectorTest(id: string) {
  const { projectId } = useProject();
  return useMutation({
    mutationFn: (sample: { phone?: string; contactId?: string }) => api<TestResult>(`/projects/${projectId}/connectors/${id}/test`, { method: 'POST', body: sample }),
  });
}
