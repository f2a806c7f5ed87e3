import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, sign } from '../../src/telephony/adapters/webhook/signature.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import type { TestProject } from '../support/fixtures.ts';
import { pollUntil } from '../support/poll.ts';
import { startTwoProcesses } from '../support/use-switchboard.ts';

/** Two Switchboard processes on one database: telephony settings changed on one apply on the other, and after a restart. */
let a: TestSwitchboard;
let b: TestSwitchboard;
let p: TestProject;

beforeAll(async () => {
  ({ a, b, p } = await startTwoProcesses());
});
afterAll(async () => Promise.all([a?.stop(), b?.stop()]));

const admin = () => ({ authorization: `Bearer ${p.apiKey}` });

describe('telephony settings across processes', () => {
  it('switch the adapter and the webhook secret in every process, and survive a restart', async () => {
    const patched = await a.app.inject({ method: 'PATCH', url: `/api/projects/${p.projectId}/telephony`, headers: admin(), payload: { adapter: 'webhook', webhookUrl: 'http://127.0.0.1:9/pbx' } });
    expect(patched.statusCode).toBe(200);
    const { secret } = (await a.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/telephony/rotate-secret`, headers: admin() })).json() as { secret: string };
    await pollUntil(async () => b.services.telephonyAdapters.settings.peek(p.projectId).webhookSecret, (s) => s === secret, 10_000);
    expect(b.services.telephony.adapterFor(p.projectId).name).toBe('webhook');

    const body = JSON.stringify({ callId: 'x-1', from: null, to: '+420222000111' });
    const res = await b.app.inject({
      method: 'POST',
      url: `/api/telephony/webhook/${p.projectId}/route`,
      payload: body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(secret, Math.floor(Date.now() / 1000), body) },
    });
    expect(res.statusCode).toBe(200);

    const c = await startTestSwitchboard({ databaseUrl: a.db.url });
    try {
      expect(c.services.telephony.adapterFor(p.projectId).name).toBe('webhook');
      expect((await c.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/telephony`, headers: admin() })).json()).toMatchObject({ adapter: 'webhook', webhook: { url: 'http://127.0.0.1:9/pbx', secretSet: true } });
    } finally {
      await c.stop();
    }
  });
});
