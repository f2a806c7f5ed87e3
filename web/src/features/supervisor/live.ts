import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveEvent, useLiveStatus } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';
import type { Agent, AgentState } from './api.ts';
import { keys } from './api.ts';

interface StateChanged {
  agentId: string;
  to: AgentState;
  reason: string | null;
  since: string;
  taskId: string | null;
  wrapUpUntil: string | null;
}

/** Applies an agent.state_changed event to the cached list; false when the agent is not in it yet. */
export function applyStateChange(list: { items: Agent[] } | undefined, p: StateChanged): { items: Agent[] } | null {
  if (!list?.items.some((a) => a.id === p.agentId)) return null;
  return {
    items: list.items.map((a) => (a.id === p.agentId
      ? { ...a, state: p.to, reason: p.reason, since: p.since, secondsInState: 0, taskId: p.taskId, wrapUpUntil: p.wrapUpUntil }
      : a)),
  };
}

/**
 * Keeps the supervisor view live: agent state changes patch the list at once; task and queue events
 * refetch the queue figures and the task list, at most every 400 ms however busy the project is.
 */
export function useSupervisorLive(): void {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const status = useLiveStatus();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void qc.invalidateQueries({ queryKey: keys.stats(projectId) });
      void qc.invalidateQueries({ queryKey: keys.tasks(projectId) });
      void qc.invalidateQueries({ queryKey: ['task', projectId] });
    }, 400);
  };
  useLiveEvent<StateChanged>('agent.state_changed', (e) => {
    const next = e.payload && applyStateChange(qc.getQueryData(keys.agents(projectId)), e.payload);
    if (next) qc.setQueryData(keys.agents(projectId), next);
    else void qc.invalidateQueries({ queryKey: keys.agents(projectId) });
  });
  useLiveEvent('*', (e) => {
    if (e.type.startsWith('task.') || e.type === 'queue.changed') refresh();
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (status !== 'open') return;
    for (const key of [keys.stats(projectId), keys.agents(projectId), keys.tasks(projectId)]) void qc.invalidateQueries({ queryKey: key });
  }, [status, projectId, qc]);
}
