import { Group, NumberInput, Paper, SegmentedControl, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useStats, type GroupBy, type StatsRow } from './api.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)} %` : '–');

/** Calls, answered, missed, leads and revenue per source for a date range: what each advert brought. */
export function StatsTable() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState({ from: isoDay(new Date(Date.now() - 30 * 86_400_000)), to: isoDay(new Date(Date.now() + 86_400_000)), groupBy: 'source' as GroupBy, attributionDays: 30 });
  const stats = useStats(q);
  const money = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 0 });
  const label = (r: StatsRow) => (q.groupBy === 'number' ? `${r.source} · ${r.number}` : q.groupBy === 'campaign' && r.campaign ? `${r.source} · ${r.campaign}` : r.source);
  const cells = (r: Omit<StatsRow, 'source' | 'campaign' | 'number'>) => (
    <>
      <Table.Td ta="right">{r.calls}</Table.Td>
      <Table.Td ta="right">{r.answered}</Table.Td>
      <Table.Td ta="right">{r.missed} <Text span size="xs" c="dimmed">{pct(r.missed, r.calls)}</Text></Table.Td>
      <Table.Td ta="right">{r.leads}</Table.Td>
      <Table.Td ta="right">{r.won}</Table.Td>
      <Table.Td ta="right">{money(r.revenue)}</Table.Td>
    </>
  );
  return (
    <Paper p="lg">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Title order={5}>{t('numbers.stats.title')}</Title>
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label={t('numbers.stats.from')} value={q.from} onChange={(e) => setQ({ ...q, from: e.currentTarget.value })} />
          <TextInput type="date" label={t('numbers.stats.to')} value={q.to} onChange={(e) => setQ({ ...q, to: e.currentTarget.value })} />
          <NumberInput label={t('numbers.stats.window')} min={1} max={365} w={150} value={q.attributionDays} onChange={(v) => setQ({ ...q, attributionDays: Number(v) || 30 })} />
          <SegmentedControl value={q.groupBy} onChange={(v) => setQ({ ...q, groupBy: v as GroupBy })}
            data={(['source', 'campaign', 'number'] as const).map((v) => ({ value: v, label: t(`numbers.stats.by.${v}`) }))} />
        </Group>
      </Group>
      {stats.isPending ? <Loading /> : stats.isError ? <LoadError error={stats.error} /> : !stats.data.rows.length ? (
        <Empty title={t('numbers.stats.empty')} description={t('numbers.stats.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="tracking-stats">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`numbers.stats.by.${q.groupBy}`)}</Table.Th>
                {(['calls', 'answered', 'missed', 'leads', 'won', 'revenue'] as const).map((k) => <Table.Th key={k} ta="right">{t(`numbers.stats.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.rows.map((r) => <Table.Tr key={label(r)}><Table.Td fw={600}>{label(r)}</Table.Td>{cells(r)}</Table.Tr>)}
              <Table.Tr fw={700}><Table.Td>{t('numbers.stats.total')}</Table.Td>{cells(stats.data.totals)}</Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
