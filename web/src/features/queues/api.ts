import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import { keys } from '../supervisor/api.ts';

export type WeekHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>>;

/** Every setting a queue has (GET /queues answers them merged over the defaults). */
export interface QueueSettings {
  weights: { value: number; agePerMinute: number; sla: number; fit: number };
  slaSeconds: number;
  slaRampSeconds: number;
  wrapUpSeconds: number;
  offerTimeoutSeconds: number;
  autoAccept: boolean;
  missedOfferState: 'available' | 'break' | 'offline';
  ownerStickiness: boolean;
  ownerFallbackSeconds: number;
  businessHours: WeekHours | null;
  holidayCountry: string | null;
  closedDays: string[];
}

export interface QueueFull {
  id: string;
  name: string;
  vertical: string | null;
  taskType: string | null;
  timezone: string;
  settings: QueueSettings;
}

export interface QueueInput {
  name: string;
  vertical?: string;
  taskType?: string;
  settings: QueueSettings;
}

/** The server's defaults for a new queue (src/domains/tasks/model.ts DEFAULT_QUEUE_SETTINGS). */
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
