import { describe, expect, it } from 'vitest';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ env: { BODY_LIMIT_BYTES: '2048' } });

describe('the HTTP boundary', () => {
  it('answers 413 PAYLOAD_TOO_LARGE in the usual error shape for a body over BODY_LIMIT_BYTES', async () => {
    const res = await ctx.sb.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.test', password: 'x'.repeat(4000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  });

  it('checks the size on signed-in routes too, after the policy let the caller in', async () => {
    const res = await ctx.sb.app.inject({
      method: 'POST',
      url: `/api/projects/${ctx.p.projectId}/api-keys`,
      headers: { cookie: ctx.p.admin.cookie },
      payload: { name: 'n'.repeat(3000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a content type it does not read', async () => {
    const res = await ctx.sb.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } });
  });

  it('answers 404 ROUTE_NOT_FOUND for an unknown API path', async () => {
    const res = await ctx.sb.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('cross-site requests with a session cookie', () => {
  const createKey = (headers: Record<string, string>) =>
    ctx.sb.app.inject({ method: 'POST', url: `/api/projects/${ctx.p.projectId}/api-keys`, headers, payload: { name: 'from a page' } });

  it('refuses a change whose Origin is another site (403), and accepts this site, no Origin, or an API key', async () => {
    const evil = await createKey({ cookie: ctx.p.admin.cookie, origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('FORBIDDEN');
    expect((await createKey({ cookie: ctx.p.admin.cookie, origin: 'http://switchboard.local:8080', host: 'switchboard.local:8080' })).statusCode).toBe(201);
    expect((await createKey({ cookie: ctx.p.admin.cookie, origin: ctx.sb.config.publicUrl })).statusCode).toBe(201);
    expect((await createKey({ cookie: ctx.p.admin.cookie })).statusCode).toBe(201);
    expect((await createKey({ authorization: `Bearer ${ctx.p.apiKey}`, origin: 'https://evil.example' })).statusCode).toBe(201);
  });

  it('leaves plain reads alone: without CORS headers the browser keeps the answer from the other site', async () => {
    const read = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}`, headers: { cookie: ctx.p.agent.cookie, origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a WebSocket upgrade from another site', async () => {
    const res = await ctx.sb.app.inject({
      method: 'GET',
      url: `/api/projects/${ctx.p.projectId}/events`,
      headers: { cookie: ctx.p.agent.cookie, origin: 'https://evil.example', connection: 'upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    });
    expect(res.statusCode).toBe(403);
  });
});
