import { Badge, Divider, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconPhoneCalling } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MyWork, Queue } from './api.ts';
import { CallbackForm } from './CallbackForm.tsx';
import { CompleteForm } from './CompleteForm.tsx';
import { OfferActions } from './OfferActions.tsx';
import { DetailsList, TaskDetails } from './TaskDetails.tsx';

const STATUS_COLOR: Record<string, string> = { offered: 'yellow', accepted: 'indigo', wrap_up: 'grape' };

/** The one task of the agent: offer -> work (done or callback) -> wrap-up, in one card. */
export function TaskCard({ work, queue, now }: { work: MyWork & { task: NonNullable<MyWork['task']> }; queue?: Queue; now: number }) {
  const { t } = useTranslation();
  const { task, offer, agent } = work;
  const pending = task.status === 'offered';
  const working = task.status === 'accepted' && agent.state === 'busy';
  const autoAccepted = offer?.outcome === 'accepted' && offer.expiresAt === null;
  return (
    <Paper p="lg" data-testid="task-card" data-task-id={task.id} data-status={task.status}
      style={pending ? { borderColor: 'var(--mantine-color-yellow-5)', boxShadow: '0 0 0 3px var(--mantine-color-yellow-1)' } : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color={STATUS_COLOR[task.status] ?? 'gray'} variant="light" tt="none">{t(`desktop.status.${task.status}`)}</Badge>
              {autoAccepted && <Badge color="teal" variant="dot" tt="none">{t('desktop.autoAccepted')}</Badge>}
            </Group>
            <Title order={3} data-testid="task-title">{task.title || t('desktop.untitled')}</Title>
          </Stack>
        </Group>
        {pending && <><OfferActions taskId={task.id} offer={offer} now={now} /><Divider /></>}
        <TaskDetails task={task} queue={queue} myAgentId={agent.id} now={now} />
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={500} tt="uppercase">{t('desktop.details')}</Text>
          <DetailsList details={task.details} />
        </Stack>
        {working && (
          <>
            <Divider />
            <Tabs defaultValue="done" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="done" leftSection={<IconCircleCheck size={16} />}>{t('desktop.finishTab')}</Tabs.Tab>
                <Tabs.Tab value="callback" leftSection={<IconPhoneCalling size={16} />} data-testid="callback-tab">{t('callback.tab')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="done" pt="md"><CompleteForm taskId={task.id} /></Tabs.Panel>
              <Tabs.Panel value="callback" pt="md"><CallbackForm taskId={task.id} queue={queue} /></Tabs.Panel>
            </Tabs>
          </>
        )}
        {task.status === 'wrap_up' && (
          <Text size="sm" c="dimmed" data-testid="wrap-up-note">
            {t('desktop.wrapUpNote', { disposition: task.disposition ? t(`desktop.dispositions.${task.disposition}`, { defaultValue: task.disposition }) : '—' })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
