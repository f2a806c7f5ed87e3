import type { Role } from '../../app/auth.tsx';

/** The first page of a project by role: agents work on their desktop, supervisors and admins watch the floor. */
export function landingPage(role: Role): string {
  return role === 'agent' ? 'desktop' : 'supervisor';
}
