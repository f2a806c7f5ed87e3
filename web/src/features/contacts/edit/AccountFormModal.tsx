import { Input, Modal, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/notify.ts';
import type { Account, AccountKind } from '../api.ts';
import { useDirectoryWrites } from '../edit-api.ts';
import { CommonInputs, FormFooter } from './CommonInputs.tsx';
import { accountBody, accountValues, fieldErrors, type AccountValues, type FieldErrors } from './model.ts';

export const KINDS: AccountKind[] = ['customer', 'supplier', 'partner', 'other'];

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The account to edit; without it the form creates one. */
  account?: Account;
  onSaved?: (a: Account) => void;
}

/** Create or edit an account (company) in a modal. */
export function AccountFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="xl" title={props.account ? t('accountForm.editTitle') : t('accountForm.newTitle')}>
      {props.opened && <AccountForm {...props} />}
    </Modal>
  );
}

function AccountForm({ account, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { saveAccount } = useDirectoryWrites();
  const [values, setValues] = useState<AccountValues>(() => accountValues(account));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<AccountValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    saveAccount.mutate({ id: account?.id, body: accountBody(values, account) }, {
      onSuccess: (saved) => { onSaved?.(saved); onClose(); },
      onError: (err) => setErrors(fieldErrors(err)),
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="account-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('contacts.name')} required value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <Input.Wrapper label={t('accountForm.kind')} error={errors.kind}>
            <SegmentedControl
              fullWidth
              mt={4}
              value={values.kind}
              onChange={(kind) => set({ kind: kind as AccountKind })}
              data={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </Input.Wrapper>
        </SimpleGrid>
        <CommonInputs values={values} onChange={set} errors={errors} />
        <FormFooter error={saveAccount.isError ? (Object.keys(errors).length ? t('contactForm.fixFields') : errorMessage(saveAccount.error)) : null}
          saving={saveAccount.isPending} canSave={Boolean(values.name.trim())} onCancel={onClose} />
      </Stack>
    </form>
  );
}
