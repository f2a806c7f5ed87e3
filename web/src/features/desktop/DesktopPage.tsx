import { Grid, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCoffee, IconHeadset, IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useMyWork, useQueues, type MyWork } from './api.ts';
import { useDesktopLive } from './live.ts';
import { PresenceControl } from './PresenceControl.tsx';
import { QueueInfo } from './QueueInfo.tsx';
import { TaskCard } from './TaskCard.tsx';
import { useNow } from './time.ts';
import { WhyOffered } from './trace.tsx';
import { CallPanel } from './CallPanel.tsx';
import { PreviewLead } from '../campaigns/PreviewLead.tsx';

/** What the agent sees when no task is held: waiting (available) or a nudge to go available. */
function Idle({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  const waiting = work.agent.state === 'available';
  return (
    <Paper p="xl" data-testid="no-task">
      <Stack align="center" gap="sm" py="xl">
        <ThemeIcon size={56} radius="xl" variant="light" color={waiting ? 'teal' : 'orange'}>
          {waiting ? <IconHourglassHigh size={28} /> : <IconCoffee size={28} />}
        </ThemeIcon>
        <Title order={4}>{waiting ? t('desktop.waitingTitle') : t('desktop.pausedTitle')}</Title>
        <Text c="dimmed" size="sm" ta="center" maw={420}>{waiting ? t('desktop.waitingHint') : t('desktop.pausedHint')}</Text>
        {waiting && <Loader type="dots" color="teal" size="sm" />}
      </Stack>
    </Paper>
  );
}

/** The agent's one window: presence, the one task, and how to finish it; everything else arrives live. */
export function DesktopPage() {
  const { t } = useTranslation();
  const work = useMyWork();
  const queues = useQueues();
  const now = useNow();
  useDesktopLive(work.data?.agent.id, work.data?.task?.id);

  const header = <PageHeader title={t('desktop.title')} description={t('desktop.subtitle')} />;
  if (work.isPending) return <>{header}<Loading /></>;
  if (work.isError) {
    if (work.error instanceof ApiError && work.error.code === 'NOT_AN_AGENT') {
      return <>{header}<Empty title={t('desktop.notAgentTitle')} description={t('desktop.notAgentHint')} icon={<IconHeadset size={28} />} /></>;
    }
    return <>{header}<LoadError error={work.error} /></>;
  }
  const data = work.data;
  const task = data.task;
  const queue = task ? queues.data?.items.find((q) => q.id === task.queueId) : undefined;
  const trace = data.offer?.trace;
  return (
    <>
      {header}
      <Stack gap="lg">
        <PresenceControl agent={data.agent} />
        <CallPanel />
        <PreviewLead />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: task ? 8 : 12 }}>
            {task ? <TaskCard work={{ ...data, task }} queue={queue} now={now} /> : <Idle work={data} />}
          </Grid.Col>
          {task && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg">
                {trace && (
                  <Paper p="lg">
                    <Title order={5} mb="sm">{t('desktop.whyTitle')}</Title>
                    <WhyOffered trace={trace} />
                  </Paper>
                )}
                {queue && <QueueInfo queue={queue} now={now} />}
              </Stack>
            </Grid.Col>
          )}
        </Grid>
      </Stack>
    </>
  );
}
