import { IconPhoneCall } from '@tabler/icons-react';
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazy-page.ts';

/** The calls report under `/p/:projectId`. */
export const callsRoutes: RouteObject[] = [{ path: 'calls', ...lazyPage(async () => (await import('./CallsPage.tsx')).CallsPage) }];

/** Its sidebar entry (work section, supervisors and up). */
export const callsNav = { path: 'calls', label: 'calls.nav', icon: IconPhoneCall, min: 'supervisor' as const };
