import { Grid, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/notify.ts';
import type { Contact } from '../api.ts';
import { useDirectoryWrites } from '../edit-api.ts';
import { AccountSelect, PhonesInput } from './inputs.tsx';
import { CommonInputs, FormFooter } from './CommonInputs.tsx';
import { contactBody, contactValues, fieldErrors, type ContactValues, type FieldErrors } from './model.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The contact to edit; without it the form creates one. */
  contact?: Contact;
  /** Preselected account for a new contact (from an account's page). */
  account?: { id: string; name: string };
  onSaved?: (c: Contact) => void;
}

/** Create or edit a contact in a modal; server errors appear next to the field they name. */
export function ContactFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} size={1040} title={props.contact ? t('contactForm.editTitle') : t('contactForm.newTitle')}>
      {props.opened && <ContactForm {...props} />}
    </Modal>
  );
}

function ContactForm({ contact, account, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { saveContact } = useDirectoryWrites();
  const [values, setValues] = useState<ContactValues>(() => contactValues(contact, account?.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<ContactValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, phoneRows } = contactBody(values, contact);
    setErrors({});
    saveContact.mutate({ id: contact?.id, body }, {
      onSuccess: (saved) => { onSaved?.(saved); onClose(); },
      onError: (err) => setErrors(fieldErrors(err, phoneRows, {
        INVALID_PHONE: t('contactForm.invalidPhone'),
        PHONE_TAKEN: t('contactForm.phoneTaken'),
      })),
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <TextInput label={t('contacts.name')} required value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
            <AccountSelect value={values.accountId} current={contact?.account ?? account} onChange={(accountId) => set({ accountId })} error={errors.accountId} />
            <PhonesInput value={values.phones} onChange={(phones) => set({ phones })} errors={errors} />
            <TagsInput
              label={t('contacts.emails')}
              description={t('contactForm.emailsHint')}
              value={values.emails}
              onChange={(emails) => set({ emails })}
              error={Object.entries(errors).find(([k]) => k.startsWith('emails'))?.[1]}
              splitChars={[',', ';', ' ']}
              acceptValueOnBlur
              clearable
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <CommonInputs values={values} onChange={set} errors={errors} />
          </Stack>
        </Grid.Col>
      </Grid>
      <FormFooter error={saveContact.isError ? (Object.keys(errors).length ? t('contactForm.fixFields') : errorMessage(saveContact.error)) : null}
        saving={saveContact.isPending} canSave={Boolean(values.name.trim())} onCancel={onClose} />
    </form>
  );
}
