import { Group, Pagination, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useMembers } from '../members/api.ts';
import { OUTCOMES, PAGE, useCallList, type CallFilters } from './api.ts';
import { CallRow } from './CallRow.tsx';

/** The call list for the page's date range, with direction, outcome and agent filters and paging. */
export function CallsTable({ filters, onChange }: { filters: CallFilters; onChange: (f: CallFilters) => void }) {
  const { t } = useTranslation();
  const list = useCallList(filters);
  const members = useMembers();
  const names = new Map((members.data ?? []).map((m) => [m.id, m.name]));
  const set = (patch: Partial<CallFilters>) => onChange({ ...filters, ...patch, offset: 0 });
  const total = list.data?.total ?? 0;
  return (
    <Paper p="lg">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Title order={5}>{t('calls.list.title')}</Title>
        <Group gap="sm" align="flex-end">
          <Select label={t('calls.list.direction')} w={150} value={filters.direction} onChange={(v) => set({ direction: (v ?? '') as CallFilters['direction'] })}
            data={[{ value: '', label: t('calls.list.any') }, { value: 'inbound', label: t('calls.inbound') }, { value: 'outbound', label: t('calls.outbound') }]} />
          <Select label={t('calls.list.outcome')} w={170} value={filters.outcome} onChange={(v) => set({ outcome: (v ?? '') as CallFilters['outcome'] })}
            data={[{ value: '', label: t('calls.list.any') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`calls.outcome.${o}`) }))]} />
          <Select label={t('calls.list.agent')} w={200} searchable value={filters.agentId} onChange={(v) => set({ agentId: v ?? '' })}
            data={[{ value: '', label: t('calls.list.anyone') }, ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))]} />
        </Group>
      </Group>
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} /> : !list.data.items.length ? (
        <Empty title={t('calls.list.empty')} description={t('calls.list.emptyHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" data-testid="calls-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('calls.list.when')}</Table.Th>
                  <Table.Th>{t('calls.list.customer')}</Table.Th>
                  <Table.Th>{t('calls.list.agent')}</Table.Th>
                  <Table.Th>{t('calls.list.outcome')}</Table.Th>
                  <Table.Th ta="right">{t('calls.list.talk')}</Table.Th>
                  <Table.Th ta="right">{t('calls.list.cost')}</Table.Th>
                  <Table.Th>{t('calls.recording')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => <CallRow key={c.id} call={c} agentName={c.agentId ? (names.get(c.agentId) ?? null) : null} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">{t('calls.list.count', { count: total })}</Text>
            {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={filters.offset / PAGE + 1} onChange={(page) => onChange({ ...filters, offset: (page - 1) * PAGE })} />}
          </Group>
        </>
      )}
    </Paper>
  );
}
