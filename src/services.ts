import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './platform/db/db.ts';
import type { EventBus } from './platform/events/bus.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import type { Mailer } from './platform/mail/mailer.ts';
import type { RouteModule } from './platform/http/app.ts';
import { eventSocketRoutes } from './platform/ws/events-route.ts';
import { scheduleDaily } from './platform/jobs/daily.ts';
import { createDirectory } from './domains/directory/index.ts';
import { directoryRoutes } from './domains/directory/routes.ts';
import { projectAdminRoutes } from './domains/directory/admin-routes.ts';
import { createContacts } from './domains/contacts/index.ts';
import { contactRoutes } from './domains/contacts/routes.ts';
import { createImports } from './domains/imports/index.ts';
import { importRoutes } from './domains/imports/routes.ts';
import { createWebhooks } from './domains/webhooks/index.ts';
import { webhookRoutes } from './domains/webhooks/routes.ts';
import { createRouting } from './domains/tasks/index.ts';
import { taskRoutes } from './domains/tasks/routes.ts';
import { routingAdminRoutes } from './domains/tasks/admin-routes.ts';
import { createCallRouting } from './domains/call-routing/index.ts';
import { callRoutingRoutes } from './domains/call-routing/routes.ts';
import { createNumbers } from './domains/numbers/index.ts';
import { numbersRoutes } from './domains/numbers/routes.ts';
import { KamailioAdapter } from './telephony/adapters/kamailio/adapter.ts';
import { kamailioRoutes } from './telephony/adapters/kamailio/routes.ts';
import { TelephonyHub } from './telephony/hub.ts';
import { createCallsFrom } from './domains/calls/wiring.ts';
import { callRoutes } from './domains/calls/routes.ts';
import { createTelephonyAdapters } from './telephony/adapters.ts';
import { UserChannel } from './platform/ws/user-channel.ts';
import { createCards } from './domains/cards/index.ts';
import { cardRoutes } from './domains/cards/routes.ts';
import { demoBackofficeRoutes } from './demo/backoffice.ts';
import { createCampaigns } from './domains/campaigns/index.ts';
import { campaignRoutes } from './domains/campaigns/routes.ts';
import { dncRoutes } from './domains/campaigns/dnc-routes.ts';

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
  const sessionPurge = await scheduleDaily(p.jobs, 'expired-session-purge', '41 3 * * *', p.log, () => directory.sessions.purgeExpired());
  const contacts = createContacts({
    db: p.db,
    bus: p.bus,
    log: p.log,
    directory: {
      members: (projectId) => directory.members.list(projectId),
      defaultCountry: async (projectId) => (await directory.projects.get(projectId)).defaultCountry,
    },
  });
  const imports = createImports({ db: p.db, bus: p.bus, facts: contacts.facts, log: p.log });
  const webhooks = createWebhooks(
    { db: p.db, bus: p.bus, jobs: p.jobs, log: p.log },
    {
      policy: { maxAttempts: p.config.WEBHOOK_MAX_ATTEMPTS, baseDelayMs: p.config.WEBHOOK_RETRY_BASE_MS },
      timeoutMs: p.config.WEBHOOK_TIMEOUT_MS,
      logDays: p.config.WEBHOOK_LOG_DAYS,
    },
  );
  await webhooks.start();
  const routing = createRouting({
    db: p.db,
    bus: p.bus,
    log: p.log,
    disconnectGraceMs: p.config.AGENT_DISCONNECT_GRACE_MS,
    disconnectTo: p.config.AGENT_DISCONNECT_STATE,
  });
  await routing.start();
  const callRouting = createCallRouting({ db: p.db, bus: p.bus, log: p.log, deadlineMs: p.config.ROUTE_DEADLINE_MS, directory: contacts.phoneDirectory });
  await Promise.all([contacts.start(), callRouting.start()]);
  // Call routing follows presence events; after a restart it starts from what is stored (a signed-out agent's phone does not ring).
  for (const a of await routing.presenceSnapshot()) callRouting.presence.set(a.projectId, a.userId, a.state === 'available');
  const numbers = createNumbers({ db: p.db, bus: p.bus, log: p.log, defaultCountry: async (projectId) => (await directory.projects.get(projectId)).defaultCountry });
  await numbers.start();
  const kamailio = new KamailioAdapter(
    {
      router: callRouting.desk,
      events: (e) => callRouting.desk.record(e),
      projectForToken: (token) => callRouting.snapshots.projectForToken(token),
    },
    p.log.child({ adapter: 'kamailio' }),
  );
  const channel = new UserChannel();
  const cards = createCards({
    db: p.db,
    bus: p.bus,
    log: p.log,
    channel,
    ttlSeconds: p.config.CARD_TTL_SECONDS,
    publicUrl: p.config.publicUrl,
    agentForExtension: (projectId, ext) => callRouting.snapshots.agentOnExtension(projectId, ext),
    contactForPhone: (projectId, phone) => callRouting.callers.identify(projectId, phone).contactId,
    recordedCall: (projectId, pbxCallId) => calls.recorded(projectId, pbxCallId),
  });
  const telephony = new TelephonyHub(p.bus, p.config.TELEPHONY_ADAPTER);
  telephony.register(kamailio);
  const telephonyAdapters = createTelephonyAdapters({
    db: p.db,
    bus: p.bus,
    log: p.log,
    hub: telephony,
    ctx: { router: callRouting.desk, events: (e) => callRouting.desk.record(e), projectForToken: (token) => callRouting.snapshots.projectForToken(token) },
    defaultAdapter: p.config.TELEPHONY_ADAPTER,
    publicUrl: p.config.publicUrl,
    pbxTimeoutMs: p.config.TELEPHONY_PBX_TIMEOUT_MS,
    callers: (projectId, limit) => contacts.contacts.samplePhones(projectId, limit),
    dialled: async (projectId) => (await numbers.tracking.list(projectId)).map((t) => t.number),
  });
  await telephonyAdapters.start();
  const calls = createCallsFrom({ ...p, wrapUpSeconds: p.config.CALL_WRAP_UP_SECONDS, liveCallsMax: p.config.LIVE_CALLS_MAX, telephony, routing, callRouting, contacts, numbers });
  const campaigns = createCampaigns({ db: p.db, bus: p.bus, log: p.log.child({ domain: 'campaigns' }), routing: routing.engine, telephony, numbers: () => numbers, clock: { now: () => Date.now() } }, { tickMs: p.config.DIALER_TICK_MS });
  await campaigns.start();
  const routes: RouteModule[] = [
    directoryRoutes(directory, { secureCookies: p.config.publicUrl.startsWith('https:'), loginRateLimit: p.config.LOGIN_RATE_LIMIT }),
    projectAdminRoutes(directory),
    eventSocketRoutes(p.bus, { heartbeatMs: p.config.WS_HEARTBEAT_MS, presence: routing.connections, channel }),
    taskRoutes(routing),
    routingAdminRoutes(routing),
    webhookRoutes(webhooks.service),
    contactRoutes(contacts),
    importRoutes(imports),
    callRoutingRoutes(callRouting),
    numbersRoutes(numbers),
    kamailioRoutes(kamailio),
    ...telephonyAdapters.routes,
    cardRoutes(cards),
    callRoutes(calls),
    campaignRoutes(campaigns),
    dncRoutes(campaigns.dnc),
    ...(p.config.DEMO ? [demoBackofficeRoutes()] : []),
  ];
  const stop = async () => {
    await campaigns.stop();
    await calls.stop();
    cards.stop();
    callRouting.stop();
    numbers.stop();
    telephonyAdapters.stop();
    await telephony.close();
    routing.stop();
    await webhooks.stop();
    await p.jobs.offWork({ id: sessionPurge }).catch(() => undefined);
    await imports.stop();
    contacts.stop();
  };
  return { directory, contacts, imports, webhooks: webhooks.service, routing, callRouting, kamailio, telephony, telephonyAdapters, numbers, cards, calls, campaigns, routes, stop };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
