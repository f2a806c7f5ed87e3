import { Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconChevronDown, IconCoffee, IconPlayerStopFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSetPresence, type Agent } from './api.ts';
import { StateBadge } from './StateBadge.tsx';
import { BREAK_REASONS } from './states.ts';
import { formatDuration, secondsSince, useNow } from './time.ts';

/**
 * The agent's presence in one bar: current state with a ticking time in state, and one click to go
 * available, on a break (with a reason code) or offline. While a task is held the server refuses a
 * change, so the buttons say why instead.
 */
export function PresenceControl({ agent }: { agent: Agent }) {
  const { t } = useTranslation();
  const now = useNow();
  const set = useSetPresence();
  const holding = agent.state === 'reserved' || agent.state === 'busy';
  const hint = holding ? t('presence.holdingHint') : undefined;
  const wrapLeft = agent.wrapUpUntil ? Math.max(0, Math.ceil((Date.parse(agent.wrapUpUntil) - now) / 1000)) : null;

  return (
    <Paper p="md" data-testid="presence">
      <Group justify="space-between" wrap="wrap" gap="md">
        <Group gap="md">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={500}>{t('presence.myState')}</Text>
            <Group gap="xs">
              <span data-testid="my-state" data-state={agent.state}><StateBadge state={agent.state} reason={agent.reason} size="lg" /></span>
              <Text size="sm" ff="monospace" c="dimmed" data-testid="time-in-state">{formatDuration(secondsSince(agent.since, now))}</Text>
            </Group>
          </Stack>
          {wrapLeft !== null && agent.state === 'wrap_up' && (
            <Text size="sm" c="grape.7">{t('presence.wrapUpLeft', { seconds: wrapLeft })}</Text>
          )}
        </Group>
        <Tooltip label={hint} disabled={!hint}>
          <Group gap="xs">
            <Button
              color="teal"
              variant={agent.state === 'available' ? 'filled' : 'light'}
              leftSection={<IconCheck size={16} />}
              disabled={holding || agent.state === 'available'}
              loading={set.isPending && set.variables?.state === 'available'}
              onClick={() => set.mutate({ state: 'available' })}
              data-testid="go-available"
            >
              {agent.state === 'wrap_up' ? t('presence.readyNow') : t('presence.goAvailable')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button color="orange" variant={agent.state === 'break' ? 'filled' : 'light'} disabled={holding}
                  leftSection={<IconCoffee size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="go-break">
                  {t('presence.takeBreak')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('presence.breakReason')}</Menu.Label>
                {BREAK_REASONS.map((r) => (
                  <Menu.Item key={r} onClick={() => set.mutate({ state: 'break', reason: r })}>{t(`presence.reasons.${r}`)}</Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button color="gray" variant="subtle" leftSection={<IconPlayerStopFilled size={14} />}
              disabled={holding || agent.state === 'offline'} onClick={() => set.mutate({ state: 'offline' })} data-testid="go-offline">
              {t('presence.goOffline')}
            </Button>
          </Group>
        </Tooltip>
      </Group>
    </Paper>
  );
}
