import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/States.tsx';
import { useContactHistory } from './call-api.ts';

/** The contact's earlier calls and tasks, newest first. */
export function CallHistory({ contactId }: { contactId: string | null }) {
  const { t, i18n } = useTranslation();
  const history = useContactHistory(contactId);
  if (!contactId) return null;
  return (
    <Paper p="md" withBorder data-testid="card-history">
      <Title order={6} mb="xs">{t('card.history')}</Title>
      {history.isPending ? <Loading /> : !history.data?.length ? <Text size="sm" c="dimmed">{t('card.noHistory')}</Text> : (
        <Stack gap={4}>
          {history.data.slice(0, 10).map((h, i) => (
            <Group key={i} gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" w={120}>{new Date(h.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</Text>
              <Badge size="xs" variant="light" color={h.type === 'call' ? 'blue' : 'grape'}>{t(h.type === 'call' ? 'card.historyCall' : 'card.historyTask')}</Badge>
              <Text size="sm" truncate>{h.type === 'call' ? [h.direction, h.outcome, h.disposition].filter(Boolean).join(' · ') : [h.title, h.status].filter(Boolean).join(' · ')}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
