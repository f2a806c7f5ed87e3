import { createContext, useContext, type ReactNode } from 'react';
import type { Membership } from './auth.tsx';

const ProjectContext = createContext<Membership | null>(null);

/** Makes the current project (from the `/p/:projectId` route) and the person's role in it available below. */
export function ProjectProvider({ project, children }: { project: Membership; children: ReactNode }) {
  return <ProjectContext.Provider value={project}>{children}</ProjectContext.Provider>;
}

export function useProject(): Membership {
  const ctx = useContext(ProjectContext);
  if (!ctx) throw new Error('useProject outside a project route');
  return ctx;
}

/** Path of a page inside the current project, e.g. `projectPath(id, 'contacts')`. */
export function projectPath(projectId: string, ...parts: string[]): string {
  return ['/p', projectId, ...parts].join('/');
}

const RANK = { agent: 0, supervisor: 1, admin: 2 } as const;

/** Whether a role reaches at least `min`; the server enforces the same order. */
export function hasRole(role: Membership['role'], min: Membership['role']): boolean {
  return RANK[role] >= RANK[min];
}
