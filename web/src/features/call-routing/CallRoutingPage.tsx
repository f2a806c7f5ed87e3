import { Button, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconAdjustments, IconListNumbers, IconPhoneCall, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useCallGroups, useExtensions, useRoutingSettings, useRules, type Rule } from './api.ts';
import { ExtensionsPanel } from './ExtensionsPanel.tsx';
import { GroupsPanel } from './GroupsPanel.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { RulesTable } from './RulesTable.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { TestNumberDrawer } from './TestNumber.tsx';

/** Any of the page's queries still loading or failed, shown once; else the content. */
function Loaded({ queries, children }: { queries: Array<{ isPending: boolean; isError: boolean; error: unknown }>; children: () => React.ReactNode }) {
  const failed = queries.find((q) => q.isError);
  if (failed) return <LoadError error={failed.error} />;
  if (queries.some((q) => q.isPending)) return <Loading />;
  return <>{children()}</>;
}

/**
 * Supervisors decide here where inbound calls go: the ordered rules (first match wins), the call groups
 * and extensions they ring, the calendar and fallback route, and "test this number" to see what a call
 * would do before a customer makes it.
 */
export function CallRoutingPage() {
  const { t } = useTranslation();
  const rules = useRules();
  const groups = useCallGroups();
  const extensions = useExtensions();
  const settings = useRoutingSettings();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [testing, setTesting] = useState(false);
  const groupList = groups.data ?? [];
  return (
    <>
      <PageHeader title={t('callRouting.title')} description={t('callRouting.subtitle')} actions={
        <>
          <Button variant="default" leftSection={<IconPhoneCall size={16} />} onClick={() => setTesting(true)} data-testid="open-test">{t('callRouting.test.open')}</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!groups.data} data-testid="new-rule">{t('callRouting.newRule')}</Button>
        </>
      } />
      <Tabs defaultValue="rules" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rules" leftSection={<IconListNumbers size={16} />} data-testid="tab-rules">{t('callRouting.tabRules')}</Tabs.Tab>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={16} />} data-testid="tab-groups">{t('callRouting.tabGroups')}</Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconAdjustments size={16} />} data-testid="tab-settings">{t('callRouting.tabSettings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules">
          <Paper p="lg">
            <Text size="sm" c="dimmed" mb="sm">{t('callRouting.orderHint')}</Text>
            <Loaded queries={[rules, groups]}>
              {() => (rules.data!.length ? <RulesTable rules={rules.data!} groups={groupList} onEdit={setEditing} />
                : <Empty title={t('callRouting.noRules')} description={t('callRouting.noRulesHint')} />)}
            </Loaded>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <Stack gap="lg">
            <Paper p="lg"><Loaded queries={[groups]}>{() => <GroupsPanel groups={groupList} />}</Loaded></Paper>
            <Paper p="lg"><Loaded queries={[extensions]}>{() => <ExtensionsPanel extensions={extensions.data!} />}</Loaded></Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <Loaded queries={[settings, groups]}>{() => <SettingsPanel settings={settings.data!} groups={groupList} />}</Loaded>
        </Tabs.Panel>
      </Tabs>
      {editing && <RuleEditor key={editing === 'new' ? 'new' : editing.id} rule={editing === 'new' ? null : editing} groups={groupList} onClose={() => setEditing(null)} />}
      <TestNumberDrawer opened={testing} onClose={() => setTesting(false)} groups={groupList} timezone={settings.data?.timezone ?? 'UTC'} />
    </>
  );
}
