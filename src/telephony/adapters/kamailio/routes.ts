import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed } from '../../../platform/http/app.ts';
import type { KamailioAdapter } from './adapter.ts';

export const PBX_TOKEN_HEADER = 'x-switchboard-token';

const tokenOf = (req: FastifyRequest): string | undefined => {
  const v = req.headers[PBX_TOKEN_HEADER];
  return typeof v === 'string' ? v.trim() : undefined;
};

/**
 * The two HTTP endpoints deploy/kamailio/kamailio.cfg calls. They sit outside the session/API-key
 * policy (access 'public') because the PBX authenticates with the project's PBX token, checked
 * from memory so the route answer never waits on the database; they are exempt from the API rate
 * limit because one Kamailio carries every call of the project.
 */
export function kamailioRoutes(adapter: KamailioAdapter) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const config = { access: 'public', rateLimit: false } as const;

    r.post('/api/telephony/kamailio/route', {
      config,
      schema: { tags: ['telephony'], summary: 'Kamailio asks where an incoming call goes', body: z.unknown() },
    }, async (req) => adapter.route(adapter.authenticate(tokenOf(req)), req.body));

    r.post('/api/telephony/kamailio/events', {
      config,
      schema: { tags: ['telephony'], summary: 'Kamailio reports a dialog event (answered, ended, failed)', body: z.unknown() },
    }, async (req) => {
      adapter.event(adapter.authenticate(tokenOf(req)), req.body);
      return { ok: true };
    });
  };
}
