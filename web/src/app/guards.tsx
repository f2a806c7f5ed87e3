import { Center } from '@mantine/core';
import { IconFolderOff } from '@tabler/icons-react';
import { Navigate, Outlet, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Empty, Loading } from '../components/States.tsx';
import { useAuth } from './auth.tsx';
import { LiveProvider } from './live.tsx';
import { ProjectProvider, projectPath, useProject } from './project.tsx';
import { landingPage } from '../features/desktop/landing.ts';
import { Shell } from './Shell.tsx';

/** Pages below need a session; without one the person goes to the sign-in form and comes back after. */
export function RequireAuth() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** `/`: the first project of the person, or an explanation when they have none. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const first = me?.projects[0];
  if (first) return <Navigate to={projectPath(first.projectId, landingPage(first.role))} replace />;
  return (
    <Center h="100vh">
      <Empty title={t('shell.noProjects')} description={t('shell.noProjectsHint')} icon={<IconFolderOff size={28} />} />
    </Center>
  );
}

/** `/p/:projectId`: the role's landing page (agents: desktop; supervisors and admins: supervisor view). */
export function ProjectHome() {
  const { role } = useProject();
  return <Navigate to={landingPage(role)} replace />;
}

/** `/p/:projectId/*`: checks membership, then provides the project, its live socket and the shell. */
export function ProjectLayout() {
  const { t } = useTranslation();
  const { projectId } = useParams();
  const { me } = useAuth();
  const project = me?.projects.find((p) => p.projectId === projectId);
  if (!project) {
    return (
      <Center h="100vh">
        <Empty title={t('shell.projectNotFound')} description={t('shell.projectNotFoundHint')} icon={<IconFolderOff size={28} />} />
      </Center>
    );
  }
  return (
    <ProjectProvider project={project}>
      <LiveProvider projectId={project.projectId}>
        <Shell />
      </LiveProvider>
    </ProjectProvider>
  );
}
