import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pino from 'pino';
import { handleError } from '../../src/platform/http/errors.ts';
import { KamailioAdapter } from '../../src/telephony/adapters/kamailio/adapter.ts';
import type { KamailioAnswer } from '../../src/telephony/adapters/kamailio/protocol.ts';
import { kamailioRoutes } from '../../src/telephony/adapters/kamailio/routes.ts';
import { telephonyPortContract, type PbxOutcome } from './telephony-port.contract.ts';

/** Drives the Kamailio adapter over HTTP exactly as deploy/kamailio/kamailio.cfg does. */
telephonyPortContract('kamailio', async (ctx) => {
  const adapter = new KamailioAdapter(ctx, pino({ level: 'silent' }));
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(async (scoped) => kamailioRoutes(adapter)(scoped));
  await app.ready();
  const post = (url: string, payload: object, token = 'valid-token') =>
    app.inject({ method: 'POST', url, payload, headers: { 'x-switchboard-token': token } });
  return {
    adapter,
    async ask(q, opts) {
      const res = await post('/api/telephony/kamailio/route', { callId: q.callId, from: q.from ?? '', to: q.to }, opts?.credential === 'unknown' ? 'nope' : 'valid-token');
      // kamailio.cfg uses its local fallback for anything but a 200.
      if (res.statusCode !== 200) return { action: 'pbx-fallback' };
      const a = res.json() as KamailioAnswer;
      if (a.action === 'reject') return { action: 'reject', code: a.code };
      return { action: 'dial', targets: a.targets.map((t) => `${t.kind}:${t.user}`), ringSeconds: a.ringSeconds } satisfies PbxOutcome;
    },
    async report(e) {
      const body =
        e.kind === 'answered'
          ? { event: 'answered', callId: e.callId, target: `agent:${e.extension}` }
          : e.sipCode === 200
            ? { event: 'ended', callId: e.callId, cause: 'normal' }
            : { event: 'failed', callId: e.callId, code: String(e.sipCode) };
      const res = await post('/api/telephony/kamailio/events', body);
      if (res.statusCode !== 200) throw new Error(`event refused: ${res.statusCode} ${res.body}`);
    },
    close: () => app.close(),
  };
});
