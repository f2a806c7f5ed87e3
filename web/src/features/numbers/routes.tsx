import { IconPhoneCall, IconPhoneOutgoing, IconServer } from '@tabler/icons-react';
import type { RouteObject } from 'react-router-dom';
import { CallerIdsPage } from './CallerIdsPage.tsx';
import { TrackingPage } from './TrackingPage.tsx';
import { TrunksPage } from './TrunksPage.tsx';

/** The numbers pages under `/p/:projectId`. */
export const numbersRoutes: RouteObject[] = [
  { path: 'caller-ids', element: <CallerIdsPage /> },
  { path: 'tracking', element: <TrackingPage /> },
  { path: 'trunks', element: <TrunksPage /> },
];

/** Their sidebar entries (admin section; supervisors see Tracking for its figures). */
export const numbersNav = [
  { path: 'caller-ids', label: 'numbers.nav.callerIds', icon: IconPhoneOutgoing, min: 'admin' as const },
  { path: 'tracking', label: 'numbers.nav.tracking', icon: IconPhoneCall, min: 'supervisor' as const },
  { path: 'trunks', label: 'numbers.nav.trunks', icon: IconServer, min: 'admin' as const },
];
