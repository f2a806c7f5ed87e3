import type { Logger } from 'pino';
import type { Db } from '../platform/db/db.ts';
import type { EventBus } from '../platform/events/bus.ts';
import type { RouteModule } from '../platform/http/app.ts';
import { SimAdapter } from './adapters/sim/adapter.ts';
import { simRecordingUrl, simRoutes } from './adapters/sim/recording.ts';
import { SimTraffic } from './adapters/sim/traffic.ts';
import { WebhookAdapter } from './adapters/webhook/adapter.ts';
import { webhookTelephonyRoutes } from './adapters/webhook/routes.ts';
import type { TelephonyHub } from './hub.ts';
import type { AdapterContext } from './port.ts';
import { TelephonySettings, type AdapterName } from './settings/service.ts';
import { telephonyRoutes } from './settings/routes.ts';

export interface TelephonyDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
  hub: TelephonyHub;
  /** The router and event sink every adapter shares (callRouting.desk). */
  ctx: AdapterContext;
  defaultAdapter: AdapterName;
  publicUrl: string;
  pbxTimeoutMs: number;
  /** A random sample of the project's contact numbers (contacts domain). */
  callers(projectId: string, limit: number): Promise<string[]>;
  /** The numbers customers dial (the project's tracking numbers); empty for a default number. */
  dialled(projectId: string): Promise<string[]>;
}

/**
 * The simulator and the hosted-PBX webhook adapter, registered with the hub, plus the per-project
 * telephony settings that choose between them (and Kamailio) and drive the simulator's traffic.
 */
export function createTelephonyAdapters(d: TelephonyDeps) {
  const settings = new TelephonySettings(d.db, d.bus, d.hub, d.defaultAdapter, d.log.child({ domain: 'telephony' }));
  const sim = new SimAdapter({
    ctx: d.ctx,
    log: d.log.child({ adapter: 'sim' }),
    settings: (projectId) => settings.peek(projectId).sim,
    serves: (projectId) => d.hub.adapterFor(projectId).name === 'sim',
    recordingUrl: (callId) => simRecordingUrl(d.publicUrl, callId),
  });
  const webhook = new WebhookAdapter({
    ctx: d.ctx,
    log: d.log.child({ adapter: 'webhook' }),
    endpoint: (projectId) => {
      const s = settings.peek(projectId);
      return { url: s.webhookUrl, secret: s.webhookSecret };
    },
    timeoutMs: d.pbxTimeoutMs,
  });
  d.hub.register(sim);
  d.hub.register(webhook);
  const traffic = new SimTraffic({ sim, log: d.log.child({ adapter: 'sim' }), settings: (projectId) => settings.peek(projectId).sim, callers: d.callers, dialled: d.dialled });
  const refresh = (projectId: string) => traffic.refresh(projectId, settings.peek(projectId).adapter === 'sim');
  settings.onChange(refresh);
  const routes: RouteModule[] = [telephonyRoutes(settings, d.hub, d.publicUrl), simRoutes(), webhookTelephonyRoutes(webhook)];
  return {
    settings,
    sim,
    webhook,
    traffic,
    routes,
    /** Loads every project's settings into the hub and starts the simulator's inbound traffic. */
    start: () => settings.start(),
    stop(): void {
      traffic.close();
      settings.close();
    },
  };
}

export type TelephonyAdapters = ReturnType<typeof createTelephonyAdapters>;
