import { Anchor, Badge, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SecretModal } from '../../components/SecretModal.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useWebhookActions, useWebhooks } from './api.ts';
import { CreateWebhookForm } from './CreateWebhookForm.tsx';

/** Admin page: where Switchboard POSTs its events, signed with a per-webhook secret. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const hooks = useWebhooks();
  const { setActive } = useWebhookActions();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <SecretModal title={t('webhooks.createdTitle')} hint={t('webhooks.secretHint')} secret={secret} onClose={() => setSecret(null)} />
      <PageHeader title={t('webhooks.title')} description={t('webhooks.subtitle')} />
      <Stack gap="lg" maw={1000}>
        <Paper p="lg">
          <Title order={5} mb="md">{t('webhooks.newTitle')}</Title>
          <CreateWebhookForm onCreated={setSecret} />
        </Paper>
        <Paper p="lg">
          {hooks.isPending && <Loading />}
          {hooks.isError && <LoadError error={hooks.error} />}
          {hooks.data?.length === 0 && <Empty title={t('webhooks.empty')} description={t('webhooks.emptyHint')} icon={<IconWebhook size={28} />} />}
          {hooks.data && hooks.data.length > 0 && (
            <Table.ScrollContainer minWidth={680}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('webhooks.url')}</Table.Th>
                    <Table.Th>{t('webhooks.events')}</Table.Th>
                    <Table.Th>{t('apiKeys.created')}</Table.Th>
                    <Table.Th w={110}>{t('webhooks.active')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {hooks.data.map((w) => (
                    <Table.Tr key={w.id}>
                      <Table.Td><Anchor component={Link} to={projectPath(projectId, 'webhooks', w.id)} size="sm" fw={600} style={{ wordBreak: 'break-all' }}>{w.url}</Anchor></Table.Td>
                      <Table.Td>
                        <Group gap={4}>{w.eventTypes.map((e) => <Badge key={e} size="sm" variant="light" color="gray">{e === '*' ? t('webhooks.allEvents') : e}</Badge>)}</Group>
                      </Table.Td>
                      <Table.Td><Text size="sm" c="dimmed">{formatDateTime(w.createdAt)}</Text></Table.Td>
                      <Table.Td>
                        <Switch checked={w.active} onChange={(e) => setActive.mutate({ id: w.id, active: e.currentTarget.checked })} aria-label={t('webhooks.active')} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}
