import { Badge, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import type { Task, TaskStatus } from './api.ts';
import { formatValue } from '../desktop/TaskDetails.tsx';
import { useTasks } from './api.ts';

export const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  queued: 'blue', offered: 'yellow', accepted: 'indigo', wrap_up: 'grape', done: 'teal', expired: 'gray', cancelled: 'gray',
};

/** Status in words; a waiting task with a future time (callback, retry) says when it comes back. */
function StatusBadge({ task }: { task: Task }) {
  const { t } = useTranslation();
  const later = task.status === 'queued' && task.eligibleAt && Date.parse(task.eligibleAt) > Date.now();
  return (
    <Badge size="sm" variant="light" color={later ? 'cyan' : TASK_STATUS_COLOR[task.status]} tt="none">
      {later ? t('supervisor.scheduledFor', { time: formatDateTime(task.eligibleAt) }) : t(`desktop.status.${task.status}`)}
    </Badge>
  );
}

const FILTERS = ['all', 'queued', 'offered', 'accepted', 'done'] as const;

/** Recent tasks (newest first), filtered by status and the selected queue; a click opens the decision trace. */
export function TasksTable({ queueId, queueNames, agentNames, status, onStatus, onOpen }: {
  queueId: string | null;
  queueNames: Map<string, string>;
  agentNames: Map<string, string>;
  status: TaskStatus | null;
  onStatus: (s: TaskStatus | null) => void;
  onOpen: (taskId: string) => void;
}) {
  const { t } = useTranslation();
  const tasks = useTasks(status);
  const items = (tasks.data?.items ?? []).filter((x) => !queueId || x.queueId === queueId);
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={5}>{t('supervisor.tasks')}</Title>
        <SegmentedControl size="xs" value={status ?? 'all'} onChange={(v) => onStatus(v === 'all' ? null : (v as TaskStatus))}
          data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('supervisor.allTasks') : t(`desktop.status.${f}`) }))} />
      </Group>
      {tasks.isPending ? <Loading /> : tasks.isError ? <LoadError error={tasks.error} /> : !items.length ? (
        <Empty title={t('supervisor.noTasks')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervisor.taskTitle')}</Table.Th>
                <Table.Th>{t('supervisor.queue')}</Table.Th>
                <Table.Th>{t('supervisor.status')}</Table.Th>
                <Table.Th ta="right">{t('desktop.value')}</Table.Th>
                <Table.Th>{t('supervisor.agent')}</Table.Th>
                <Table.Th>{t('supervisor.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((x) => (
                <Table.Tr key={x.id} onClick={() => onOpen(x.id)} style={{ cursor: 'pointer' }} data-task={x.title}>
                  <Table.Td><Text size="sm" fw={500}>{x.title || t('desktop.untitled')}</Text></Table.Td>
                  <Table.Td><Text size="sm">{queueNames.get(x.queueId) ?? '—'}</Text></Table.Td>
                  <Table.Td><StatusBadge task={x} /></Table.Td>
                  <Table.Td ta="right"><Text size="sm">{formatValue(x.value)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{x.agentId ? agentNames.get(x.agentId) ?? '—' : '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{formatDateTime(x.createdAt)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
