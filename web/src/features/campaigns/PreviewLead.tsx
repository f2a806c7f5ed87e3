import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPhoneOutgoing, IconPlayerSkipForward } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvent } from '../../app/live.tsx';
import { useProject } from '../../app/project.tsx';
import { useMyWork } from '../desktop/api.ts';
import { useNow } from '../desktop/time.ts';
import { keys, useCampaigns, type Campaign } from './api.ts';
import { usePreviewAction, usePreviewLead, type PreviewOffer } from './preview-api.ts';
import { secondsLeft } from './form.ts';

/** The lead with its countdown: dial now, skip, or let the countdown reach zero and the dialer dials it (the server does). */
function LeadCard({ campaign, offer, dialled, onDialled }: { campaign: Campaign; offer: PreviewOffer; dialled: boolean; onDialled: () => void }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const act = usePreviewAction(campaign.id);
  const left = secondsLeft(offer.dialAt, now);
  const lead = offer.lead;
  const calling = dialled || left === 0;
  useEffect(() => {
    if (left === 0 && !dialled) onDialled();
  }, [left, dialled, onDialled]);
  const details = Object.entries(lead.details ?? {}).filter(([, v]) => v !== null && v !== '');
  return (
    <Paper p="lg" withBorder data-testid="preview-lead" data-lead={lead.id} data-calling={calling}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge variant="light">{campaign.name}</Badge>
          <Text size="sm" c="dimmed">{t('campaigns.previewLead')}</Text>
        </Group>
        <Text fw={700} size="lg" data-testid="preview-countdown">{calling ? t('campaigns.calling') : t('campaigns.dialIn', { seconds: left })}</Text>
      </Group>
      <Progress value={calling ? 100 : (left / Math.max(1, campaign.previewSeconds || offer.countdownSeconds)) * 100} color={calling ? 'teal' : 'blue'} size="sm" mb="md" />
      <Title order={4} data-testid="preview-name">{lead.name ?? lead.phone}</Title>
      <Text size="sm" c="dimmed" mb="sm">{lead.phone}{lead.externalId ? ` · ${lead.externalId}` : ''}</Text>
      {details.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mb="md">
          {details.map(([k, v]) => <Text key={k} size="sm"><Text span c="dimmed">{k}: </Text>{String(v)}</Text>)}
        </SimpleGrid>
      )}
      {!calling && (
        <Group gap="sm">
          <Button color="teal" leftSection={<IconPhoneOutgoing size={16} />} loading={act.isPending && act.variables?.action === 'dial'}
            onClick={() => act.mutate({ action: 'dial', leadId: lead.id }, { onSuccess: onDialled })} data-testid="preview-dial">
            {t('campaigns.dialNow')}
          </Button>
          <Button variant="default" leftSection={<IconPlayerSkipForward size={16} />} loading={act.isPending && act.variables?.action === 'skip'}
            onClick={() => act.mutate({ action: 'skip', leadId: lead.id })} data-testid="preview-skip">
            {t('campaigns.skip')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** One preview campaign: fetches the lead reserved for this agent while the agent waits. */
function CampaignPreview({ campaign, agentId }: { campaign: Campaign; agentId: string }) {
  const { projectId } = useProject();
  const qc = useQueryClient();
  const [dialled, setDialled] = useState<string | null>(null);
  const offer = usePreviewLead(campaign.id, dialled === null);
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.preview(projectId, campaign.id) });
  useLiveEvent<{ campaignId: string; agentId: string }>('campaign.preview', (e) => {
    if (e.payload?.campaignId === campaign.id && e.payload.agentId === agentId && dialled === null) refresh();
  });
  useLiveEvent<{ leadId: string }>('campaign.call_result', (e) => {
    if (dialled && e.payload?.leadId === dialled) { setDialled(null); refresh(); }
  });
  if (!offer.data) return null;
  return <LeadCard campaign={campaign} offer={offer.data} dialled={dialled === offer.data.lead.id} onDialled={() => setDialled(offer.data!.lead.id)} />;
}

/**
 * The agent's side of preview campaigns, on the desktop: while the agent is available and holds no task,
 * the next lead of each running preview campaign the agent works shows with its countdown.
 */
export function PreviewLead() {
  const { t } = useTranslation();
  const work = useMyWork();
  const campaigns = useCampaigns();
  const agent = work.data?.agent;
  if (!agent || agent.state !== 'available' || work.data?.task) return null;
  const preview = (campaigns.data?.items ?? []).filter((c) => c.mode === 'preview' && c.status === 'running' && c.agentIds.includes(agent.id));
  if (!preview.length) return null;
  return (
    <Stack gap="sm" aria-label={t('campaigns.previewLead')}>
      {preview.map((c) => <CampaignPreview key={c.id} campaign={c} agentId={agent.id} />)}
    </Stack>
  );
}
