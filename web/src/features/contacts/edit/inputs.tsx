import { ActionIcon, Autocomplete, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhone, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useMembers } from '../api.ts';
import type { FieldErrors, KeyValue, PhoneRow } from './model.ts';

const PHONE_LABELS = ['main', 'mobile', 'work', 'home', 'other'];

/** Several numbers, each with a label; an error the server names (`phones.1.number`) shows under its row. */
export function PhonesInput({ value, onChange, errors }: { value: PhoneRow[]; onChange: (v: PhoneRow[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<PhoneRow>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Input.Wrapper label={t('contacts.phones')} description={t('contactForm.phonesHint')}>
      <Stack gap="xs" mt={6}>
        {value.map((p, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<IconPhone size={16} />}
              placeholder="601 123 456"
              value={p.number}
              onChange={(e) => set(i, { number: e.currentTarget.value })}
              error={errors[`phones.${i}.number`] ?? errors[`phones.${i}`]}
              aria-label={t('contactForm.phoneNumber', { n: i + 1 })}
              data-testid={`phone-${i}`}
            />
            <Autocomplete
              w={130}
              data={PHONE_LABELS}
              value={p.label}
              onChange={(label) => set(i, { label })}
              placeholder={t('contactForm.phoneLabel')}
              aria-label={t('contactForm.phoneLabelN', { n: i + 1 })}
            />
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('contactForm.removePhone', { n: i + 1 })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} disabled={value.length >= 10}
            onClick={() => onChange([...value, { number: '', label: value.length ? 'mobile' : 'main' }])}>
            {t('contactForm.addPhone')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** Free-form custom fields as key / value rows. */
export function CustomInput({ value, onChange }: { value: KeyValue[]; onChange: (v: KeyValue[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<KeyValue>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Input.Wrapper label={t('contacts.custom')}>
      <Stack gap="xs" mt={6}>
        {value.map((p, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput w={180} placeholder={t('contactForm.customKey')} value={p.key} onChange={(e) => set(i, { key: e.currentTarget.value })} aria-label={t('contactForm.customKey')} />
            <TextInput style={{ flex: 1 }} placeholder={t('contactForm.customValue')} value={p.value} onChange={(e) => set(i, { value: e.currentTarget.value })} aria-label={t('contactForm.customValue')} />
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('contactForm.removeField')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, { key: '', value: '' }])}>
            {t('contactForm.addField')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** The project's people, by name, as owners. */
export function OwnerSelect({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const members = useMembers();
  const people = members.data ?? [];
  const emails = new Map(people.map((m) => [m.id, m.email]));
  const data = people.map((m) => ({ value: m.id, label: m.name || m.email }));
  return (
    <Select label={t('contacts.owner')} data={data} value={value} onChange={onChange} searchable clearable error={error}
      placeholder={t('contactForm.noOwner')} nothingFoundMessage={t('common.nothingFound')}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">{emails.get(option.value)}</Text>
        </div>
      )} />
  );
}

const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Prague', 'Europe/Moscow', 'Europe/Istanbul', 'Asia/Almaty', 'UTC'];
  }
})();

/** IANA time zones (`Europe/Prague`), searchable; the server accepts the same names. */
export function TimeZoneSelect({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const data = useMemo(() => (value && !ZONES.includes(value) ? [value, ...ZONES] : ZONES), [value]);
  return (
    <Select label={t('contacts.timezone')} data={data} value={value} onChange={onChange} searchable clearable limit={80}
      error={error} placeholder="Europe/Prague" nothingFoundMessage={t('common.nothingFound')} />
  );
}

/** Picks the contact's account, searching the server by name as one types. */
export function AccountSelect({ value, current, onChange, error }: {
  value: string | null;
  current?: { id: string; name: string } | null;
  onChange: (v: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState(current ?? null);
  const [q] = useDebouncedValue(search === picked?.name ? '' : search.trim(), 200);
  const accounts = useAccounts({ q, limit: 50, offset: 0 });
  const items = accounts.data?.items ?? [];
  const data = [...(picked && !items.some((a) => a.id === picked.id) ? [picked] : []), ...items].map((a) => ({ value: a.id, label: a.name }));
  return (
    <Select
      label={t('contacts.account')}
      data={data}
      value={value}
      onChange={(id, option) => { setPicked(id && option ? { id, name: option.label } : null); onChange(id); }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      error={error}
      placeholder={t('contactForm.noAccount')}
      nothingFoundMessage={t('common.nothingFound')}
      data-testid="account-select"
    />
  );
}
