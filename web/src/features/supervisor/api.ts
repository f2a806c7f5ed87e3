import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Wire } from '../../api/wire.ts';
import type { listAgents } from '../../../../src/domains/agents/agent-service.ts';
import type { AgentState } from '../../../../src/domains/agents/presence.ts';
import type { TaskStatus } from '../../../../src/domains/tasks/model.ts';
import type { queueStats } from '../../../../src/domains/tasks/queue-service.ts';
import type { getTask, listTasks } from '../../../../src/domains/tasks/task-service.ts';

/** An agent with live state and time in state, as GET /agents answers it. */
export type Agent = Wire<Awaited<ReturnType<typeof listAgents>>['items'][number]>;
/** A task as GET /tasks answers it. */
export type Task = Wire<Awaited<ReturnType<typeof listTasks>>['items'][number]>;
/** One task with every offer made for it and each offer's decision trace (GET /tasks/:taskId). */
export type TaskWithOffers = Wire<Awaited<ReturnType<typeof getTask>>>;
export type Offer = TaskWithOffers['offers'][number];
export type TraceCandidate = Offer['trace']['candidates'][number];
export type { AgentState, TaskStatus };
/** Live figures of one queue, computed by the engine from memory. */
export type QueueStats = ReturnType<typeof queueStats>['items'][number];

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
