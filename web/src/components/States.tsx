import { Alert, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/notify.ts';
import { ApiError } from '../api/client.ts';

/** Centered spinner for a page or panel that is still loading. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="loading">
      <Stack align="center" gap="xs">
        <Loader size="md" type="dots" />
        <Text size="sm" c="dimmed">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** A failed load, in words, with the API error code when there is one. */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={error instanceof ApiError ? error.code : t('errors.title')}>
      {errorMessage(error)}
    </Alert>
  );
}

/** "Nothing here yet" with a hint of what to do next. */
export function Empty({ title, description, icon, action }: { title: string; description?: string; icon?: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState py="xl" title={title} description={description} icon={icon ?? <IconInbox size={28} />} withIndicatorBackground>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
