import { IconPlugConnected } from '@tabler/icons-react';
import type { RouteObject } from 'react-router-dom';
import { ConnectorsPage } from './ConnectorsPage.tsx';

/** The connectors page under `/p/:projectId`. */
export const connectorsRoutes: RouteObject[] = [{ path: 'connectors', element: <ConnectorsPage /> }];

/** Its sidebar entry (admin section). */
export const connectorsNav = [{ path: 'connectors', label: 'connectors.nav', icon: IconPlugConnected, min: 'admin' as const }];
