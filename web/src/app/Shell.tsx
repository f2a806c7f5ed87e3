import { AppShell, Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHeadset } from '@tabler/icons-react';
import { Outlet } from 'react-router-dom';
import { Nav } from './Nav.tsx';
import { ProjectSwitcher } from './ProjectSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';

/** The frame of every project page: header with project switcher and user menu, sidebar, content. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      bg="var(--mantine-color-gray-0)"
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Group gap={8} wrap="nowrap" visibleFrom="xs">
              <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
                <IconHeadset size={20} />
              </ThemeIcon>
              <Text fw={700} size="lg">Switchboard</Text>
            </Group>
            <ProjectSwitcher />
          </Group>
          <Group gap="md" wrap="nowrap">
            <LiveIndicator />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Nav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
