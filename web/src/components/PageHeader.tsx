import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Title (also the tab's title), one line of explanation and the page's main actions, the same on every page. */
export function PageHeader({ title, description, actions, badge, testId }: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  badge?: ReactNode;
  testId?: string;
}) {
  useDocumentTitle(`${title} · Switchboard`);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2} fw={650} data-testid={testId}>{title}</Title>
          {badge}
        </Group>
        {description && <Text c="dimmed" size="sm">{description}</Text>}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
