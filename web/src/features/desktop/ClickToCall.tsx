import { Button, Text } from '@mantine/core';
import { IconPhoneOutgoing } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/notify.ts';
import { useClickToCall } from './call-api.ts';

/**
 * Calls a contact (or a number) from the agent's phone; shows the caller ID Switchboard chose and
 * why (the contact's city, region, the number's area, or the default pool).
 */
export function ClickToCall({ contactId, phone, size = 'xs' }: { contactId?: string; phone?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const call = useClickToCall();
  const placed = call.data;
  return (
    <>
      <Button size={size} variant="light" leftSection={<IconPhoneOutgoing size={14} />} loading={call.isPending}
        onClick={() => call.mutate(contactId ? { contactId } : { phone }, { onError: notifyError })} data-testid="click-to-call">
        {t('card.call')}
      </Button>
      {placed && (
        <Text size="xs" c="dimmed" data-testid="caller-id-choice">
          {t('card.callPlaced', { callerId: placed.callerId ?? t('card.noCallerId') })}
          {placed.callerIdReason ? ` — ${t(`card.callerIdReason.${placed.callerIdReason}`)}` : ''}
          {placed.trunkName ? ` · ${placed.trunkName}` : ''}
        </Text>
      )}
    </>
  );
}
