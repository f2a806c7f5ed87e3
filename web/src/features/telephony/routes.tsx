import { IconPhone } from '@tabler/icons-react';
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazy-page.ts';

/** The telephony settings page under `/p/:projectId`. */
export const telephonyRoutes: RouteObject[] = [{ path: 'telephony', ...lazyPage(async () => (await import('./TelephonyPage.tsx')).TelephonyPage) }];

/** Its sidebar entry (admin section). */
export const telephonyNav = [{ path: 'telephony', label: 'telephony.nav', icon: IconPhone, min: 'admin' as const }];
