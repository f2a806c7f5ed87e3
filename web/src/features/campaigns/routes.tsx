import { IconLock, IconPhoneOutgoing } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router-dom';
import { hasRole, useProject } from '../../app/project.tsx';
import { Empty } from '../../components/States.tsx';
import { CampaignPage } from './CampaignPage.tsx';
import { CampaignsPage } from './CampaignsPage.tsx';

/** Campaign pages are for supervisors and admins (the API refuses agents); an agent who follows a link is told so. */
function SupervisorsOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useProject();
  if (!hasRole(role, 'supervisor')) return <Empty title={t('campaigns.forbidden')} description={t('campaigns.forbiddenHint')} icon={<IconLock size={28} />} />;
  return <>{children}</>;
}

/** The campaign pages under `/p/:projectId`. */
export const campaignsRoutes: RouteObject[] = [
  { path: 'campaigns', element: <SupervisorsOnly><CampaignsPage /></SupervisorsOnly> },
  { path: 'campaigns/:campaignId', element: <SupervisorsOnly><CampaignPage /></SupervisorsOnly> },
];

/** The sidebar entry (work section, supervisors and up). */
export const campaignsNav = { path: 'campaigns', label: 'campaigns.nav', icon: IconPhoneOutgoing, min: 'supervisor' as const };
