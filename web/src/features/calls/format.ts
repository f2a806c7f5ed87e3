import i18n from '../../i18n/index.ts';
import type { Outcome } from './api.ts';

/** Seconds as h:mm:ss (or m:ss under an hour). */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Money in the UI language, with the currency when one is known. */
export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const opts: Intl.NumberFormatOptions = currency ? { style: 'currency', currency, maximumFractionDigits: 2 } : { maximumFractionDigits: 2 };
  return new Intl.NumberFormat(i18n.language, opts).format(amount);
}

export const percent = (share: number): string => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** Badge colour per outcome: green handled, red lost, grey the network's answers. */
export const outcomeColor: Record<Outcome, string> = {
  answered: 'teal', missed: 'red', voicemail: 'orange', abandoned: 'red', busy: 'gray', no_answer: 'gray', failed: 'gray', rejected: 'gray', machine: 'violet',
};

/** A calendar day (YYYY-MM-DD) `daysAgo` days before today, in the browser's zone. */
export function dayOffset(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
