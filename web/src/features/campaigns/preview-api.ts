import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import { myWorkKey } from '../desktop/api.ts';
import { keys, type Lead } from './api.ts';

/** What `GET .../preview/next` answers: the lead reserved for this agent and when the dialer dials it by itself. */
export interface PreviewOffer { lead: Lead; countdownSeconds: number; dialAt: string }

const base = (pid: string, campaignId: string) => `/projects/${pid}/campaigns/${campaignId}/preview`;

/** The preview lead reserved for this agent in one campaign (null: nothing dialable now). */
export function usePreviewLead(campaignId: string, enabled: boolean) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: keys.preview(projectId, campaignId),
    enabled,
    queryFn: async () => (await api<PreviewOffer | undefined>(`${base(projectId, campaignId)}/next`)) ?? null,
    refetchInterval: (q) => (q.state.data ? false : 5000),
  });
}

/** Dial or skip the previewed lead; a dialled lead arrives as the agent's task, a skipped one makes room for the next. */
export function usePreviewAction(campaignId: string) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, leadId }: { action: 'dial' | 'skip'; leadId: string }) =>
      api<{ callId: string } | undefined>(`${base(projectId, campaignId)}/${action}`, { method: 'POST', body: { leadId } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.preview(projectId, campaignId) });
      void qc.invalidateQueries({ queryKey: myWorkKey(projectId) });
    },
  });
}
