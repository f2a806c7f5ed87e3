import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../../../platform/http/app.ts';
import { AppError } from '../../../platform/errors.ts';
import type { WebhookAdapter } from './adapter.ts';
import { SIGNATURE_HEADER } from './signature.ts';

const Params = z.object({ projectId: z.string().max(64) });

/**
 * The hosted PBX's two endpoints. Public to the session/API-key policy: the PBX proves itself with
 * the HMAC signature over the raw body, so JSON bodies are kept as received (this scope only).
 */
export function webhookTelephonyRoutes(adapter: WebhookAdapter) {
  return (app: FastifyInstance) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      (req as FastifyRequest & { rawBody?: string }).rawBody = body as string;
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new AppError('MALFORMED_JSON', 'The body is not valid JSON'), undefined);
      }
    });
    const r = typed(app);
    const config = { access: 'public', rateLimit: false } as const;
    const check = (req: FastifyRequest & { params: { projectId: string } }) => {
      const header = req.headers[SIGNATURE_HEADER];
      adapter.authenticate(req.params.projectId, typeof header === 'string' ? header : undefined, (req as { rawBody?: string }).rawBody ?? '');
      return req.params.projectId;
    };

    r.post('/api/telephony/webhook/:projectId/route', {
      config,
      schema: { tags: ['telephony'], summary: 'A hosted PBX asks where an incoming call goes (signed)', params: Params, body: z.unknown() },
    }, async (req) => adapter.route(check(req), req.body));

    r.post('/api/telephony/webhook/:projectId/events', {
      config,
      schema: { tags: ['telephony'], summary: 'A hosted PBX reports a call event (signed, unique eventId)', params: Params, body: z.unknown() },
    }, async (req) => {
      adapter.event(check(req), req.body);
      return { ok: true };
    });
  };
}
