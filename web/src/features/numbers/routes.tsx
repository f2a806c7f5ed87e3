import { IconPhoneCall, IconPhoneOutgoing, IconServer } from '@tabler/icons-react';
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazy-page.ts';

/** The numbers pages under `/p/:projectId`. */
export const numbersRoutes: RouteObject[] = [
  { path: 'caller-ids', ...lazyPage(async () => (await import('./CallerIdsPage.tsx')).CallerIdsPage) },
  { path: 'tracking', ...lazyPage(async () => (await import('./TrackingPage.tsx')).TrackingPage) },
  { path: 'trunks', ...lazyPage(async () => (await import('./TrunksPage.tsx')).TrunksPage) },
];

/** Their sidebar entries (admin section; supervisors see Tracking for its figures). */
export const numbersNav = [
  { path: 'caller-ids', label: 'numbers.nav.callerIds', icon: IconPhoneOutgoing, min: 'admin' as const },
  { path: 'tracking', label: 'numbers.nav.tracking', icon: IconPhoneCall, min: 'supervisor' as const },
  { path: 'trunks', label: 'numbers.nav.trunks', icon: IconServer, min: 'admin' as const },
];
