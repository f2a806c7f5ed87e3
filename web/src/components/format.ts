import i18n from '../i18n/index.ts';

/** Date and time in the UI language, or an em dash when there is none. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** A whole number with the UI language's digit grouping. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18n.language).format(n);
}
