import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from './live.tsx';

const COLOR = { open: 'teal', connecting: 'yellow', closed: 'red' } as const;

/** A dot in the header: whether live updates (calls, tasks, imports) are reaching this tab. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  return (
    <Tooltip label={t(`live.hint.${status}`)}>
      <Badge
        variant="dot"
        color={COLOR[status]}
        size="lg"
        radius="sm"
        data-testid="live-indicator"
        data-status={status}
        visibleFrom="xs"
      >
        {t(`live.${status}`)}
      </Badge>
    </Tooltip>
  );
}
