import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { CallRecord } from './api.ts';
import { duration, money, outcomeColor } from './format.ts';

/** One call in the list: when, who, how it ended, how long, what it cost, and its recording. */
export function CallRow({ call, agentName }: { call: CallRecord; agentName: string | null }) {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const inbound = call.direction === 'inbound';
  const customer = inbound ? call.from : call.to;
  return (
    <Table.Tr data-testid="call-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(call.startedAt)}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {inbound ? <IconArrowDownLeft size={16} aria-label={t('calls.inbound')} /> : <IconArrowUpRight size={16} aria-label={t('calls.outbound')} />}
          {call.contactId ? (
            <Anchor component={Link} to={projectPath(projectId, `contacts/${call.contactId}`)} size="sm" ff="monospace">{customer ?? t('calls.anonymous')}</Anchor>
          ) : (
            <Text size="sm" ff="monospace">{customer ?? t('calls.anonymous')}</Text>
          )}
        </Group>
        {call.ruleName && <Text size="xs" c="dimmed">{call.ruleName}</Text>}
      </Table.Td>
      <Table.Td>{agentName ?? '—'}</Table.Td>
      <Table.Td>
        {call.outcome ? <Badge color={outcomeColor[call.outcome]} variant="light">{t(`calls.outcome.${call.outcome}`)}</Badge> : <Badge variant="dot">{t(`calls.state.${call.state}`)}</Badge>}
        {call.disposition && <Text size="xs" c="dimmed">{call.disposition}</Text>}
      </Table.Td>
      <Table.Td ta="right">{duration(call.talkSeconds)}</Table.Td>
      <Table.Td ta="right">{money(call.cost, call.currency)}</Table.Td>
      <Table.Td>
        {call.recordingUrl ? <audio controls preload="none" src={call.recordingUrl} style={{ height: 32, maxWidth: 240 }} aria-label={t('calls.recording')} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
