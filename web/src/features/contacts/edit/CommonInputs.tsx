import { Alert, Button, Group, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CustomInput, OwnerSelect, TimeZoneSelect } from './inputs.tsx';
import type { CommonValues, FieldErrors } from './model.ts';

/** Owner, place, time zone, tags and custom fields: the same on the contact and the account form. */
export function CommonInputs({ values, onChange, errors }: {
  values: CommonValues;
  onChange: (patch: Partial<CommonValues>) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OwnerSelect value={values.ownerId} onChange={(ownerId) => onChange({ ownerId })} error={errors.ownerId} />
        <TimeZoneSelect value={values.timezone} onChange={(timezone) => onChange({ timezone })} error={errors.timezone} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('contacts.city')} value={values.city} onChange={(e) => onChange({ city: e.currentTarget.value })} error={errors.city} />
        <TextInput label={t('contacts.region')} value={values.region} onChange={(e) => onChange({ region: e.currentTarget.value })} error={errors.region} />
      </SimpleGrid>
      <TagsInput
        label={t('contacts.tags')}
        value={values.tags}
        onChange={(tags) => onChange({ tags })}
        error={Object.entries(errors).find(([k]) => k.startsWith('tags'))?.[1]}
        acceptValueOnBlur
        clearable
      />
      <CustomInput value={values.custom} onChange={(custom) => onChange({ custom })} />
    </>
  );
}

/** The error of the last save (next to the button the person just pressed), Cancel and Save. */
export function FormFooter({ error, saving, canSave, onCancel }: { error: string | null; saving: boolean; canSave: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mt="lg">
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('contactForm.notSaved')} data-testid="form-error">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} />} disabled={!canSave}>{t('contactForm.save')}</Button>
      </Group>
    </Stack>
  );
}
