import { Badge, Drawer, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { LoadError, Loading } from '../../components/States.tsx';
import type { Offer, TraceCandidate } from './api.ts';
import { DetailsList, formatValue } from '../desktop/TaskDetails.tsx';
import { formatScore, traceSentence } from '../desktop/trace.tsx';
import { useTask } from './api.ts';
import { TASK_STATUS_COLOR } from './TasksTable.tsx';

const OUTCOME_COLOR: Record<string, string> = { accepted: 'teal', declined: 'orange', timed_out: 'red' };

function Candidates({ lines, agentNames, chosen, taskId }: { lines: TraceCandidate[]; agentNames: Map<string, string>; chosen: Offer['trace']; taskId: string }) {
  const { t } = useTranslation();
  const n = (v: number | undefined) => (v === undefined ? '—' : formatScore(v));
  return (
    <Table fz="xs" verticalSpacing={4} withRowBorders={false} highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{chosen.trigger === 'agent_available' ? t('supervisor.task') : t('supervisor.agent')}</Table.Th>
          <Table.Th ta="right">{t('trace.total')}</Table.Th>
          <Table.Th ta="right">{t('trace.parts.value')}</Table.Th>
          <Table.Th ta="right">{t('trace.parts.age')}</Table.Th>
          <Table.Th ta="right">{t('trace.parts.sla')}</Table.Th>
          <Table.Th ta="right">{t('trace.parts.fit')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((c) => {
          const picked = c.taskId === chosen.taskId && c.agentId === chosen.agentId;
          const who = chosen.trigger === 'agent_available' ? (c.taskId === taskId ? t('trace.thisTask') : t('trace.otherTask', { id: c.taskId.slice(0, 8) })) : agentNames.get(c.agentId) ?? c.agentId.slice(0, 8);
          return (
            <Table.Tr key={`${c.taskId}:${c.agentId}`} fw={picked ? 700 : undefined}>
              <Table.Td>{who}{c.owner ? ` · ${t('trace.ownerMark')}` : ''}{c.excluded && <Badge ml={4} size="xs" color="gray" variant="light" tt="none">{t(`trace.excluded.${c.excluded}`, { defaultValue: c.excluded })}</Badge>}</Table.Td>
              <Table.Td ta="right">{c.total === null ? '—' : formatScore(c.total)}</Table.Td>
              <Table.Td ta="right">{n(c.components?.value)}</Table.Td>
              <Table.Td ta="right">{n(c.components?.age)}</Table.Td>
              <Table.Td ta="right">{n(c.components?.sla)}</Table.Td>
              <Table.Td ta="right">{n(c.components?.fit)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** A task's decision traces: every offer, to whom, how it ended, and the candidates with score components. */
export function TraceDrawer({ taskId, agentNames, onClose }: { taskId: string | null; agentNames: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  return (
    <Drawer opened={!!taskId} onClose={onClose} position="right" size="xl" title={<Title order={4}>{t('trace.title')}</Title>}>
      {task.isPending ? <Loading /> : task.isError ? <LoadError error={task.error} /> : (
        <Stack gap="md" data-testid="trace-drawer">
          <Group gap="sm">
            <Text fw={600}>{task.data.title || t('desktop.untitled')}</Text>
            <Badge variant="light" color={TASK_STATUS_COLOR[task.data.status]} tt="none">{t(`desktop.status.${task.data.status}`)}</Badge>
            <Text size="sm" c="dimmed">{t('desktop.value')}: {formatValue(task.data.value)}</Text>
          </Group>
          {task.data.disposition && <Text size="sm">{t('desktop.disposition')}: {t(`desktop.dispositions.${task.data.disposition}`, { defaultValue: task.data.disposition })}</Text>}
          {task.data.notes && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{task.data.notes}</Text>}
          <DetailsList details={task.data.details} />
          {!task.data.offers.length && <Text size="sm" c="dimmed">{t('trace.noOffers')}</Text>}
          {[...task.data.offers].reverse().map((o) => (
            <Paper key={o.id} p="md" bg="var(--mantine-color-gray-0)">
              <Group justify="space-between" mb={6}>
                <Text size="sm" fw={600}>{agentNames.get(o.agentId) ?? o.agentId.slice(0, 8)}</Text>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">{formatDateTime(o.offeredAt)}</Text>
                  <Badge size="sm" variant="light" color={OUTCOME_COLOR[o.outcome ?? ''] ?? 'yellow'} tt="none">{t(`trace.outcome.${o.outcome ?? 'pending'}`, { defaultValue: o.outcome ?? '' })}</Badge>
                </Group>
              </Group>
              <Text size="sm" mb="xs">{traceSentence(t, o.trace)}</Text>
              <Candidates lines={o.trace.candidates} agentNames={agentNames} chosen={o.trace} taskId={task.data.id} />
            </Paper>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
