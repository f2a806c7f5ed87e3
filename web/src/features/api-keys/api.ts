import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Role } from '../../app/auth.tsx';
import { useProject } from '../../app/project.tsx';

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function useApiKeys() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['api-keys', projectId], queryFn: () => api<ApiKey[]>(`/projects/${projectId}/api-keys`) });
}

/** Create returns the full key exactly once; the list only ever shows its prefix. */
export function useApiKeyActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['api-keys', projectId] });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; role: Role }) => api<ApiKey & { key: string }>(`/projects/${projectId}/api-keys`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: (id: string) => api(`/projects/${projectId}/api-keys/${id}`, { method: 'DELETE' }), onSettled: refresh }),
  };
}
