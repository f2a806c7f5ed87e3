import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';

export interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

export function useWebhooks() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['webhooks', projectId], queryFn: () => api<Webhook[]>(`/projects/${projectId}/webhooks`) });
}

export function useWebhook(webhookId: string) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['webhooks', projectId, webhookId], queryFn: () => api<Webhook>(`/projects/${projectId}/webhooks/${webhookId}`) });
}

/** The delivery log; refreshed every few seconds so retries can be watched. */
export function useDeliveries(webhookId: string) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: ['deliveries', projectId, webhookId],
    queryFn: () => api<Delivery[]>(`/projects/${projectId}/webhooks/${webhookId}/deliveries`),
    refetchInterval: 3000,
  });
}

/** Event types a webhook can subscribe to, with the server's description of each. */
export function useEventTypes() {
  return useQuery({ queryKey: ['event-types'], queryFn: () => api<{ type: string; description: string }[]>('/event-types'), staleTime: Infinity });
}

export function useWebhookActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const base = `/projects/${projectId}/webhooks`;
  const refresh = () => qc.invalidateQueries({ queryKey: ['webhooks', projectId] });
  return {
    create: useMutation({
      mutationFn: (body: { url: string; eventTypes: string[] }) => api<Webhook & { secret: string }>(base, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    setActive: useMutation({
      mutationFn: ({ id, active }: { id: string; active: boolean }) => api(`${base}/${id}`, { method: 'PATCH', body: { active } }),
      onSettled: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api(`${base}/${id}`, { method: 'DELETE' }), onSettled: refresh }),
    sendTest: useMutation({
      mutationFn: (id: string) => api(`${base}/${id}/test`, { method: 'POST', body: {} }),
      onSuccess: (_r, id) => qc.invalidateQueries({ queryKey: ['deliveries', projectId, id] }),
    }),
    rotate: useMutation({ mutationFn: (id: string) => api<{ secret: string }>(`${base}/${id}/rotate-secret`, { method: 'POST' }) }),
  };
}
