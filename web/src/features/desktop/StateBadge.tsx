import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgentState } from './api.ts';
import { KNOWN_REASONS, STATE_COLOR } from './states.ts';

/** "Break · Lunch": a presence state with its reason, in the state's color. */
export function StateBadge({ state, reason, size = 'md' }: { state: AgentState; reason?: string | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const why = reason ? (KNOWN_REASONS.includes(reason) ? t(`presence.reasons.${reason}`) : reason) : null;
  return (
    <Badge color={STATE_COLOR[state]} variant="light" size={size} tt="none" data-state={state}>
      {t(`presence.states.${state}`)}{why && state !== 'available' ? ` · ${why}` : ''}
    </Badge>
  );
}
