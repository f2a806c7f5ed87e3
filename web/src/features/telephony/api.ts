import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';

/** What an adapter's PBX can do (src/telephony/port.ts Capabilities). */
export const CAPABILITIES = ['routeQuestions', 'callEvents', 'originate', 'dial', 'bridge', 'abandon', 'answer', 'hangup', 'transfer', 'hold', 'recording'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export type AdapterName = 'sim' | 'kamailio' | 'webhook';

export interface SimSettings {
  inboundPerMinute: number;
  unknownShare: number;
  answerRate: number;
  machineRate: number;
  busyRate: number;
  noAnswerRate: number;
  talkMeanSeconds: number;
  ringMeanSeconds: number;
}

/** GET /api/projects/:projectId/telephony */
export interface TelephonyView {
  adapter: AdapterName;
  capabilities: Record<Capability, boolean>;
  adapters: Array<{ name: AdapterName; capabilities: Record<Capability, boolean> }>;
  webhook: { url: string | null; secretSet: boolean; routeUrl: string; eventsUrl: string };
  sim: SimSettings;
}

export interface TelephonyPatch {
  adapter?: AdapterName;
  webhookUrl?: string | null;
  sim?: Partial<SimSettings>;
}

const key = (pid: string) => ['telephony', pid];

export function useTelephony() {
  const { projectId } = useProject();
  return useQuery({ queryKey: key(projectId), queryFn: () => api<TelephonyView>(`/projects/${projectId}/telephony`) });
}

/** Saving and rotating the secret both refresh the page's view. */
export function useTelephonyActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: key(projectId) });
  return {
    save: useMutation({
      mutationFn: (body: TelephonyPatch) => api<TelephonyView>(`/projects/${projectId}/telephony`, { method: 'PATCH', body }),
      onSuccess: (view) => qc.setQueryData(key(projectId), view),
    }),
    rotate: useMutation({
      mutationFn: () => api<{ secret: string }>(`/projects/${projectId}/telephony/rotate-secret`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}
