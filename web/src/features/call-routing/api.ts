import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Wire } from '../../api/wire.ts';
import type { WeekHours } from '../queues/api.ts';
import type { Action, CallerFacts, CallerKind, CallGroup, Conditions, Decision, Rule, RuleTrace } from '../../../../src/domains/call-routing/model.ts';
import type { CallRoutingAdmin } from '../../../../src/domains/call-routing/service.ts';

export type { WeekHours };

/** The routing domain's types (src/domains/call-routing/model.ts); conditions, actions and rules need no conversion. */
export type { Action, CallGroup, CallerKind, Conditions, Rule };
export const CALLER_KINDS = ['unknown', 'customer', 'supplier', 'partner', 'other'] as const satisfies readonly CallerKind[];
export const ACTION_TYPES = ['owner', 'group', 'external', 'voicemail', 'reject'] as const satisfies readonly Action['type'][];
export type RejectCode = Extract<Action, { type: 'reject' }>['code'];
export type RuleInput = Omit<Rule, 'id'>;

export interface Extension {
  agentId: string;
  extension: string;
}

/** The settings as GET returns them, with the prefix of the PBX token in use. */
export type RoutingSettings = Wire<Awaited<ReturnType<CallRoutingAdmin['settings']>>>;
export type TraceFailure = RuleTrace['failed'];

/** The answer of POST /routing-rules/test: the caller identified, the winning rule and why earlier ones did not fire. */
export type TestResult = Wire<Decision> & { caller: Wire<CallerFacts>; dialled: string; at: string; fallback: boolean };

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
