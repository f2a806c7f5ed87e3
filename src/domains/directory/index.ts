import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { DirectoryAccess } from './access.ts';
import { ApiKeys } from './api-keys.ts';
import { Invitations } from './invitations.ts';
import { Members } from './members.ts';
import { Projects } from './projects.ts';
import { Sessions } from './sessions.ts';

/** Projects, people, roles, sign-in, invitations and API keys. */
export function createDirectory(deps: { db: Db; bus: EventBus; mailer: Mailer; publicUrl: string; sessionDays: number; inviteHours: number }) {
  const access = new DirectoryAccess(deps.db);
  // Other processes on the same database cache keys too; a revocation reaches them as an event.
  deps.bus.subscribe((event) => {
    if (event.type === 'api_key.revoked') access.forgetKeys();
  });
  return {
    access,
    sessions: new Sessions(deps.db, deps.sessionDays),
    invitations: new Invitations({ db: deps.db, mailer: deps.mailer, bus: deps.bus, publicUrl: deps.publicUrl, hours: deps.inviteHours }),
    members: new Members(deps.db),
    apiKeys: new ApiKeys(deps.db, (projectId, apiKeyId) => {
      access.forgetKeys();
      deps.bus.publish(projectId, 'api_key.revoked', { apiKeyId });
    }),
    projects: new Projects(deps.db),
  };
}

export type Directory = ReturnType<typeof createDirectory>;
