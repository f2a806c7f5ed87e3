import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import type { Agent } from './api.ts';
import { StateBadge } from '../desktop/StateBadge.tsx';
import { formatDuration, secondsSince } from '../desktop/time.ts';
import { formatValue } from '../desktop/TaskDetails.tsx';
import { AgentEditModal } from './AgentEditModal.tsx';
import { useAgents } from './api.ts';
import { IconAction } from '../../components/IconAction.tsx';

function Skills({ skills }: { skills: Record<string, number> }) {
  const entries = Object.entries(skills);
  if (!entries.length) return <Text size="sm" c="dimmed">—</Text>;
  return <Group gap={4}>{entries.map(([s, l]) => <Badge key={s} size="sm" variant="outline" color="gray" tt="none">{s} {l}</Badge>)}</Group>;
}

/** Agents with live state and ticking time in state; the supervisor opens an agent's task or edits skills and cap. */
export function AgentsTable({ now, onOpenTask }: { now: number; onOpenTask: (taskId: string) => void }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const [editing, setEditing] = useState<Agent | null>(null);
  return (
    <Paper p="lg">
      <Title order={5} mb="sm">{t('supervisor.agents')}</Title>
      {agents.isPending ? <Loading /> : agents.isError ? <LoadError error={agents.error} /> : !agents.data.items.length ? (
        <Empty title={t('supervisor.noAgents')} description={t('supervisor.noAgentsHint')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="agents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervisor.agent')}</Table.Th>
                <Table.Th>{t('supervisor.state')}</Table.Th>
                <Table.Th ta="right">{t('supervisor.timeInState')}</Table.Th>
                <Table.Th>{t('supervisor.task')}</Table.Th>
                <Table.Th>{t('supervisor.skills')}</Table.Th>
                <Table.Th ta="right">{t('supervisor.scoreCap')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.data.items.map((a) => (
                <Table.Tr key={a.id} data-agent={a.name} data-state={a.state}>
                  <Table.Td><Text fw={600} size="sm">{a.name}</Text></Table.Td>
                  <Table.Td><StateBadge state={a.state} reason={a.reason} /></Table.Td>
                  <Table.Td ta="right"><Text size="sm" ff="monospace">{formatDuration(secondsSince(a.since, now))}</Text></Table.Td>
                  <Table.Td>
                    {a.taskId ? <Anchor size="sm" onClick={() => onOpenTask(a.taskId!)}>{t('supervisor.openTrace')}</Anchor> : <Text size="sm" c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td><Skills skills={a.skills} /></Table.Td>
                  <Table.Td ta="right"><Text size="sm">{a.scoreCap === null ? t('supervisor.noCap') : formatValue(a.scoreCap)}</Text></Table.Td>
                  <Table.Td>
                    <IconAction label={t('supervisor.editAgent')} icon={<IconAdjustments size={18} />} onClick={() => setEditing(a)} testId="edit-agent" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AgentEditModal agent={editing} onClose={() => setEditing(null)} />
    </Paper>
  );
}
