import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TaskActions } from '../tasks/TaskActions.tsx';
import type { AgentState, TaskStatus } from './api.ts';
import { STATE_COLOR } from '../desktop/states.ts';
import { useNow } from '../desktop/time.ts';
import { AgentsTable } from './AgentsTable.tsx';
import { useAgents, useQueueStats } from './api.ts';
import { useSupervisorLive } from './live.ts';
import { QueuesTable } from './QueuesTable.tsx';
import { TasksTable } from './TasksTable.tsx';
import { TraceDrawer } from './TraceDrawer.tsx';

const TILES: AgentState[] = ['available', 'busy', 'reserved', 'wrap_up', 'break', 'offline'];

/** Headline figures: waiting tasks over all queues and how many agents are in each state. */
function Tiles() {
  const { t } = useTranslation();
  const stats = useQueueStats();
  const agents = useAgents();
  const waiting = (stats.data?.items ?? []).reduce((s, q) => s + q.waiting, 0);
  const count = (s: AgentState) => (agents.data?.items ?? []).filter((a) => a.state === s).length;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      <Paper p="md">
        <Text size="xs" c="dimmed" fw={500}>{t('supervisor.waitingTotal')}</Text>
        <Text fw={700} size="xl" data-testid="tile-waiting">{waiting}</Text>
      </Paper>
      {TILES.map((s) => (
        <Paper p="md" key={s} style={{ borderLeft: `4px solid var(--mantine-color-${STATE_COLOR[s]}-5)` }}>
          <Text size="xs" c="dimmed" fw={500}>{t(`presence.states.${s}`)}</Text>
          <Text fw={700} size="xl" data-testid={`tile-${s}`}>{count(s)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The supervisor's live room: queues, agents, tasks and each task's decision trace, all pushed over the socket. */
export function SupervisorPage() {
  const { t } = useTranslation();
  const now = useNow();
  useSupervisorLive();
  const [queueId, setQueueId] = useState<string | null>(null);
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const [openTask, setOpenTask] = useState<string | null>(null);
  const agents = useAgents();
  const stats = useQueueStats();
  const agentNames = useMemo(() => new Map((agents.data?.items ?? []).map((a) => [a.id, a.name])), [agents.data]);
  const queueNames = useMemo(() => new Map((stats.data?.items ?? []).map((q) => [q.queueId, q.name])), [stats.data]);
  return (
    <>
      <PageHeader title={t('supervisor.title')} description={t('supervisor.subtitle')} actions={<TaskActions />} />
      <Stack gap="lg">
        <Tiles />
        <QueuesTable now={now} selected={queueId} onSelect={setQueueId} />
        <AgentsTable now={now} onOpenTask={setOpenTask} />
        <TasksTable queueId={queueId} queueNames={queueNames} agentNames={agentNames} status={status} onStatus={setStatus} onOpen={setOpenTask} />
      </Stack>
      <TraceDrawer taskId={openTask} agentNames={agentNames} onClose={() => setOpenTask(null)} />
    </>
  );
}
