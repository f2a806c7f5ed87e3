import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLiveEvent, useLiveStatus, type LiveEvent } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';
import { myWorkKey } from './api.ts';

type Payload = { agentId?: string | null; taskId?: string | null };

/** Whether a live event changes what this agent's desktop shows (their presence or their task). */
export function concernsMe(event: LiveEvent<Payload>, agentId: string | undefined, taskId: string | null | undefined): boolean {
  if (!event.type.startsWith('task.') && event.type !== 'agent.state_changed') return false;
  const p = event.payload ?? {};
  return (!!agentId && p.agentId === agentId) || (!!taskId && p.taskId === taskId);
}

/**
 * Keeps the desktop current without clicks: an offer, a timeout, the end of wrap-up or a supervisor's
 * change arrive as events and refetch the agent's work (and changed business hours refetch the queues);
 * after a reconnect it catches up once.
 */
export function useDesktopLive(agentId: string | undefined, taskId: string | null | undefined): void {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const status = useLiveStatus();
  useLiveEvent<Payload>('*', (e) => {
    if (concernsMe(e, agentId, taskId)) void qc.invalidateQueries({ queryKey: myWorkKey(projectId) });
    if (e.type === 'queue.changed') void qc.invalidateQueries({ queryKey: ['queues', projectId] });
  });
  useEffect(() => {
    if (status === 'open') void qc.invalidateQueries({ queryKey: myWorkKey(projectId) });
  }, [status, projectId, qc]);
}
