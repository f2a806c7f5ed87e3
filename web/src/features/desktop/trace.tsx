import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n/index.ts';
import type { DecisionTrace, ScoreComponents } from './api.ts';

const PARTS: Array<{ key: keyof ScoreComponents; color: string }> = [
  { key: 'value', color: 'indigo' },
  { key: 'age', color: 'cyan' },
  { key: 'sla', color: 'red' },
  { key: 'fit', color: 'teal' },
];

/** A score part with at most one decimal in the UI language's digit grouping. */
export function formatScore(n: number): string {
  return new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n);
}

const count = (reason: string) => Number(/of (\d+) eligible/.exec(reason)?.[1] ?? 0);

/**
 * One translated sentence for why the engine made this offer (the trace's own reason is English for logs);
 * `mine` words it for the agent who got the offer.
 */
export function traceSentence(t: TFunction, trace: DecisionTrace, mine = false): string {
  const chosen = trace.candidates.find((c) => c.taskId === trace.taskId && c.agentId === trace.agentId);
  const score = chosen?.total == null ? '—' : formatScore(chosen.total);
  if (!trace.agentId) return t('trace.noMatch');
  if (trace.trigger === 'agent_available') return t(mine ? 'trace.bestTaskMine' : 'trace.bestTask', { score, count: count(trace.reason) || 1 });
  if (trace.reason.startsWith('owner')) return t('trace.owner', { score });
  return t('trace.longestIdle', { score, count: count(trace.reason) || 1 });
}

/** The four parts of a priority score as one stacked bar, with the figures in the legend. */
export function ScoreBar({ components }: { components: ScoreComponents }) {
  const { t } = useTranslation();
  const total = PARTS.reduce((s, p) => s + Math.max(0, components[p.key]), 0) || 1;
  return (
    <Stack gap={6}>
      <Progress.Root size="lg" radius="sm">
        {PARTS.map((p) => (
          <Tooltip key={p.key} label={`${t(`trace.parts.${p.key}`)}: ${formatScore(components[p.key])}`}>
            <Progress.Section value={(Math.max(0, components[p.key]) / total) * 100} color={p.color} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="md">
        {PARTS.map((p) => (
          <Group key={p.key} gap={4}>
            <div style={{ width: 8, height: 8, borderRadius: 2, background: `var(--mantine-color-${p.color}-6)` }} />
            <Text size="xs" c="dimmed">{t(`trace.parts.${p.key}`)}</Text>
            <Text size="xs" fw={600}>{formatScore(components[p.key])}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** "Why me": the sentence plus the score breakdown of the chosen candidate. */
export function WhyOffered({ trace }: { trace: DecisionTrace }) {
  const { t } = useTranslation();
  const chosen = trace.candidates.find((c) => c.taskId === trace.taskId && c.agentId === trace.agentId);
  return (
    <Stack gap="xs" data-testid="why-offered">
      <Text size="sm">{traceSentence(t, trace, true)}</Text>
      {chosen?.components && <ScoreBar components={chosen.components} />}
    </Stack>
  );
}
