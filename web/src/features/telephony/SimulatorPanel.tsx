import { NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SimSettings } from './api.ts';

const PERCENT: Array<keyof SimSettings> = ['unknownShare', 'answerRate', 'machineRate', 'busyRate', 'noAnswerRate'];

/** The simulator's traffic: inbound calls per minute (0 = off) and how dialled customers answer, in percent. */
export function SimulatorPanel({ sim, onChange, error }: { sim: SimSettings; onChange: (s: SimSettings) => void; error?: string }) {
  const { t } = useTranslation();
  const pct = (k: keyof SimSettings) => (
    <NumberInput key={k} label={t(`telephony.sim.${k}`)} suffix=" %" min={0} max={100} decimalScale={1} value={Math.round(sim[k] * 1000) / 10}
      onChange={(v) => onChange({ ...sim, [k]: (Number(v) || 0) / 100 })} data-testid={`sim-${k}`} />
  );
  const outcomes = Math.round((sim.answerRate + sim.machineRate + sim.busyRate + sim.noAnswerRate) * 1000) / 10;
  return (
    <Paper p="lg">
      <Stack gap="md">
        <Title order={5}>{t('telephony.simTitle')}</Title>
        <Text size="sm" c="dimmed">{t('telephony.simHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <NumberInput label={t('telephony.sim.inboundPerMinute')} description={t('telephony.sim.inboundHint')} min={0} max={60} decimalScale={2} value={sim.inboundPerMinute}
            onChange={(v) => onChange({ ...sim, inboundPerMinute: Number(v) || 0 })} data-testid="sim-inboundPerMinute" />
          {pct('unknownShare')}
          <NumberInput label={t('telephony.sim.talkMeanSeconds')} suffix=" s" min={5} max={3600} value={sim.talkMeanSeconds}
            onChange={(v) => onChange({ ...sim, talkMeanSeconds: Number(v) || 5 })} data-testid="sim-talkMeanSeconds" />
          <NumberInput label={t('telephony.sim.ringMeanSeconds')} suffix=" s" min={1} max={60} value={sim.ringMeanSeconds}
            onChange={(v) => onChange({ ...sim, ringMeanSeconds: Number(v) || 1 })} data-testid="sim-ringMeanSeconds" />
        </SimpleGrid>
        <Text size="sm" fw={500}>{t('telephony.sim.outcomes', { total: outcomes })}</Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">{PERCENT.slice(1).map(pct)}</SimpleGrid>
        {error && <Text size="sm" c="red" data-testid="sim-error">{error}</Text>}
      </Stack>
    </Paper>
  );
}
