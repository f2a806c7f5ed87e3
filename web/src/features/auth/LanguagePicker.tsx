import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyLocale, isLocale, LANGUAGES } from '../../i18n/index.ts';

/** Language choice before sign-in (afterwards it lives in the user menu and the account). */
export function LanguagePicker() {
  const { i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      value={i18n.language}
      onChange={(v) => isLocale(v) && applyLocale(v)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.code.toUpperCase() }))}
      aria-label="Language"
    />
  );
}
