import { createBrowserRouter } from 'react-router-dom';
import { HomeRedirect, ProjectHome, ProjectLayout, RequireAuth } from './guards.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { InvitePage } from '../features/auth/InvitePage.tsx';
import { numbersRoutes } from '../features/numbers/routes.tsx';
import { campaignsRoutes } from '../features/campaigns/routes.tsx';
import { connectorsRoutes } from '../features/connectors/routes.tsx';
import { telephonyRoutes } from '../features/telephony/routes.tsx';
import { callsRoutes } from '../features/calls/routes.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { lazyPage } from './lazy-page.ts';

/** Every page of the app. Project pages live under `/p/:projectId` so links can be shared. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'p/:projectId',
        element: <ProjectLayout />,
        children: [
          { index: true, element: <ProjectHome /> },
          { path: 'desktop', ...lazyPage(async () => (await import('../features/desktop/DesktopPage.tsx')).DesktopPage) },
          { path: 'supervisor', ...lazyPage(async () => (await import('../features/supervisor/SupervisorPage.tsx')).SupervisorPage) },
          { path: 'queues', ...lazyPage(async () => (await import('../features/queues/QueuesPage.tsx')).QueuesPage) },
          { path: 'call-routing', ...lazyPage(async () => (await import('../features/call-routing/CallRoutingPage.tsx')).CallRoutingPage) },
          { path: 'contacts', ...lazyPage(async () => (await import('../features/contacts/ContactsPage.tsx')).ContactsPage) },
          { path: 'contacts/:contactId', ...lazyPage(async () => (await import('../features/contacts/ContactPage.tsx')).ContactPage) },
          { path: 'accounts', ...lazyPage(async () => (await import('../features/contacts/AccountsPage.tsx')).AccountsPage) },
          { path: 'accounts/:accountId', ...lazyPage(async () => (await import('../features/contacts/AccountPage.tsx')).AccountPage) },
          { path: 'import', ...lazyPage(async () => (await import('../features/imports/ImportPage.tsx')).ImportPage) },
          { path: 'members', ...lazyPage(async () => (await import('../features/members/MembersPage.tsx')).MembersPage) },
          { path: 'api-keys', ...lazyPage(async () => (await import('../features/api-keys/ApiKeysPage.tsx')).ApiKeysPage) },
          { path: 'webhooks', ...lazyPage(async () => (await import('../features/webhooks/WebhooksPage.tsx')).WebhooksPage) },
          { path: 'webhooks/:webhookId', ...lazyPage(async () => (await import('../features/webhooks/WebhookPage.tsx')).WebhookPage) },
          ...numbersRoutes,
          ...campaignsRoutes,
          ...connectorsRoutes,
          ...telephonyRoutes,
          ...callsRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
