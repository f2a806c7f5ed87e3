import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Role } from '../../app/auth.tsx';
import { useProject } from '../../app/project.tsx';
import type { Wire } from '../../api/wire.ts';
import type { Invitations } from '../../../../src/domains/directory/invitations.ts';
import type { Members } from '../../../../src/domains/directory/members.ts';

/** A person of the project as GET /members answers it. */
export type Member = Wire<Awaited<ReturnType<Members['list']>>[number]>;

/** An invitation as GET /invitations answers it. */
export type Invitation = Wire<Awaited<ReturnType<Invitations['list']>>[number]>;

export function useMembers() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['members', projectId], queryFn: () => api<Member[]>(`/projects/${projectId}/members`) });
}

export function useInvitations() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['invitations', projectId], queryFn: () => api<Invitation[]>(`/projects/${projectId}/invitations`) });
}

/** Role changes, removals, invitations and revocations; each refreshes the lists it affects. */
export function useMemberActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const refresh = () => Promise.all([
    qc.invalidateQueries({ queryKey: ['members', projectId] }),
    qc.invalidateQueries({ queryKey: ['invitations', projectId] }),
  ]);
  const base = `/projects/${projectId}`;
  return {
    changeRole: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: Role }) => api(`${base}/members/${userId}`, { method: 'PATCH', body: { role } }),
      onSettled: refresh,
    }),
    remove: useMutation({ mutationFn: (userId: string) => api(`${base}/members/${userId}`, { method: 'DELETE' }), onSettled: refresh }),
    invite: useMutation({
      mutationFn: (body: { email: string; role: Role }) => api<{ id: string }>(`${base}/invitations`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: (id: string) => api(`${base}/invitations/${id}`, { method: 'DELETE' }), onSettled: refresh }),
  };
}
