import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useLiveEvent } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';
import { applyFrame, type Card, type CardFrame, type Cards } from './card-model.ts';

export type CallState = 'ringing' | 'talking' | 'held' | 'ended';

/** A call as the calls API and `call.updated` describe it; `id` is the record id, `callId` the PBX's. */
export interface CallInfo {
  id: string;
  callId: string;
  direction: 'inbound' | 'outbound';
  state: CallState;
  agentId: string | null;
  contactId: string | null;
  from: string | null;
  to: string | null;
  outcome?: string | null;
}

export interface HistoryItem {
  type: 'call' | 'task';
  at: string;
  direction?: string;
  outcome?: string | null;
  disposition?: string | null;
  talkSeconds?: number | null;
  title?: string;
  status?: string;
}

/**
 * The caller cards of this agent: those the server still holds (a reloaded desktop), then every
 * `card.frame` pushed to this person's socket. Dismissed cards stay hidden.
 */
export function useCards() {
  const { projectId } = useProject();
  const [cards, setCards] = useState<Cards>({});
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    api<Card[]>(`/projects/${projectId}/cards`)
      .then((list) => live && setCards((prev) => Object.fromEntries([...list.map((c) => [c.base.callId, c] as const), ...Object.entries(prev)])))
      .catch(() => undefined);
    return () => { live = false; };
  }, [projectId]);
  useLiveEvent<CardFrame>('card.frame', (e) => { if (e.payload) setCards((prev) => applyFrame(prev, e.payload!)); });
  const dismiss = useCallback((callId: string) => setDismissed((prev) => new Set([...prev, callId])), []);
  return { cards, dismissed, dismiss };
}

/** Calls in progress (own, for an agent) plus the latest `call.updated` of each, so an ended call is known as ended. */
export function useCalls() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const live = useQuery({ queryKey: ['calls', projectId, 'live'], queryFn: () => api<CallInfo[]>(`/projects/${projectId}/calls/live`) });
  const [updates, setUpdates] = useState<Record<string, CallInfo>>({});
  useLiveEvent<CallInfo>('call.updated', (e) => {
    if (!e.payload) return;
    setUpdates((prev) => ({ ...prev, [e.payload!.callId]: e.payload! }));
    void qc.invalidateQueries({ queryKey: ['calls', projectId, 'live'] });
  });
  const byPbxId = (callId: string): CallInfo | undefined => updates[callId] ?? live.data?.find((c) => c.callId === callId);
  return { byPbxId };
}

export type Command = 'answer' | 'hangup' | 'hold' | 'unhold';

export function useCallControl() {
  const { projectId } = useProject();
  const command = useMutation({ mutationFn: ({ id, cmd }: { id: string; cmd: Command }) => api(`/projects/${projectId}/calls/${id}/${cmd}`, { method: 'POST' }) });
  const transfer = useMutation({
    mutationFn: ({ id, to }: { id: string; to: { agentId: string } | { number: string } }) => api(`/projects/${projectId}/calls/${id}/transfer`, { method: 'POST', body: to }),
  });
  const disposition = useMutation({
    mutationFn: ({ id, disposition, note }: { id: string; disposition: string; note?: string }) =>
      api(`/projects/${projectId}/calls/${id}/disposition`, { method: 'PUT', body: { disposition, ...(note ? { note } : {}) } }),
  });
  return { command, transfer, disposition };
}

export function useContactHistory(contactId: string | null | undefined) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: ['contact-history', projectId, contactId],
    queryFn: () => api<HistoryItem[]>(`/projects/${projectId}/contacts/${contactId}/history`),
    enabled: Boolean(contactId),
    retry: false,
  });
}

export interface Placed {
  id: string;
  callId: string;
  callerId: string | null;
  callerIdReason: string | null;
  trunkName: string | null;
}

export function useClickToCall() {
  const { projectId } = useProject();
  return useMutation({ mutationFn: (to: { contactId?: string; phone?: string }) => api<Placed>(`/projects/${projectId}/calls`, { method: 'POST', body: to }) });
}

export interface Member { id: string; name: string; email: string; role: string }

/** People to transfer a call to: the project's agents. */
export function useAgents() {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['members', projectId, 'agent'], queryFn: () => api<Member[]>(`/projects/${projectId}/members`, { query: { role: 'agent' } }) });
}
