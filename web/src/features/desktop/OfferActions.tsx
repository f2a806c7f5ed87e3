import { Button, Group, RingProgress, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAccept, useDecline, type Offer } from './api.ts';
import { formatDuration } from './time.ts';

/**
 * A pending offer: a countdown ring when the offer times out, one big Accept and a quiet Decline.
 * When the time is up the server takes the task back; the desktop follows its event.
 */
export function OfferActions({ taskId, offer, now }: { taskId: string; offer: Offer | null; now: number }) {
  const { t } = useTranslation();
  const accept = useAccept();
  const decline = useDecline();
  const total = offer?.expiresAt ? (Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)) / 1000 : null;
  const left = offer?.expiresAt ? Math.max(0, Math.ceil((Date.parse(offer.expiresAt) - now) / 1000)) : null;
  return (
    <Group justify="space-between" wrap="wrap" gap="md">
      <Group gap="sm">
        {left !== null && total ? (
          <RingProgress size={64} thickness={6} roundCaps data-testid="offer-countdown"
            sections={[{ value: (left / total) * 100, color: left <= 5 ? 'red' : 'yellow' }]}
            label={<Text ta="center" fw={700} size="sm">{left >= 100 ? formatDuration(left) : `${left}s`}</Text>} />
        ) : null}
        <Stack gap={0}>
          <Text fw={600}>{t('desktop.offerTitle')}</Text>
          <Text size="sm" c="dimmed">{left !== null ? t('desktop.offerExpires', { time: formatDuration(left) }) : t('desktop.offerNoTimeout')}</Text>
        </Stack>
      </Group>
      <Group gap="sm">
        <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} loading={decline.isPending} disabled={accept.isPending}
          onClick={() => decline.mutate(taskId)} data-testid="decline-task">
          {t('desktop.decline')}
        </Button>
        <Button size="md" color="teal" leftSection={<IconCheck size={18} />} loading={accept.isPending} disabled={decline.isPending}
          onClick={() => accept.mutate(taskId)} data-testid="accept-task" autoFocus>
          {t('desktop.accept')}
        </Button>
      </Group>
    </Group>
  );
}
