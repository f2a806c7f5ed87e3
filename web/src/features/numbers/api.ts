import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import { useProject } from '../../app/project.tsx';
import type { Wire } from '../../api/wire.ts';
import type { CallerIdChoice } from '../../../../src/domains/numbers/caller-id.ts';
import type { CallerIdPool, Price, TrackingNumber, Trunk as ServerTrunk } from '../../../../src/domains/numbers/model.ts';
import type { RowError } from '../../../../src/domains/numbers/price-csv.ts';
import type { SourceStats, StatsQuery, totals } from '../../../../src/domains/numbers/stats.ts';
import type { Trunks } from '../../../../src/domains/numbers/trunks.ts';

/** The numbers domain's types as they arrive over JSON (src/domains/numbers). */
export type Pool = Wire<CallerIdPool>;
export type { CallerIdChoice, Price, RowError, TrackingNumber };
export type StatsRow = Wire<SourceStats>;
export type GroupBy = StatsQuery['groupBy'];
export interface Stats { from: string; to: string; rows: StatsRow[]; totals: ReturnType<typeof totals> }
/** A trunk as the list shows it: with how many prices it has and its lines in use now. */
export type Trunk = Wire<Awaited<ReturnType<Trunks['list']>>[number]>;
export type TrunkInput = Omit<ServerTrunk, 'id'>;

type Kind = 'caller-id-pools' | 'tracking-numbers' | 'trunks';

function useList<T>(kind: Kind) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['numbers', projectId, kind], queryFn: () => api<{ items: T[] }>(`/projects/${projectId}/${kind}`) });
}

/** Create (no id), update and delete for one kind of number resource; every change refreshes the numbers pages. */
function useEdit<T, B>(kind: Kind) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['numbers', projectId] });
  const base = `/projects/${projectId}/${kind}`;
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id: string | null; body: B }) => (id ? api<T>(`${base}/${id}`, { method: 'PATCH', body }) : api<T>(base, { method: 'POST', body })),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    remove: useMutation({ mutationFn: (id: string) => api(`${base}/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}

export const usePools = () => useList<Pool>('caller-id-pools');
export const usePoolEdit = () => useEdit<Pool, Omit<Pool, 'id'>>('caller-id-pools');
export const useTrackingNumbers = () => useList<TrackingNumber>('tracking-numbers');
export const useTrackingEdit = () => useEdit<TrackingNumber, Omit<TrackingNumber, 'id'>>('tracking-numbers');
export const useTrunks = () => useList<Trunk>('trunks');
export const useTrunkEdit = () => useEdit<Trunk, TrunkInput>('trunks');

/** Which number a call to this customer would show, and why; does not use up a turn. */
export function usePreview() {
  const { projectId } = useProject();
  return useMutation({
    mutationFn: (body: { phone: string; city?: string; region?: string }) => api<{ choice: CallerIdChoice | null }>(`/projects/${projectId}/caller-id-pools/preview`, { method: 'POST', body }),
    meta: { silent: true },
  });
}

export function useStats(q: { from: string; to: string; groupBy: GroupBy; attributionDays: number }) {
  const { projectId } = useProject();
  return useQuery({
    queryKey: ['numbers', projectId, 'stats', q],
    queryFn: () => api<Stats>(`/projects/${projectId}/tracking-numbers/stats`, { query: q }),
  });
}

export function usePrices(trunkId: string) {
  const { projectId } = useProject();
  return useQuery({ queryKey: ['numbers', projectId, 'prices', trunkId], queryFn: () => api<{ items: Price[] }>(`/projects/${projectId}/trunks/${trunkId}/prices`) });
}

/** Uploads a price-list CSV, replacing the trunk's list; a bad file is refused whole with its row errors. */
export function useUploadPrices(trunkId: string) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<{ prices: number }>(`/projects/${projectId}/trunks/${trunkId}/prices/import`, { method: 'POST', body: form });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['numbers', projectId] }),
    meta: { silent: true },
  });
}

/** Row errors of a refused price list, if that is what the error is. */
export const rowErrors = (err: unknown): RowError[] =>
  err instanceof ApiError && err.code === 'PRICE_LIST_INVALID' ? ((err.details as { errors?: RowError[] })?.errors ?? []) : [];

/** The form field a server error belongs to (`numbers[2]` -> `numbers`), or `form`. */
export function fieldOf(err: unknown): string {
  if (!(err instanceof ApiError)) return 'form';
  const d = err.details as { field?: string } | { field: string }[] | undefined;
  const field = Array.isArray(d) ? d[0]?.field : d?.field;
  return field ? field.replace(/^body\.?/, '').split(/[.[]/)[0] || 'form' : 'form';
}
