import { IconPlugConnected } from '@tabler/icons-react';
import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazy-page.ts';

/** The connectors page under `/p/:projectId`. */
export const connectorsRoutes: RouteObject[] = [{ path: 'connectors', ...lazyPage(async () => (await import('./ConnectorsPage.tsx')).ConnectorsPage) }];

/** Its sidebar entry (admin section). */
export const connectorsNav = [{ path: 'connectors', label: 'connectors.nav', icon: IconPlugConnected, min: 'admin' as const }];
