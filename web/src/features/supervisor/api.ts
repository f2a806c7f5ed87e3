import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Agent, Task, TaskStatus, TaskWithOffers } from '../desktop/api.ts';

/** Live figures of one queue, computed by the engine from memory. */
export interface QueueStats {
  queueId: string;
  name: string;
  waiting: number;
  scheduled: number;
  inProgress: number;
  oldestWaitingSeconds: number | null;
  slaAtRisk: number;
  slaOverdue: number;
}

export const keys = {
  stats: (pid: string) => ['queue-stats', pid],
  agents: (pid: string) => ['agents', pid],
  tasks: (pid: string) => ['tasks', pid],
  task: (pid: string, taskId: string) => ['task', pid, taskId],
};

export function useQueueStats() {
  const { projectId } = useProject();
  return useQuery({ queryKey: keys.stats(projectId), queryFn: () => api<{ items: QueueStats[] }>(`/projects/${projectId}/queues/stats`) });
}

export function useAgents() {
  const { projectId } = useProject();
  return useQuery({ queryKey: keys.agents(projectId), queryFn: () => api<{ items: Agent[] }>(`/projects/${projectId}/agents`) });
}

/** Open and recent tasks, optionally of one status. */
export function useTasks(status: TaskStatus | null) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: [...keys.tasks(projectId), status],
    queryFn: () => api<{ items: Task[] }>(`/projects/${projectId}/tasks`, { query: { status, limit: 50 } }),
  });
}

export function useTask(taskId: string | null) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: keys.task(projectId, taskId ?? ''),
    queryFn: () => api<TaskWithOffers>(`/projects/${projectId}/tasks/${taskId}`),
    enabled: !!taskId,
  });
}

/** A supervisor changes an agent's skills and score cap; the list takes the answer at once. */
export function useUpdateAgent() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { agentId: string; skills: Record<string, number>; scoreCap: number | null }) =>
      api<Agent>(`/projects/${projectId}/agents/${v.agentId}`, { method: 'PATCH', body: { skills: v.skills, scoreCap: v.scoreCap } }),
    onSuccess: (agent) => qc.setQueryData<{ items: Agent[] }>(keys.agents(projectId), (old) =>
      old && { items: old.items.map((a) => (a.id === agent.id ? agent : a)) }),
  });
}
