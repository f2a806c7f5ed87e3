import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAction } from '../../components/IconAction.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useQueueList, type QueueFull, type WeekHours } from './api.ts';
import { QueueFormModal } from './QueueFormModal.tsx';

/** "Mon–Fri 08:00–17:00"-like summary: how many weekdays are open, or always open. */
function HoursSummary({ hours }: { hours: WeekHours | null }) {
  const { t } = useTranslation();
  if (!hours) return <Text size="sm" c="dimmed">{t('queues.alwaysOpen')}</Text>;
  const open = Object.values(hours).filter((s) => s && s.length).length;
  return <Text size="sm">{t('queues.openDays', { count: open })}</Text>;
}

function Row({ q, onEdit }: { q: QueueFull; onEdit: () => void }) {
  const { t } = useTranslation();
  const s = q.settings;
  return (
    <Table.Tr data-queue-row={q.name}>
      <Table.Td>
        <Text fw={600} size="sm">{q.name}</Text>
        {(q.vertical || q.taskType) && <Text size="xs" c="dimmed">{[q.vertical, q.taskType].filter(Boolean).join(' · ')}</Text>}
      </Table.Td>
      <Table.Td>{t('queues.minutesShort', { count: Math.round(s.slaSeconds / 60) })}</Table.Td>
      <Table.Td>{t('queues.secondsShort', { count: s.offerTimeoutSeconds })}</Table.Td>
      <Table.Td>{t('queues.secondsShort', { count: s.wrapUpSeconds })}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {s.autoAccept && <Badge variant="light" tt="none">{t('queues.autoAccept')}</Badge>}
          {s.ownerStickiness && <Badge variant="light" color="grape" tt="none">{t('queues.ownerStickiness')}</Badge>}
          {s.holidayCountry && <Badge variant="outline" tt="none">{s.holidayCountry}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td><HoursSummary hours={s.businessHours} /></Table.Td>
      <Table.Td ta="right"><IconAction label={t('queues.edit')} onClick={onEdit} icon={<IconPencil size={16} />} testId={`edit-queue-${q.name}`} /></Table.Td>
    </Table.Tr>
  );
}

/** Supervisors set up the routing queues here: the list with their key settings, and a form for every setting. */
export function QueuesPage() {
  const { t } = useTranslation();
  const queues = useQueueList();
  const [editing, setEditing] = useState<QueueFull | 'new' | null>(null);
  const items = queues.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('queues.title')} description={t('queues.subtitle')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-queue">{t('queues.new')}</Button>} />
      <Paper p="lg">
        {queues.isPending ? <Loading /> : queues.isError ? <LoadError error={queues.error} /> : !items.length ? (
          <Empty title={t('queues.empty')} description={t('queues.emptyHint')} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="queues-list" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('queues.name')}</Table.Th>
                  <Table.Th>{t('queues.sla')}</Table.Th>
                  <Table.Th>{t('queues.colOffer')}</Table.Th>
                  <Table.Th>{t('queues.colWrapUp')}</Table.Th>
                  <Table.Th>{t('queues.options')}</Table.Th>
                  <Table.Th>{t('queues.hours')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map((q) => <Row key={q.id} q={q} onEdit={() => setEditing(q)} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing && <QueueFormModal key={editing === 'new' ? 'new' : editing.id} opened queue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
