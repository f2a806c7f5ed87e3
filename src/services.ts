import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './platform/db/db.ts';
import type { EventBus } from './platform/events/bus.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import type { Mailer } from './platform/mail/mailer.ts';
import type { RouteModule } from './platform/http/app.ts';
import { eventSocketRoutes } from './platform/ws/events-route.ts';
import { createDirectory } from './domains/directory/index.ts';
import { directoryRoutes } from './domains/directory/routes.ts';
import { projectAdminRoutes } from './domains/directory/admin-routes.ts';

export interface Platform {
  config: Config;
  log: Logger;
  db: Db;
  bus: EventBus;
  jobs: Jobs;
  mailer: Mailer;
}

/** Wires every domain service from the platform pieces; the one place that knows them all. */
export async function createServices(p: Platform) {
  const directory = createDirectory({
    db: p.db,
    bus: p.bus,
    mailer: p.mailer,
    publicUrl: p.config.publicUrl,
    sessionDays: p.config.SESSION_DAYS,
    inviteHours: p.config.INVITE_HOURS,
  });
  const routes: RouteModule[] = [
    directoryRoutes(directory, { secureCookies: p.config.publicUrl.startsWith('https:'), loginRateLimit: p.config.LOGIN_RATE_LIMIT }),
    projectAdminRoutes(directory),
    eventSocketRoutes(p.bus),
  ];
  return { directory, routes, stop: async () => undefined };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
