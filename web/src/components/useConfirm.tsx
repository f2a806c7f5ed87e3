import { Button, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Ask {
  title: string;
  body: ReactNode;
  confirm: string;
  onConfirm: () => void;
}

/**
 * A "are you sure?" dialog for destructive actions: render `modal` once, call `ask(...)` from any
 * button. Returns both so a table can share one dialog for all its rows.
 */
export function useConfirm(): { modal: ReactNode; ask: (a: Ask) => void } {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Ask | null>(null);
  const close = () => setPending(null);
  const modal = (
    <Modal opened={pending !== null} onClose={close} title={<Text fw={600}>{pending?.title}</Text>} centered>
      <Text size="sm">{pending?.body}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
        <Button color="red" onClick={() => { pending?.onConfirm(); close(); }} data-testid="confirm">{pending?.confirm}</Button>
      </Group>
    </Modal>
  );
  return { modal, ask: setPending };
}
