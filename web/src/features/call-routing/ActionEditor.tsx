import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_TYPES, type Action, type CallGroup, type RejectCode } from './api.ts';
import { actionOfType } from './rules.ts';

/**
 * Where a call goes: the caller's owner agent, a call group, an external number, a voicemail box or a
 * rejection with its SIP code. `errors` are the server's messages keyed `<prefix>.<field>` (fieldErrors).
 */
export function ActionEditor({ value, onChange, groups, errors, prefix, testId }: {
  value: Action;
  onChange: (a: Action) => void;
  groups: CallGroup[];
  errors: Record<string, string>;
  prefix: 'action' | 'fallback';
  testId: string;
}) {
  const { t } = useTranslation();
  const err = (f: string) => errors[`${prefix}.${f}`];
  const types = ACTION_TYPES.map((v) => ({ value: v, label: t(`callRouting.actions.${v}`) }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select label={t('callRouting.actionType')} data={types} value={value.type} allowDeselect={false} comboboxProps={{ withinPortal: false }}
        onChange={(v) => v && onChange(actionOfType(v as Action['type'], value, groups[0]?.id))} error={err('type')} data-testid={`${testId}-type`} />
      {value.type === 'group' && (
        <Select label={t('callRouting.group')} data={groups.map((g) => ({ value: g.id, label: g.name }))} value={value.groupId || null} allowDeselect={false}
          comboboxProps={{ withinPortal: false }} placeholder={t('callRouting.pickGroup')} onChange={(v) => v && onChange({ type: 'group', groupId: v })}
          error={err('groupId')} data-testid={`${testId}-group`} />
      )}
      {value.type === 'external' && (
        <TextInput label={t('callRouting.externalNumber')} description={t('callRouting.e164Hint')} placeholder="+420601123456" value={value.number}
          onChange={(e) => onChange({ type: 'external', number: e.currentTarget.value })} error={err('number')} data-testid={`${testId}-number`} />
      )}
      {value.type === 'voicemail' && (
        <TextInput label={t('callRouting.voicemailBox')} description={t('callRouting.voicemailHint')} value={value.box}
          onChange={(e) => onChange({ type: 'voicemail', box: e.currentTarget.value })} error={err('box')} data-testid={`${testId}-box`} />
      )}
      {value.type === 'reject' && (
        <Select label={t('callRouting.rejectCode')} allowDeselect={false} comboboxProps={{ withinPortal: false }} value={String(value.code)}
          data={(['603', '486', '480'] as const).map((c) => ({ value: c, label: `${c} · ${t(`callRouting.reject.${c}`)}` }))}
          onChange={(v) => v && onChange({ type: 'reject', code: Number(v) as RejectCode })} error={err('code')} />
      )}
    </SimpleGrid>
  );
}
