import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useLiveEvent } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';
import type { AbandonWindowName, CallingHours, Campaign, CampaignStatus, Mode, RetryOutcome, RetryRule } from '../../../../src/domains/campaigns/model.ts';
import type { LeadImporter } from '../../../../src/domains/campaigns/lead-import.ts';
import type { Lead } from '../../../../src/domains/campaigns/repo.ts';
import type { LeadStatus } from '../../../../src/platform/db/schema.ts';
import type { CampaignStatsPayload } from '../../../../src/platform/events/bus.ts';

/** The campaigns domain's types (src/domains/campaigns, docs/campaigns.md); the lists below are what the forms offer. */
export type { CallingHours, Lead, LeadStatus, Mode, RetryRule };
export type Status = CampaignStatus;
export type Outcome = RetryOutcome;
export type Window = AbandonWindowName;
export const MODES = ['preview', 'progressive', 'predictive', 'callback'] as const satisfies readonly Mode[];
export const OUTCOMES = ['busy', 'no_answer', 'machine', 'failed', 'abandoned'] as const satisfies readonly Outcome[];
export const WINDOWS = ['today', '24h', '30d'] as const satisfies readonly Window[];
export type CallerId = Campaign['callerId'];
export type { Campaign };
/** What a campaign is created or updated with. */
export type CampaignSettings = Omit<Campaign, 'id' | 'projectId' | 'status' | 'createdAt' | 'updatedAt'>;

/** A lead upload's progress and row errors, as GET .../lead-imports/:id returns it. */
export type LeadImport = Awaited<ReturnType<LeadImporter['get']>>;

export type WindowFigures = CampaignStatsPayload['windows'][string];
export type CampaignAgent = CampaignStatsPayload['agents'][number];

/** The `campaign.stats` event, with the campaign's own names for its keys. */
export type Stats = Omit<CampaignStatsPayload, 'status' | 'mode' | 'leads' | 'windows'> & {
  status: Status;
  mode: Mode;
  leads: Partial<Record<LeadStatus, number>>;
  windows: Record<Window, WindowFigures>;
};

const base = (pid: string) => `/projects/${pid}/campaigns`;
export const keys = {
  list: (pid: string) => ['campaigns', pid],
  one: (pid: string, id: string) => ['campaign', pid, id],
  stats: (pid: string, id: string) => ['campaign-stats', pid, id],
  leadImport: (pid: string, id: string, importId: string) => ['campaign-lead-import', pid, id, importId],
  preview: (pid: string, id: string) => ['campaign-preview', pid, id],
};

/** The project's campaigns (agents get the ones they work); refreshed on every `campaign.changed`. */
export function useCampaigns() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  useLiveEvent('campaign.changed', () => void qc.invalidateQueries({ queryKey: keys.list(projectId) }));
  return useQuery({ queryKey: keys.list(projectId), queryFn: () => api<{ items: Campaign[] }>(base(projectId)) });
}

export function useCampaign(campaignId: string) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  useLiveEvent<{ campaignId: string }>('campaign.changed', (e) => {
    if (e.payload?.campaignId === campaignId) void qc.invalidateQueries({ queryKey: keys.one(projectId, campaignId) });
  });
  return useQuery({ queryKey: keys.one(projectId, campaignId), queryFn: () => api<Campaign>(`${base(projectId)}/${campaignId}`) });
}

/** Creates (no id) or updates a campaign; the list and the campaign's page take the answer. */
export function useSaveCampaign() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Partial<CampaignSettings> }) => (id
      ? api<Campaign>(`${base(projectId)}/${id}`, { method: 'PATCH', body })
      : api<Campaign>(base(projectId), { method: 'POST', body })),
    onSuccess: (c) => {
      qc.setQueryData(keys.one(projectId, c.id), c);
      void qc.invalidateQueries({ queryKey: keys.list(projectId) });
    },
    meta: { silent: true },
  });
}

export type Action = 'start' | 'pause' | 'stop';

/** Start, pause or stop: the server answers the campaign with its new status. */
export function useCampaignAction(campaignId: string) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => api<Campaign>(`${base(projectId)}/${campaignId}/${action}`, { method: 'POST' }),
    onSuccess: (c) => {
      qc.setQueryData(keys.one(projectId, c.id), c);
      void qc.invalidateQueries({ queryKey: keys.list(projectId) });
      void qc.invalidateQueries({ queryKey: keys.stats(projectId, c.id) });
    },
  });
}

/**
 * Live figures: `campaign.stats` events (once a second per running campaign) replace the cached answer at
 * once; polling every 5 s covers a dropped socket and campaigns that are not running.
 */
export function useCampaignStats(campaignId: string) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  useLiveEvent<Stats>('campaign.stats', (e) => {
    if (e.payload?.campaignId === campaignId) qc.setQueryData(keys.stats(projectId, campaignId), e.payload);
  });
  return useQuery({
    queryKey: keys.stats(projectId, campaignId),
    queryFn: () => api<Stats>(`${base(projectId)}/${campaignId}/stats`),
    refetchInterval: 5000,
    placeholderData: keepPreviousData,
  });
}

/** Sends a CSV of leads; the import runs in the background and is followed with `useLeadImport`. */
export function uploadLeads(projectId: string, campaignId: string, file: File): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ id: string }>(`${base(projectId)}/${campaignId}/lead-imports`, { method: 'POST', body: form });
}

/** One lead import: polled every 500 ms while running and refreshed at once on `campaign.lead_import`. */
export function useLeadImport(campaignId: string, importId: string | null) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const key = keys.leadImport(projectId, campaignId, importId ?? '');
  useLiveEvent<{ leadImportId: string }>('campaign.lead_import', (e) => {
    if (e.payload?.leadImportId === importId) void qc.invalidateQueries({ queryKey: key });
  });
  return useQuery({
    queryKey: key,
    enabled: Boolean(importId),
    queryFn: () => api<LeadImport>(`${base(projectId)}/${campaignId}/lead-imports/${importId}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
  });
}
