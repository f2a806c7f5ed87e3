import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import { keys } from '../supervisor/api.ts';
import type { Wire } from '../../api/wire.ts';
import type { QueueSettings, WeekHours } from '../../../../src/domains/tasks/model.ts';
import type { listQueues, QueueInput } from '../../../../src/domains/tasks/queue-service.ts';

export type { QueueInput, QueueSettings, WeekHours };

/** A queue with its settings merged over the defaults, as GET /queues answers it. */
export type QueueFull = Wire<Awaited<ReturnType<typeof listQueues>>['items'][number]>;

/** The server's defaults for a new queue (src/domains/tasks/model.ts DEFAULT_QUEUE_SETTINGS; a copy, so no server code enters the bundle). */
export const DEFAULT_SETTINGS: QueueSettings = {
  weights: { value: 1, agePerMinute: 10, sla: 5000, fit: 500 },
  slaSeconds: 3600,
  slaRampSeconds: 1800,
  wrapUpSeconds: 30,
  offerTimeoutSeconds: 30,
  autoAccept: false,
  missedOfferState: 'break',
  ownerStickiness: true,
  ownerFallbackSeconds: 600,
  businessHours: null,
  holidayCountry: null,
  closedDays: [],
};

const queuesKey = (pid: string) => ['queues', pid];

export function useQueueList() {
  const { projectId } = useProject();
  return useQuery({ queryKey: queuesKey(projectId), queryFn: () => api<{ items: QueueFull[] }>(`/projects/${projectId}/queues`) });
}

/** Creates (no id) or updates a queue; the queue list and the supervisor's figures refresh after. */
export function useSaveQueue() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: QueueInput }) => (id
      ? api<QueueFull>(`/projects/${projectId}/queues/${id}`, { method: 'PATCH', body })
      : api<QueueFull>(`/projects/${projectId}/queues`, { method: 'POST', body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queuesKey(projectId) });
      void qc.invalidateQueries({ queryKey: keys.stats(projectId) });
    },
    meta: { silent: true },
  });
}
