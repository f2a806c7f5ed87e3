import { Alert, Button, Checkbox, Divider, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { useQueueList } from '../queues/api.ts';
import { useAgents } from '../supervisor/api.ts';
import { MODES, WINDOWS, useSaveCampaign, type Campaign, type Mode, type Window } from './api.ts';
import { CallingHoursFields } from './CallingHoursFields.tsx';
import { campaignErrors, toBody, toForm, type CampaignForm } from './form.ts';
import { RetryEditor } from './RetryEditor.tsx';

const num = (v: number | string) => (v === '' ? 0 : Number(v));

/**
 * Creates a campaign (`campaign` null) or edits one: every setting the campaigns API takes, starting from the
 * server's defaults. Contradictions the server finds (hours that never open, no lines...) show on their field.
 */
export function CampaignFormModal({ campaign, onClose, onSaved }: { campaign: Campaign | null; onClose: () => void; onSaved?: (c: Campaign) => void }) {
  const { t } = useTranslation();
  const save = useSaveCampaign();
  const queues = useQueueList();
  const agents = useAgents();
  const [f, setF] = useState<CampaignForm>(() => toForm(campaign));
  const set = (patch: Partial<CampaignForm>) => setF((o) => ({ ...o, ...patch }));
  const e = campaignErrors(save.error);
  const submit = () => save.mutate({ id: campaign?.id ?? null, body: toBody(f) }, {
    onSuccess: (c) => { notifySuccess(t(campaign ? 'campaigns.saved' : 'campaigns.created', { name: c.name })); onSaved?.(c); onClose(); },
  });
  return (
    <Modal opened onClose={onClose} title={campaign ? t('campaigns.editTitle', { name: campaign.name }) : t('campaigns.newTitle')} size="xl" centered>
      <Stack gap="md" data-testid="campaign-form">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('campaigns.name')} required maxLength={100} value={f.name} error={e.name}
            onChange={(ev) => set({ name: ev.currentTarget.value })} data-testid="campaign-name" />
          <Select label={t('campaigns.queue')} description={t('campaigns.queueHint')} clearable value={f.queueId} error={e.queueId}
            data={(queues.data?.items ?? []).map((q) => ({ value: q.id, label: q.name }))} comboboxProps={{ withinPortal: false }}
            onChange={(v) => set({ queueId: v })} data-testid="campaign-queue" />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('campaigns.mode')}</Text>
          <SegmentedControl value={f.mode} onChange={(v) => set({ mode: v as Mode })} data-testid="campaign-mode"
            data={MODES.map((m) => ({ value: m, label: t(`campaigns.modes.${m}`) }))} />
          <Text size="xs" c="dimmed">{t(`campaigns.modeHint.${f.mode}`)}</Text>
        </Stack>
        <MultiSelect label={t('campaigns.agents')} description={t('campaigns.agentsHint')} searchable value={f.agentIds} error={e.agentIds}
          data={(agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} comboboxProps={{ withinPortal: false }}
          onChange={(agentIds) => set({ agentIds })} data-testid="campaign-agents" />
        <Divider label={t('campaigns.dialling')} labelPosition="left" />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput label={t('campaigns.maxLines')} min={0} max={10000} value={f.maxLines} error={e.maxLines}
            onChange={(v) => set({ maxLines: num(v) })} data-testid="campaign-max-lines" />
          <NumberInput label={t('campaigns.ringSeconds')} min={5} max={120} value={f.ringSeconds} error={e.ringSeconds}
            onChange={(v) => set({ ringSeconds: num(v) })} />
          <NumberInput label={t('campaigns.previewSeconds')} min={0} max={3600} value={f.previewSeconds} error={e.previewSeconds}
            onChange={(v) => set({ previewSeconds: num(v) })} disabled={f.mode !== 'preview'} data-testid="campaign-preview-seconds" />
          <NumberInput label={t('campaigns.callbackFallback')} min={0} max={86400} value={f.callbackFallbackSeconds} error={e.callbackFallbackSeconds}
            onChange={(v) => set({ callbackFallbackSeconds: num(v) })} disabled={f.mode !== 'callback'} />
        </SimpleGrid>
        <Divider label={t('campaigns.compliance')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput label={t('campaigns.abandonTarget')} min={0} max={100} decimalScale={2} suffix=" %" value={f.abandonTargetPercent}
            error={e.abandonTargetPercent} onChange={(v) => set({ abandonTargetPercent: num(v) })} data-testid="campaign-abandon-target" />
          <NumberInput label={t('campaigns.cooldown')} description={t('campaigns.cooldownHint')} min={0} value={f.abandonCooldownHours}
            error={e.abandonCooldownHours} onChange={(v) => set({ abandonCooldownHours: num(v) })} />
          <Checkbox.Group label={t('campaigns.windows')} description={t('campaigns.windowsHint')} value={f.abandonWindows} error={e.abandonWindows}
            onChange={(v) => set({ abandonWindows: WINDOWS.filter((w) => v.includes(w)) as Window[] })}>
            <Group gap="sm" mt={6}>{WINDOWS.map((w) => <Checkbox key={w} value={w} label={t(`campaigns.window.${w}`)} />)}</Group>
          </Checkbox.Group>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('campaigns.callerId')}</Text>
            <SegmentedControl value={f.callerIdMode} onChange={(v) => set({ callerIdMode: v as CampaignForm['callerIdMode'] })}
              data={[{ value: 'auto', label: t('campaigns.callerIdAuto') }, { value: 'fixed', label: t('campaigns.callerIdFixed') }]} />
            <Text size="xs" c="dimmed">{t(f.callerIdMode === 'auto' ? 'campaigns.callerIdAutoHint' : 'campaigns.callerIdFixedHint')}</Text>
          </Stack>
          <TextInput label={t('campaigns.callerIdNumber')} placeholder="+420 …" disabled={f.callerIdMode !== 'fixed'} value={f.callerIdNumber}
            error={e.callerId} onChange={(ev) => set({ callerIdNumber: ev.currentTarget.value })} data-testid="campaign-caller-id" />
        </SimpleGrid>
        <Divider label={t('campaigns.callingHours')} labelPosition="left" />
        <Text size="xs" c="dimmed">{t('campaigns.callingHoursHint')}</Text>
        <CallingHoursFields value={f.callingHours} onChange={(callingHours) => set({ callingHours })} error={e.callingHours} />
        <Divider label={t('campaigns.retry')} labelPosition="left" />
        <RetryEditor value={f.retry} onChange={(retry) => set({ retry })} error={e.retry} />
        {e.form && <Alert color="red" variant="light" data-testid="campaign-form-error">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-campaign">{campaign ? t('campaigns.save') : t('campaigns.create')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
