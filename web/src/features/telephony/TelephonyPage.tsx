import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError, Loading } from '../../components/States.tsx';
import { fieldErrors } from '../call-routing/rules.ts';
import { CapabilitiesTable } from './CapabilitiesTable.tsx';
import { SimulatorPanel } from './SimulatorPanel.tsx';
import { WebhookPanel } from './WebhookPanel.tsx';
import { useTelephony, useTelephonyActions, type AdapterName, type Capability, type SimSettings, type TelephonyView } from './api.ts';

/** What the chosen adapter cannot do, as one sentence per missing call control feature. */
function Limits({ view }: { view: TelephonyView }) {
  const { t } = useTranslation();
  const missing = (['originate', 'dial', 'bridge', 'answer', 'hold', 'transfer'] as Capability[]).filter((c) => !view.capabilities[c]);
  if (missing.length === 0) return <Alert color="teal" variant="light" icon={<IconInfoCircle />} data-testid="limits">{t('telephony.allWorks')}</Alert>;
  return (
    <Alert color="yellow" variant="light" icon={<IconInfoCircle />} data-testid="limits">
      {t(`telephony.limits.${view.adapter}`, { defaultValue: t('telephony.limits.generic') })}
      <Text size="sm" mt={4}>{t('telephony.missing', { list: missing.map((c) => t(`telephony.cap.${c}`)).join(', ') })}</Text>
    </Alert>
  );
}

/** Admin page: which PBX adapter serves the project, what it can do, the hosted PBX webhook and the simulator's traffic. */
export function TelephonyPage() {
  const { t } = useTranslation();
  const q = useTelephony();
  const { save } = useTelephonyActions();
  const [adapter, setAdapter] = useState<AdapterName>('sim');
  const [url, setUrl] = useState('');
  const [sim, setSim] = useState<SimSettings | null>(null);
  useEffect(() => {
    if (!q.data) return;
    setAdapter(q.data.adapter);
    setUrl(q.data.webhook.url ?? '');
    setSim(q.data.sim);
  }, [q.data]);
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadError error={q.error} />;
  const view = q.data;
  const e = fieldErrors(save.error);
  const submit = () => save.mutate({ adapter, webhookUrl: url.trim() || null, ...(sim && { sim }) }, { onSuccess: () => notifySuccess(t('telephony.saved')) });
  return (
    <>
      <PageHeader title={t('telephony.title')} description={t('telephony.subtitle')} testId="telephony-title"
        actions={<Button onClick={submit} loading={save.isPending} data-testid="telephony-save">{t('telephony.save')}</Button>} />
      <Stack gap="lg">
        <Paper p="lg">
          <Stack gap="md">
            <Title order={5}>{t('telephony.adapterTitle')}</Title>
            <SegmentedControl value={adapter} onChange={(v) => setAdapter(v as AdapterName)} data-testid="adapter-choice"
              data={view.adapters.map((a) => ({ value: a.name, label: t(`telephony.adapter.${a.name}`) }))} />
            <Text size="sm" c="dimmed">{t(`telephony.adapterHint.${adapter}`)}</Text>
            <Limits view={view} />
            <CapabilitiesTable view={view} />
          </Stack>
        </Paper>
        {(adapter === 'webhook' || view.webhook.secretSet || view.webhook.url) && <WebhookPanel view={view} url={url} onUrl={setUrl} error={e.webhookUrl} />}
        {sim && <SimulatorPanel sim={sim} onChange={setSim} error={e.sim ?? e.adapter ?? e.form} />}
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>{t('telephony.save')}</Button>
        </Group>
      </Stack>
    </>
  );
}
