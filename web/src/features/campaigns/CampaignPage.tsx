import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../components/format.ts';
import { useCampaign, useCampaignStats, type Campaign, type LeadStatus } from './api.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { Controls, StatusBadge } from './Controls.tsx';
import { formatRate } from './form.ts';
import { LeadUpload } from './LeadUpload.tsx';
import { LiveView } from './LiveView.tsx';

const LEAD_STATUSES: LeadStatus[] = ['ready', 'dialling', 'retry', 'done', 'exhausted', 'dnc', 'skipped', 'moved'];

/** How many leads are in each status (from the live figures). */
function LeadCounts({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const stats = useCampaignStats(campaignId);
  const leads = stats.data?.leads ?? {};
  return (
    <Group gap="xs" data-testid="lead-counts">
      {LEAD_STATUSES.map((s) => (
        <Badge key={s} variant="light" color={leads[s] ? 'blue' : 'gray'} tt="none" data-lead-status={s}>
          {t(`campaigns.leadStatus.${s}`)}: {formatNumber(leads[s] ?? 0)}
        </Badge>
      ))}
    </Group>
  );
}

/** The settings in one line each, so a supervisor sees what runs without opening the form. */
function Summary({ c }: { c: Campaign }) {
  const { t, i18n } = useTranslation();
  const items: [string, string][] = [
    [t('campaigns.mode'), t(`campaigns.modes.${c.mode}`)],
    [t('campaigns.agents'), String(c.agentIds.length)],
    [t('campaigns.maxLines'), String(c.maxLines)],
    [t('campaigns.abandonTarget'), formatRate(c.abandonTarget, i18n.language)],
    [t('campaigns.windows'), c.abandonWindows.map((w) => t(`campaigns.window.${w}`)).join(', ')],
    [t('campaigns.callerId'), c.callerId.mode === 'fixed' ? c.callerId.number : t('campaigns.callerIdAuto')],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="campaign-summary">
      {items.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">{label}</Text>
          <Text size="sm" fw={500}>{value}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** One campaign: start/pause/stop, its settings, the live view and the lead upload. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const [editing, setEditing] = useState(false);
  const back = <Anchor component={Link} to={projectPath(projectId, 'campaigns')} size="sm"><Group gap={4}><IconArrowLeft size={14} />{t('campaigns.back')}</Group></Anchor>;
  if (campaign.isPending) return <>{back}<Loading /></>;
  if (campaign.isError) return <>{back}<LoadError error={campaign.error} /></>;
  const c = campaign.data;
  return (
    <>
      {back}
      <PageHeader title={c.name} testId="campaign-title" badge={<StatusBadge status={c.status} />}
        actions={
          <>
            <Controls campaign={c} />
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="edit-campaign">{t('campaigns.edit')}</Button>
          </>
        } />
      <Stack gap="lg">
        <Paper p="lg"><Summary c={c} /></Paper>
        <LiveView campaignId={c.id} />
        <Paper p="lg">
          <Stack gap="md">
            <LeadCounts campaignId={c.id} />
            <LeadUpload campaignId={c.id} />
          </Stack>
        </Paper>
      </Stack>
      {editing && <CampaignFormModal campaign={c} onClose={() => setEditing(false)} />}
    </>
  );
}
