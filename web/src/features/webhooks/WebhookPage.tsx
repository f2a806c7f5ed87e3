import { Anchor, Badge, Breadcrumbs, Button, Paper, Text, Title } from '@mantine/core';
import { IconRefresh, IconSend, IconTrash, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { notifySuccess } from '../../api/notify.ts';
import { projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SecretModal } from '../../components/SecretModal.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useDeliveries, useWebhook, useWebhookActions } from './api.ts';
import { DeliveriesTable } from './DeliveriesTable.tsx';

/** One webhook: its delivery log, a test send, secret rotation and deletion. */
export function WebhookPage() {
  const { t } = useTranslation();
  const { webhookId = '' } = useParams();
  const { projectId } = useProject();
  const navigate = useNavigate();
  const hook = useWebhook(webhookId);
  const deliveries = useDeliveries(webhookId);
  const { sendTest, rotate, remove } = useWebhookActions();
  const { modal, ask } = useConfirm();
  const [secret, setSecret] = useState<string | null>(null);
  if (hook.isPending) return <Loading />;
  if (hook.isError) return <LoadError error={hook.error} />;
  const w = hook.data;
  const onDelete = () => ask({
    title: t('webhooks.deleteTitle'), body: t('webhooks.deleteBody', { url: w.url }), confirm: t('webhooks.delete'),
    onConfirm: () => remove.mutate(w.id, { onSuccess: () => navigate(projectPath(projectId, 'webhooks')) }),
  });
  return (
    <>
      {modal}
      <SecretModal title={t('webhooks.rotatedTitle')} hint={t('webhooks.secretHint')} secret={secret} onClose={() => setSecret(null)} />
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={projectPath(projectId, 'webhooks')} size="sm">{t('webhooks.title')}</Anchor>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>{w.url}</Text>
      </Breadcrumbs>
      <PageHeader
        title={t('webhooks.deliveries')}
        badge={<Badge color={w.active ? 'teal' : 'gray'} variant="light">{w.active ? t('webhooks.active') : t('webhooks.paused')}</Badge>}
        description={w.url}
        actions={<>
          <Button variant="default" leftSection={<IconSend size={16} />} loading={sendTest.isPending}
            onClick={() => sendTest.mutate(w.id, { onSuccess: () => notifySuccess(t('webhooks.testSent')) })}>{t('webhooks.sendTest')}</Button>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => rotate.mutate(w.id, { onSuccess: (r) => setSecret(r.secret) })}>{t('webhooks.rotate')}</Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>{t('webhooks.delete')}</Button>
        </>}
      />
      <Paper p="lg">
        <Title order={5} mb="sm">{t('webhooks.log')}</Title>
        {deliveries.isPending && <Loading />}
        {deliveries.isError && <LoadError error={deliveries.error} />}
        {deliveries.data?.length === 0 && <Empty title={t('webhooks.noDeliveries')} description={t('webhooks.noDeliveriesHint')} icon={<IconTimeline size={28} />} />}
        {deliveries.data && deliveries.data.length > 0 && <DeliveriesTable deliveries={deliveries.data} />}
      </Paper>
    </>
  );
}
