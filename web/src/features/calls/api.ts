import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../api/client.ts';
import { useLiveEvent } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';

export const OUTCOMES = ['answered', 'missed', 'voicemail', 'abandoned', 'busy', 'no_answer', 'failed', 'rejected', 'machine'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A call record as GET /calls returns it; `agentId` is the person's user id. */
export interface CallRecord {
  id: string;
  callId: string;
  direction: 'inbound' | 'outbound';
  state: 'ringing' | 'talking' | 'held' | 'ended';
  from: string | null;
  to: string | null;
  contactId: string | null;
  agentId: string | null;
  ruleName: string | null;
  callerId: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  outcome: Outcome | null;
  talkSeconds: number | null;
  durationSeconds: number | null;
  disposition: string | null;
  recordingUrl: string | null;
  cost: number | null;
  currency: string | null;
}

export interface DayStats { day: string; calls: number; handled: number; missed: number; missedShare: number; talkSeconds: number; cost: number }
export interface CallStats { timezone: string; currency: string | null; days: DayStats[]; totals: Omit<DayStats, 'day'> }

export interface CallFilters {
  from: string;
  to: string;
  direction: '' | 'inbound' | 'outbound';
  outcome: '' | Outcome;
  agentId: string;
  offset: number;
}

export const PAGE = 50;

/** Per-day figures for the date range (days in the project's time zone). */
export function useCallStats(range: { from: string; to: string }) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: ['calls', projectId, 'stats', range],
    queryFn: () => api<CallStats>(`/projects/${projectId}/calls/stats`, { query: range }),
    placeholderData: keepPreviousData,
  });
}

/** One page of call records; refreshed (at most once a second) when calls change. */
export function useCallList(f: CallFilters) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const soon = useRef(false);
  useLiveEvent('call.updated', () => {
    if (soon.current) return;
    soon.current = true;
    setTimeout(() => {
      soon.current = false;
      void qc.invalidateQueries({ queryKey: ['calls', projectId, 'list'] });
    }, 1000);
  });
  return useQuery({
    queryKey: ['calls', projectId, 'list', f],
    queryFn: () => api<{ items: CallRecord[]; total: number }>(`/projects/${projectId}/calls`, { query: { ...f, limit: PAGE } }),
    placeholderData: keepPreviousData,
  });
}
