import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useCampaigns, type Campaign } from './api.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { StatusBadge } from './Controls.tsx';
import { formatRate } from './form.ts';

function Row({ c }: { c: Campaign }) {
  const { t, i18n } = useTranslation();
  const { projectId } = useProject();
  return (
    <Table.Tr data-campaign-row={c.name}>
      <Table.Td>
        <Anchor component={Link} to={projectPath(projectId, 'campaigns', c.id)} fw={600} size="sm">{c.name}</Anchor>
      </Table.Td>
      <Table.Td><Badge variant="outline" tt="none">{t(`campaigns.modes.${c.mode}`)}</Badge></Table.Td>
      <Table.Td><StatusBadge status={c.status} /></Table.Td>
      <Table.Td ta="right"><Text size="sm">{c.agentIds.length}</Text></Table.Td>
      <Table.Td ta="right"><Text size="sm">{c.maxLines}</Text></Table.Td>
      <Table.Td ta="right"><Text size="sm">{formatRate(c.abandonTarget, i18n.language)}</Text></Table.Td>
      <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.updatedAt)}</Text></Table.Td>
    </Table.Tr>
  );
}

/** Supervisors see every campaign of the project with its mode and status, and create new ones here. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const items = campaigns.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.subtitle')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-campaign">{t('campaigns.new')}</Button>} />
      <Paper p="lg">
        {campaigns.isPending ? <Loading /> : campaigns.isError ? <LoadError error={campaigns.error} /> : !items.length ? (
          <Empty title={t('campaigns.empty')} description={t('campaigns.emptyHint')} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="campaigns-list" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.name')}</Table.Th>
                  <Table.Th>{t('campaigns.mode')}</Table.Th>
                  <Table.Th>{t('campaigns.statusLabel')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.agents')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.maxLines')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.abandonTarget')}</Table.Th>
                  <Table.Th>{t('campaigns.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map((c) => <Row key={c.id} c={c} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {creating && (
        <CampaignFormModal campaign={null} onClose={() => setCreating(false)}
          onSaved={(c) => navigate(projectPath(projectId, 'campaigns', c.id))} />
      )}
    </>
  );
}
