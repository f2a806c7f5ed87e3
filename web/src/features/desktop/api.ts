import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Wire } from '../../api/wire.ts';
import type { DecisionTrace as ServerTrace } from '../../../../src/domains/tasks/choose.ts';

export type AgentState = 'offline' | 'available' | 'reserved' | 'busy' | 'wrap_up' | 'break';

/** An agent as the routing API presents it (the desktop's own row and the supervisor's list). */
export interface Agent {
  id: string;
  userId: string;
  name: string;
  state: AgentState;
  reason: string | null;
  since: string;
  secondsInState: number;
  taskId: string | null;
  wrapUpUntil: string | null;
  skills: Record<string, number>;
  scoreCap: number | null;
}

export type { ScoreComponents } from '../../../../src/domains/tasks/priority.ts';
/** Why the engine made an offer (the server's trace, as JSON): stored with every offer and shown to the agent and the supervisor. */
export type DecisionTrace = Wire<ServerTrace>;
export type TraceCandidate = DecisionTrace['candidates'][number];

export interface Offer {
  id: string;
  agentId: string;
  offeredAt: string;
  expiresAt: string | null;
  outcome: string | null;
  decidedAt: string | null;
  trace: DecisionTrace;
}

export type TaskStatus = 'queued' | 'offered' | 'accepted' | 'wrap_up' | 'done' | 'expired' | 'cancelled';

export interface Task {
  id: string;
  queueId: string;
  status: TaskStatus;
  externalId: string | null;
  title: string;
  phones: string[];
  value: number;
  dueAt: string | null;
  scheduledAt: string | null;
  eligibleAt: string | null;
  expiresAt: string | null;
  ownerAgentId: string | null;
  agentId: string | null;
  requiredSkills: Record<string, number>;
  details: Record<string, unknown>;
  contactId: string | null;
  disposition: string | null;
  notes: string | null;
  attempts: number;
  createdAt: string;
  completedAt: string | null;
}

export interface TaskWithOffers extends Task {
  offers: Offer[];
}

export interface MyWork {
  agent: Agent;
  task: TaskWithOffers | null;
  offer: Offer | null;
}

export type WeekHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>;

export interface Queue {
  id: string;
  name: string;
  timezone: string;
  settings: {
    slaSeconds: number;
    wrapUpSeconds: number;
    offerTimeoutSeconds: number;
    autoAccept: boolean;
    businessHours: WeekHours | null;
    holidayCountry: string | null;
    closedDays: string[];
  };
}

export type Presence = { state: 'available' | 'offline' } | { state: 'break'; reason: string };

export const myWorkKey = (projectId: string) => ['my-work', projectId];

/** The signed-in agent's presence and the one task offered to or held by them. */
export function useMyWork() {
  const { projectId } = useProject();
  return useQuery({ queryKey: myWorkKey(projectId), queryFn: () => api<MyWork>(`/projects/${projectId}/agents/me`) });
}

/** Queues with their business hours (agents may read them: the callback picker needs them). */
export function useQueues() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['queues', projectId], queryFn: () => api<{ items: Queue[] }>(`/projects/${projectId}/queues`), staleTime: 60_000 });
}

/** Every desktop action answers with fresh state; the cache takes it so the screen never waits for a refetch. */
function useWorkAction<V>(call: (projectId: string, v: V) => Promise<unknown>) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(projectId, v),
    onSettled: () => qc.invalidateQueries({ queryKey: myWorkKey(projectId) }),
  });
}

export function useSetPresence() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Presence) => api<MyWork>(`/projects/${projectId}/agents/me/presence`, { method: 'PUT', body }),
    onSuccess: (work) => qc.setQueryData(myWorkKey(projectId), work),
  });
}

export const useAccept = () => useWorkAction((pid, taskId: string) => api(`/projects/${pid}/tasks/${taskId}/accept`, { method: 'POST' }));
export const useDecline = () => useWorkAction((pid, taskId: string) => api(`/projects/${pid}/tasks/${taskId}/decline`, { method: 'POST' }));

export const useComplete = () =>
  useWorkAction((pid, v: { taskId: string; disposition: string; notes?: string }) =>
    api(`/projects/${pid}/tasks/${v.taskId}/complete`, { method: 'POST', body: { disposition: v.disposition, ...(v.notes ? { notes: v.notes } : {}) } }));

/** Scheduling a callback handles its own errors (the form shows the server's reason next to the picker). */
export function useScheduleCallback() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { taskId: string; at: string; notes?: string }) =>
      api(`/projects/${projectId}/tasks/${v.taskId}/callback`, { method: 'POST', body: { at: v.at, ...(v.notes ? { notes: v.notes } : {}) } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: myWorkKey(projectId) }),
  });
}
