import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { simSettingsSchema } from '../adapters/sim/settings.ts';
import type { Capabilities } from '../port.ts';
import type { TelephonyHub } from '../hub.ts';
import type { ProjectTelephony, TelephonySettings } from './service.ts';

const P = z.object({ projectId: z.string() });
const Patch = z.strictObject({
  adapter: z.enum(['sim', 'kamailio', 'webhook']).optional(),
  webhookUrl: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).max(2000).nullable().optional(),
  sim: simSettingsSchema.partial().optional(),
});

/** The adapters this server runs, with what each can do, so the page can say what works and what does not. */
export interface TelephonyView {
  adapter: string;
  capabilities: Readonly<Capabilities>;
  adapters: Array<{ name: string; capabilities: Readonly<Capabilities> }>;
  webhook: { url: string | null; secretSet: boolean; routeUrl: string; eventsUrl: string };
  sim: ProjectTelephony['sim'];
}

/** Telephony settings (admins) and the project's capabilities (anyone working the project). */
export function telephonyRoutes(settings: TelephonySettings, hub: TelephonyHub, publicUrl: string) {
  const view = (projectId: string): TelephonyView => {
    const s = settings.peek(projectId);
    const base = `${publicUrl}/api/telephony/webhook/${projectId}`;
    return {
      adapter: hub.adapterFor(projectId).name,
      capabilities: hub.capabilities(projectId),
      adapters: hub.list().map((a) => ({ name: a.name, capabilities: a.capabilities })),
      webhook: { url: s.webhookUrl, secretSet: s.webhookSecret !== null, routeUrl: `${base}/route`, eventsUrl: `${base}/events` },
      sim: s.sim,
    };
  };
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['telephony'];

    r.get('/api/projects/:projectId/telephony', { config: { access: 'admin' }, schema: { tags, params: P } },
      async (req) => view(projectAccess(req).projectId));

    r.patch('/api/projects/:projectId/telephony', { config: { access: 'admin' }, schema: { tags, params: P, body: Patch } },
      async (req) => {
        const { projectId } = projectAccess(req);
        await settings.update(projectId, req.body, actorOf(req));
        return view(projectId);
      });

    r.post('/api/projects/:projectId/telephony/rotate-secret', { config: { access: 'admin' }, schema: { tags, params: P } },
      async (req) => settings.rotateSecret(projectAccess(req).projectId, actorOf(req)));

    r.get('/api/projects/:projectId/telephony/capabilities', { config: { access: 'agent' }, schema: { tags, params: P } },
      async (req) => {
        const { projectId } = projectAccess(req);
        return { adapter: hub.adapterFor(projectId).name, capabilities: hub.capabilities(projectId) };
      });
  };
}
