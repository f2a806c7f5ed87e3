import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { LanguagePicker } from './LanguagePicker.tsx';

/** The centered card of the sign-in and invitation pages, on a soft gradient. */
export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Box mih="100vh" style={{ background: 'linear-gradient(135deg, var(--mantine-color-indigo-0), var(--mantine-color-cyan-0))' }}>
      <Group justify="flex-end" p="md"><LanguagePicker /></Group>
      <Center px="md" pb="xl" mih="calc(100vh - 80px)">
        <Stack w="100%" maw={420} gap="lg">
          <Group gap="sm" justify="center">
            <ThemeIcon size={44} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
              <IconHeadset size={26} />
            </ThemeIcon>
            <Text fw={700} fz={26}>Switchboard</Text>
          </Group>
          <Paper p="xl" shadow="sm">
            <Stack gap={4} mb="lg">
              <Title order={3}>{title}</Title>
              {subtitle && <Text c="dimmed" size="sm">{subtitle}</Text>}
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
