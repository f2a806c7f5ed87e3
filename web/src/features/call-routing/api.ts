import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { WeekHours } from '../queues/api.ts';

export type { WeekHours };

/** The caller's kind as routing sees it (src/domains/call-routing/model.ts). */
export const CALLER_KINDS = ['unknown', 'customer', 'supplier', 'partner', 'other'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** A rule's conditions; each one is optional and a rule fires when all it has hold. */
export interface Conditions {
  callerKinds?: CallerKind[];
  tagsAny?: string[];
  hasOwner?: boolean;
  dialled?: string[];
  day?: 'holiday' | 'workday';
  hours?: 'open' | 'closed';
  targetAvailable?: boolean;
}

export const ACTION_TYPES = ['owner', 'group', 'external', 'voicemail', 'reject'] as const;
export type RejectCode = 480 | 486 | 603;
export type Action =
  | { type: 'owner' }
  | { type: 'group'; groupId: string }
  | { type: 'external'; number: string }
  | { type: 'voicemail'; box: string }
  | { type: 'reject'; code: RejectCode };

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: Conditions;
  action: Action;
}

export interface RuleInput {
  name: string;
  enabled: boolean;
  conditions: Conditions;
  action: Action;
}

export interface CallGroup {
  id: string;
  name: string;
  members: string[];
}

export interface Extension {
  agentId: string;
  extension: string;
}

export interface RoutingSettings {
  timezone: string;
  holidayCountry: string | null;
  closedDays: string[];
  businessHours: WeekHours | null;
  fallback: Action;
  ringSeconds: number;
  pbxTokenPrefix: string | null;
}

export type TraceFailure = keyof Conditions | 'disabled' | 'no_target' | null;

/** The answer of POST /routing-rules/test: the caller identified, the winning rule and why earlier ones did not fire. */
export interface TestResult {
  caller: { phone: string | null; kind: CallerKind; contactId: string | null; accountId: string | null; ownerId: string | null; tags: string[] };
  dialled: string;
  at: string;
  rule: { id: string; name: string } | null;
  action: Action;
  overflow: { id: string; name: string } | null;
  targets: Array<{ kind: 'agent'; agentId: string; extension: string } | { kind: 'external'; number: string } | { kind: 'voicemail'; box: string }>;
  reject: RejectCode | null;
  fallback: boolean;
  trace: Array<{ ruleId: string; name: string; matched: boolean; failed: TraceFailure }>;
}

export const crKeys = {
  rules: (pid: string) => ['call-routing', pid, 'rules'],
  groups: (pid: string) => ['call-routing', pid, 'groups'],
  extensions: (pid: string) => ['call-routing', pid, 'extensions'],
  settings: (pid: string) => ['call-routing', pid, 'settings'],
};

export function useRules() {
  const { projectId } = useProject();
  return useQuery({ queryKey: crKeys.rules(projectId), queryFn: () => api<Rule[]>(`/projects/${projectId}/routing-rules`) });
}

export function useCallGroups() {
  const { projectId } = useProject();
  return useQuery({ queryKey: crKeys.groups(projectId), queryFn: () => api<CallGroup[]>(`/projects/${projectId}/call-groups`) });
}

export function useExtensions() {
  const { projectId } = useProject();
  return useQuery({ queryKey: crKeys.extensions(projectId), queryFn: () => api<Extension[]>(`/projects/${projectId}/call-routing/extensions`) });
}

export function useRoutingSettings() {
  const { projectId } = useProject();
  return useQuery({ queryKey: crKeys.settings(projectId), queryFn: () => api<RoutingSettings>(`/projects/${projectId}/call-routing/settings`) });
}

/** Rule changes: the list refreshes after each; reordering shows the new order at once (optimistic). */
export function useRuleActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const key = crKeys.rules(projectId);
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const base = `/projects/${projectId}/routing-rules`;
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id: string | null; body: RuleInput & { position?: number } }) =>
        id ? api<Rule>(`${base}/${id}`, { method: 'PATCH', body }) : api<Rule>(base, { method: 'POST', body }),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    toggle: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => api<Rule>(`${base}/${id}`, { method: 'PATCH', body: { enabled } }),
      onSettled: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api(`${base}/${id}`, { method: 'DELETE' }), onSettled: refresh }),
    reorder: useMutation({
      mutationFn: (rules: Rule[]) => api<Rule[]>(`${base}/order`, { method: 'PUT', body: { ruleIds: rules.map((r) => r.id) } }),
      onMutate: (rules) => qc.setQueryData(key, rules),
      onSettled: refresh,
    }),
  };
}

export function useTestNumber() {
  const { projectId } = useProject();
  return useMutation({
    mutationFn: (body: { from: string | null; to: string; at?: string }) => api<TestResult>(`/projects/${projectId}/routing-rules/test`, { method: 'POST', body }),
    meta: { silent: true },
  });
}

export function useGroupActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: crKeys.groups(projectId) });
  const base = `/projects/${projectId}/call-groups`;
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id: string | null; body: { name: string; members: string[] } }) =>
        id ? api<CallGroup>(`${base}/${id}`, { method: 'PATCH', body }) : api<CallGroup>(base, { method: 'POST', body }),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    remove: useMutation({ mutationFn: (id: string) => api(`${base}/${id}`, { method: 'DELETE' }), onSettled: refresh }),
  };
}

export function useSaveExtensions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (extensions: Extension[]) => api<Extension[]>(`/projects/${projectId}/call-routing/extensions`, { method: 'PUT', body: { extensions } }),
    onSuccess: (data) => qc.setQueryData(crKeys.extensions(projectId), data),
    meta: { silent: true },
  });
}

export type SettingsPatch = Partial<Omit<RoutingSettings, 'pbxTokenPrefix'>>;

export function useSettingsActions() {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const key = crKeys.settings(projectId);
  return {
    save: useMutation({
      mutationFn: (body: SettingsPatch) => api<RoutingSettings>(`/projects/${projectId}/call-routing/settings`, { method: 'PATCH', body }),
      onSuccess: (data) => qc.setQueryData(key, data),
      meta: { silent: true },
    }),
    rotateToken: useMutation({
      mutationFn: () => api<{ token: string; prefix: string }>(`/projects/${projectId}/call-routing/pbx-token`, { method: 'POST' }),
      onSuccess: () => qc.invalidateQueries({ queryKey: key }),
    }),
  };
}
