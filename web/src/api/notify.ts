import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';
import { ApiError } from './client.ts';

/** A human sentence for any thrown value; API errors keep the server's message (it says what to fix). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return i18n.t('errors.network');
    if (err.code === 'RATE_LIMITED') return i18n.t('errors.rateLimited');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Shows an error as a red notification titled with the error code. */
export function notifyError(err: unknown): void {
  const code = err instanceof ApiError ? err.code : undefined;
  notifications.show({ color: 'red', title: code ? i18n.t('errors.titleWithCode', { code }) : i18n.t('errors.title'), message: errorMessage(err) });
}

/** Shows a short green confirmation. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
