import { createBrowserRouter } from 'react-router-dom';
import { HomeRedirect, ProjectHome, ProjectLayout, RequireAuth } from './guards.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { InvitePage } from '../features/auth/InvitePage.tsx';
import { ContactsPage } from '../features/contacts/ContactsPage.tsx';
import { ContactPage } from '../features/contacts/ContactPage.tsx';
import { AccountPage } from '../features/contacts/AccountPage.tsx';
import { AccountsPage } from '../features/contacts/AccountsPage.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';
import { MembersPage } from '../features/members/MembersPage.tsx';
import { ApiKeysPage } from '../features/api-keys/ApiKeysPage.tsx';
import { WebhooksPage } from '../features/webhooks/WebhooksPage.tsx';
import { WebhookPage } from '../features/webhooks/WebhookPage.tsx';
import { numbersRoutes } from '../features/numbers/routes.tsx';
import { campaignsRoutes } from '../features/campaigns/routes.tsx';
import { connectorsRoutes } from '../features/connectors/routes.tsx';
import { telephonyRoutes } from '../features/telephony/routes.tsx';
import { callsRoutes } from '../features/calls/routes.tsx';
import { DesktopPage } from '../features/desktop/DesktopPage.tsx';
import { SupervisorPage } from '../features/supervisor/SupervisorPage.tsx';
import { QueuesPage } from '../features/queues/QueuesPage.tsx';
import { CallRoutingPage } from '../features/call-routing/CallRoutingPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

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
          { path: 'desktop', element: <DesktopPage /> },
          { path: 'supervisor', element: <SupervisorPage /> },
          { path: 'queues', element: <QueuesPage /> },
          { path: 'call-routing', element: <CallRoutingPage /> },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'contacts/:contactId', element: <ContactPage /> },
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'accounts/:accountId', element: <AccountPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'members', element: <MembersPage /> },
          { path: 'api-keys', element: <ApiKeysPage /> },
          { path: 'webhooks', element: <WebhooksPage /> },
          { path: 'webhooks/:webhookId', element: <WebhookPage /> },
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
