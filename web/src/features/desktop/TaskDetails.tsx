import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format.ts';
import i18n from '../../i18n/index.ts';
import { projectPath, useProject } from '../../app/project.tsx';
import { useContact } from '../contacts/api.ts';
import { formatPhone } from '../contacts/phone.ts';
import type { Queue, Task } from './api.ts';
import { formatDuration } from './time.ts';

/** Money value in the UI language (the project's currency is not modelled, so no symbol). */
export function formatValue(value: number): string {
  return new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value);
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500}>{label}</Text>
      <Text size="sm" component="div" data-testid={testId}>{children ?? '—'}</Text>
    </Stack>
  );
}

/** A detail value as text: nested objects and lists read as short JSON, booleans as yes/no. */
function show(v: unknown, yes: string, no: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'object') return Array.isArray(v) && v.every((x) => typeof x !== 'object') ? v.join(', ') : JSON.stringify(v);
  return String(v);
}

/** The integrator's free-form details JSON as a readable key/value list. */
export function DetailsList({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(details);
  if (!entries.length) return <Text size="sm" c="dimmed">{t('desktop.noDetails')}</Text>;
  return (
    <Table withRowBorders={false} verticalSpacing={4} highlightOnHover={false} data-testid="task-details-json">
      <Table.Tbody>
        {entries.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td w="38%" style={{ verticalAlign: 'top' }}><Text size="sm" c="dimmed">{k.replace(/[_-]+/g, ' ')}</Text></Table.Td>
            <Table.Td><Text size="sm" style={{ wordBreak: 'break-word' }}>{show(v, t('desktop.yes'), t('desktop.no'))}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The linked contact (and its account) with links to their pages. */
function ContactLine({ contactId }: { contactId: string }) {
  const { projectId } = useProject();
  const { data } = useContact(contactId);
  if (!data) return <Text size="sm" c="dimmed">…</Text>;
  return (
    <Group gap="md">
      <Group gap={4}><IconUser size={14} /><Anchor component={Link} to={projectPath(projectId, 'contacts', data.id)} size="sm">{data.name}</Anchor></Group>
      {data.account && (
        <Group gap={4}><IconBuilding size={14} /><Anchor component={Link} to={projectPath(projectId, 'accounts', data.account.id)} size="sm">{data.account.name}</Anchor></Group>
      )}
    </Group>
  );
}

/** When the task is due: its own due time, else the queue's SLA from creation; red once passed. */
function Due({ task, queue, now }: { task: Task; queue?: Queue; now: number }) {
  const { t } = useTranslation();
  const due = task.dueAt ? Date.parse(task.dueAt) : queue ? Date.parse(task.createdAt) + queue.settings.slaSeconds * 1000 : null;
  if (due === null) return <>—</>;
  const left = Math.round((due - now) / 1000);
  return (
    <Group gap={6}>
      <span>{formatDateTime(new Date(due))}</span>
      <Badge size="sm" variant="light" color={left < 0 ? 'red' : left < 600 ? 'orange' : 'gray'} tt="none">
        {left < 0 ? t('desktop.overdueBy', { time: formatDuration(-left) }) : t('desktop.dueIn', { time: formatDuration(left) })}
      </Badge>
      {!task.dueAt && <Text span size="xs" c="dimmed">{t('desktop.slaOfQueue')}</Text>}
    </Group>
  );
}

/** Everything the agent needs to know about the task, at a glance. */
export function TaskDetails({ task, queue, myAgentId, now }: { task: Task; queue?: Queue; myAgentId: string; now: number }) {
  const { t } = useTranslation();
  const owner = !task.ownerAgentId ? t('desktop.noOwner') : task.ownerAgentId === myAgentId ? t('desktop.ownerYou') : t('desktop.ownerOther');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        <Field label={t('desktop.value')} testId="task-value"><Text fw={700} size="lg">{formatValue(task.value)}</Text></Field>
        <Field label={t('desktop.phones')} testId="task-phones">
          {task.phones.length ? <Stack gap={0}>{task.phones.map((p) => <Text key={p} size="sm" ff="monospace">{formatPhone(p)}</Text>)}</Stack> : '—'}
        </Field>
        <Field label={t('desktop.due')}><Due task={task} queue={queue} now={now} /></Field>
        <Field label={t('desktop.queue')}>{queue?.name ?? '—'}</Field>
        <Field label={t('desktop.owner')}>{owner}</Field>
        <Field label={t('desktop.attempts')}>{task.attempts}</Field>
        {task.contactId && <Field label={t('desktop.contact')}><ContactLine contactId={task.contactId} /></Field>}
        {task.externalId && <Field label={t('desktop.externalId')}><Text size="sm" ff="monospace">{task.externalId}</Text></Field>}
        {Object.keys(task.requiredSkills).length > 0 && (
          <Field label={t('desktop.skills')}>
            <Group gap={4}>{Object.entries(task.requiredSkills).map(([s, l]) => <Badge key={s} size="sm" variant="outline" tt="none">{s} ≥ {l}</Badge>)}</Group>
          </Field>
        )}
      </SimpleGrid>
      {task.notes && <Field label={t('desktop.previousNotes')}>{task.notes}</Field>}
    </Stack>
  );
}
