import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../components/format.ts';
import { formatDuration, secondsSince, useNow } from '../desktop/time.ts';
import { WINDOWS, useCampaignStats, type Stats } from './api.ts';
import { formatRate } from './form.ts';

const STATE_COLOR: Record<string, string> = { available: 'teal', reserved: 'blue', busy: 'grape', wrap_up: 'orange', break: 'yellow', offline: 'gray' };

function Tile({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <Paper p="md" withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value}</Text>
      {children}
    </Paper>
  );
}

/** Abandoned / answered by a person per compliance window, red when over the target. */
function Windows({ s }: { s: Stats }) {
  const { t, i18n } = useTranslation();
  return (
    <Table data-testid="campaign-windows" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('campaigns.windowCol')}</Table.Th>
          <Table.Th ta="right">{t('campaigns.answered')}</Table.Th>
          <Table.Th ta="right">{t('campaigns.abandoned')}</Table.Th>
          <Table.Th ta="right">{t('campaigns.abandonRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {WINDOWS.map((w) => {
          const f = s.windows[w] ?? { answered: 0, abandoned: 0, rate: 0 };
          return (
            <Table.Tr key={w} data-window={w}>
              <Table.Td>{t(`campaigns.window.${w}`)}</Table.Td>
              <Table.Td ta="right" data-testid={`answered-${w}`}>{formatNumber(f.answered)}</Table.Td>
              <Table.Td ta="right" data-testid={`abandoned-${w}`}>{formatNumber(f.abandoned)}</Table.Td>
              <Table.Td ta="right" c={f.rate > s.abandonTarget ? 'red' : undefined} fw={600}>{formatRate(f.rate, i18n.language)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Agents({ s, now }: { s: Stats; now: number }) {
  const { t } = useTranslation();
  if (!s.agents.length) return <Text size="sm" c="dimmed">{t('campaigns.noAgents')}</Text>;
  return (
    <Table data-testid="campaign-agents-live" verticalSpacing={6}>
      <Table.Tbody>
        {s.agents.map((a) => (
          <Table.Tr key={a.agentId} data-agent={a.name}>
            <Table.Td><Text size="sm" fw={500}>{a.name}</Text></Table.Td>
            <Table.Td><Badge variant="light" color={STATE_COLOR[a.state] ?? 'gray'} data-state={a.state}>{t(`presence.states.${a.state}`, { defaultValue: a.state })}</Badge></Table.Td>
            <Table.Td ta="right"><Text size="sm" c="dimmed">{formatDuration(secondsSince(a.since, now))}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * What the dialer is doing now: dial level, lines, calls by stage, today's counts, the abandon rate per window
 * against the target, and each agent's state. Updated by `campaign.stats` events, polled as a fallback.
 */
export function LiveView({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const stats = useCampaignStats(campaignId);
  const now = useNow();
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <LoadError error={stats.error} />;
  const s = stats.data;
  const lines = s.maxLines ? Math.min(100, (s.linesInUse / s.maxLines) * 100) : 0;
  return (
    <Stack gap="lg" data-testid="campaign-live" data-status={s.status}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Tile label={t('campaigns.dialLevel')} value={s.dialLevel.toFixed(2)} testId="live-dial-level" />
        <Tile label={t('campaigns.linesInUse')} value={`${s.linesInUse} / ${s.maxLines}`} testId="live-lines">
          <Progress value={lines} size="sm" mt={6} />
        </Tile>
        <Tile label={t('campaigns.ringing')} value={formatNumber(s.ringing)} testId="live-ringing" />
        <Tile label={t('campaigns.connected')} value={formatNumber(s.connected)} testId="live-connected" />
        <Tile label={t('campaigns.dialsToday')} value={formatNumber(s.today.dials)} testId="live-dials" />
        <Tile label={t('campaigns.hopper')} value={formatNumber(s.hopper)} testId="live-hopper" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper p="lg">
          <Group justify="space-between" mb="sm">
            <Title order={5}>{t('campaigns.abandonTitle')}</Title>
            <Text size="sm" c="dimmed">{t('campaigns.targetIs', { rate: formatRate(s.abandonTarget, i18n.language) })}</Text>
          </Group>
          <Windows s={s} />
          <Text size="xs" c="dimmed" mt="sm">{t('campaigns.todayCounts', { answered: s.today.answered, machine: s.today.machine, abandoned: s.today.abandoned })}</Text>
        </Paper>
        <Paper p="lg">
          <Title order={5} mb="sm">{t('campaigns.agentsTitle')}</Title>
          <Agents s={s} now={now} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
