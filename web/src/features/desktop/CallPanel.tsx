import { Badge, CloseButton, Grid, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPhoneCall, IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCalls, useCards, type CallInfo } from './call-api.ts';
import { currentCard, type Card } from './card-model.ts';
import { CallControls } from './CallControls.tsx';
import { CallDisposition } from './CallDisposition.tsx';
import { CallHistory } from './CallHistory.tsx';
import { CallerFacts, PartSection } from './CardSections.tsx';
import { ClickToCall } from './ClickToCall.tsx';

/** Who is calling, at a glance: name, account and kind, owner, and the call's state. */
function Banner({ card, call, onClose }: { card: Card; call: CallInfo | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const b = card.base;
  const state = call?.state ?? 'ringing';
  const title = state === 'ringing' ? t(b.direction === 'inbound' ? 'card.incoming' : 'card.outgoing') : t(`card.state.${state}`);
  const Icon = state === 'ringing' ? (b.direction === 'inbound' ? IconPhoneIncoming : IconPhoneOutgoing) : IconPhoneCall;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={48} radius="xl" color={state === 'ringing' ? 'teal' : state === 'ended' ? 'gray' : 'blue'} variant={state === 'ringing' ? 'filled' : 'light'}>
          <Icon size={26} />
        </ThemeIcon>
        <Stack gap={2}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" data-testid="call-state">{title}</Text>
          <Title order={3} data-testid="caller-name">{b.contact?.name ?? b.phone ?? t('card.withheld')}</Title>
          <Group gap="xs">
            {b.account && <Text size="sm" data-testid="caller-account">{b.account.name}</Text>}
            <Badge size="sm" variant="light">{t(`card.kind.${b.callerKind}`, { defaultValue: b.callerKind })}</Badge>
            {b.owner && <Text size="sm" c="dimmed">{t('card.owner')}: {b.owner.name}</Text>}
          </Group>
        </Stack>
      </Group>
      <Group gap="xs">
        <Badge color={card.status === 'complete' ? 'teal' : card.status === 'partial' ? 'orange' : 'gray'} variant="light" data-testid="card-status" data-status={card.status}>
          {t(`card.cardStatus.${card.status}`)}
        </Badge>
        {state === 'ended' && <CloseButton onClick={onClose} aria-label={t('card.dismiss')} />}
      </Group>
    </Group>
  );
}

/**
 * The incoming/active call: the ringing banner, call controls, the card streaming in
 * section by section, the contact's history, and a disposition once the call has ended.
 */
export function CallPanel() {
  const { cards, dismissed, dismiss } = useCards();
  const { byPbxId } = useCalls();
  const card = currentCard(cards, dismissed);
  if (!card) return null;
  const call = byPbxId(card.base.callId);
  const close = () => dismiss(card.base.callId);
  const contactId = card.base.contact?.id ?? null;
  return (
    <Paper p="lg" withBorder shadow="sm" data-testid="call-panel" data-call={card.base.callId}>
      <Stack gap="md">
        <Banner card={card} call={call} onClose={close} />
        <Group gap="xs">
          <CallControls call={call} />
          {call?.state === 'ended' && (contactId || card.base.phone) && <ClickToCall contactId={contactId ?? undefined} phone={card.base.phone ?? undefined} />}
        </Group>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="sm" data-testid="card-parts">
              {card.parts.map((p) => <PartSection key={p.connectorId} part={p} />)}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="sm">
              {call?.state === 'ended' && <CallDisposition callRecordId={call.id} onDone={close} />}
              <CallerFacts card={card} />
              <CallHistory contactId={contactId} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}
