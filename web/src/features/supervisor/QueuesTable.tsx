import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { formatDuration } from '../desktop/time.ts';
import { useQueueStats, type QueueStats } from './api.ts';

/** SLA risk in one badge: overdue beats at risk beats on track. */
function Risk({ q }: { q: QueueStats }) {
  const { t } = useTranslation();
  if (q.slaOverdue > 0) return <Badge color="red" variant="light" tt="none">{t('supervisor.overdue', { count: q.slaOverdue })}</Badge>;
  if (q.slaAtRisk > 0) return <Badge color="orange" variant="light" tt="none">{t('supervisor.atRisk', { count: q.slaAtRisk })}</Badge>;
  return <Badge color="teal" variant="light" tt="none">{t('supervisor.onTrack')}</Badge>;
}

/**
 * Queues with waiting counts, oldest waiting age (ticking between refreshes) and SLA risk. A click on a
 * queue filters the task list below to it.
 */
export function QueuesTable({ now, selected, onSelect }: { now: number; selected: string | null; onSelect: (queueId: string | null) => void }) {
  const { t } = useTranslation();
  const stats = useQueueStats();
  const age = (q: QueueStats) => (q.oldestWaitingSeconds === null ? null : q.oldestWaitingSeconds + Math.max(0, (now - stats.dataUpdatedAt) / 1000));
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('supervisor.queues')}</Title>
        {selected && <Badge variant="outline" tt="none" style={{ cursor: 'pointer' }} onClick={() => onSelect(null)}>{t('supervisor.clearFilter')}</Badge>}
      </Group>
      {stats.isPending ? <Loading /> : stats.isError ? <LoadError error={stats.error} /> : !stats.data.items.length ? (
        <Empty title={t('supervisor.noQueues')} description={t('supervisor.noQueuesHint')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="queues-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervisor.queue')}</Table.Th>
                <Table.Th ta="right">{t('supervisor.waiting')}</Table.Th>
                <Table.Th ta="right">{t('supervisor.scheduled')}</Table.Th>
                <Table.Th ta="right">{t('supervisor.inProgress')}</Table.Th>
                <Table.Th ta="right">{t('supervisor.oldest')}</Table.Th>
                <Table.Th>{t('supervisor.sla')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.items.map((q) => {
                const a = age(q);
                return (
                  <Table.Tr key={q.queueId} data-queue={q.name} onClick={() => onSelect(selected === q.queueId ? null : q.queueId)}
                    bg={selected === q.queueId ? 'var(--mantine-color-indigo-0)' : undefined} style={{ cursor: 'pointer' }}>
                    <Table.Td><Text fw={600} size="sm">{q.name}</Text></Table.Td>
                    <Table.Td ta="right"><Text fw={700} size="lg" data-testid="queue-waiting">{q.waiting}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm" c="dimmed" data-testid="queue-scheduled">{q.scheduled}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm" data-testid="queue-in-progress">{q.inProgress}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm" ff="monospace">{a === null ? '—' : formatDuration(a)}</Text></Table.Td>
                    <Table.Td><Risk q={q} /></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
