import { ActionIcon, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/** A row action: an icon button whose tooltip and accessible name are the same label. */
export function IconAction(props: { label: string; icon: ReactNode; onClick: () => void; color?: string; testId?: string }) {
  return (
    <Tooltip label={props.label}>
      <ActionIcon variant="subtle" color={props.color} onClick={props.onClick} aria-label={props.label} data-testid={props.testId}>
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}
