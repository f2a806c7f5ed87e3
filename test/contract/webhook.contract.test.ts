import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pino from 'pino';
import { expect } from 'vitest';
import { handleError } from '../../src/platform/http/errors.ts';
import { WebhookAdapter } from '../../src/telephony/adapters/webhook/adapter.ts';
import { webhookTelephonyRoutes } from '../../src/telephony/adapters/webhook/routes.ts';
import { SIGNATURE_HEADER, sign } from '../../src/telephony/adapters/webhook/signature.ts';
import type { RouteAnswer } from '../../src/telephony/port.ts';
import { startPbxReceiver } from '../support/pbx-receiver.ts';
import { CONTRACT_PROJECT, telephonyPortContract } from './telephony-port.contract.ts';

const SECRET = 'tlsec_contract';

/** Drives the webhook adapter over HTTP as a hosted PBX would, with a real receiver for its commands. */
telephonyPortContract('webhook', async (ctx) => {
  const pbx = await startPbxReceiver(SECRET);
  const adapter = new WebhookAdapter({
    ctx,
    log: pino({ level: 'silent' }),
    endpoint: (projectId) => (projectId === CONTRACT_PROJECT ? { url: pbx.url, secret: SECRET } : undefined),
    timeoutMs: 2000,
  });
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(async (scoped) => webhookTelephonyRoutes(adapter)(scoped));
  await app.ready();
  const post = (path: string, payload: object, secret = SECRET) => {
    const body = JSON.stringify(payload);
    const headers = { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(secret, Math.floor(Date.now() / 1000), body) };
    return app.inject({ method: 'POST', url: `/api/telephony/webhook/${CONTRACT_PROJECT}/${path}`, payload: body, headers });
  };
  return {
    adapter,
    async ask(q, opts) {
      const res = await post('route', { callId: q.callId, from: q.from, to: q.to }, opts?.credential === 'unknown' ? 'not-the-secret' : SECRET);
      if (res.statusCode !== 200) return { action: 'pbx-fallback' };
      const a = res.json() as RouteAnswer;
      if (a.action === 'reject') return { action: 'reject', code: a.code };
      const labels = a.targets.map((t) => (t.kind === 'agent' ? `agent:${t.extension}` : t.kind === 'external' ? `external:${t.number}` : `voicemail:${t.box}`));
      return { action: 'dial', targets: labels, ringSeconds: a.ringSeconds };
    },
    async report(e) {
      const body = e.kind === 'answered' ? { event: 'answered', extension: e.extension } : { event: 'ended', sipCode: e.sipCode };
      const res = await post('events', { eventId: randomUUID(), callId: e.callId, ...body });
      if (res.statusCode !== 200) throw new Error(`event refused: ${res.statusCode} ${res.body}`);
    },
    liveCall: async () => 'pbx-live-1',
    async confirm(command, callId) {
      const got = pbx.commands.findLast((c) => c.command === command);
      expect(got).toMatchObject({ command, projectId: CONTRACT_PROJECT });
      if (command !== 'originate' && command !== 'dial') expect(got?.callId).toBe(callId);
      expect(pbx.badSignatures).toBe(0);
    },
    async close() {
      await app.close();
      await pbx.close();
    },
  };
});
