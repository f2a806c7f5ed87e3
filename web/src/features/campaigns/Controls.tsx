import { Badge, Button, Group } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCampaignAction, type Campaign, type Status } from './api.ts';
import { actionsFor } from './form.ts';

const COLOR: Record<Status, string> = { draft: 'gray', running: 'teal', paused: 'yellow', stopped: 'red' };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Badge color={COLOR[status]} variant="light" data-testid="campaign-status" data-status={status}>{t(`campaigns.status.${status}`)}</Badge>;
}

const ICON = { start: IconPlayerPlay, pause: IconPlayerPause, stop: IconPlayerStop };
const BUTTON_COLOR = { start: 'teal', pause: 'yellow', stop: 'red' };

/** Start, pause and stop; a refusal (no agents, the PBX cannot run the mode...) shows the server's sentence as a notification. */
export function Controls({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const act = useCampaignAction(campaign.id);
  return (
    <Group gap="xs">
      {actionsFor(campaign.status).map((a) => {
        const Icon = ICON[a];
        return (
          <Button key={a} color={BUTTON_COLOR[a]} variant={a === 'start' ? 'filled' : 'light'} leftSection={<Icon size={16} />}
            loading={act.isPending && act.variables === a} onClick={() => act.mutate(a)} data-testid={`campaign-${a}`}>
            {t(`campaigns.action.${a}`)}
          </Button>
        );
      })}
    </Group>
  );
}
