import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installPolicy, roleAtLeast, type AccessResolver } from './policy.ts';

const nobody: AccessResolver = {
  principalFromSession: async () => undefined,
  principalFromApiKey: async () => undefined,
  roleOf: async () => undefined,
};

function appWithPolicy() {
  const app = Fastify();
  installPolicy(app, nobody);
  return app;
}

describe('the policy layer refuses badly declared routes at start', () => {
  it('rejects an /api route without config.access', () => {
    expect(() => appWithPolicy().get('/api/things', async () => ({}))).toThrow(/declares no config.access/);
  });

  it('rejects a role-protected route without :projectId', () => {
    expect(() => appWithPolicy().get('/api/things', { config: { access: 'supervisor' } }, async () => ({}))).toThrow(/needs :projectId|URL needs :projectId/);
  });

  it('accepts public, signed-in and project routes', () => {
    const app = appWithPolicy();
    expect(() => {
      app.get('/api/open', { config: { access: 'public' } }, async () => ({}));
      app.get('/api/mine', { config: { access: 'signed-in' } }, async () => ({}));
      app.get('/api/projects/:projectId/things', { config: { access: 'agent' } }, async () => ({}));
    }).not.toThrow();
  });
});

describe('roleAtLeast', () => {
  it.each([
    ['agent', 'agent', true],
    ['agent', 'supervisor', false],
    ['supervisor', 'agent', true],
    ['supervisor', 'admin', false],
    ['admin', 'supervisor', true],
  ] as const)('%s meets %s: %s', (role, needed, ok) => {
    expect(roleAtLeast(role, needed)).toBe(ok);
  });
});
