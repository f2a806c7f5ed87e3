import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      DEMO: true,
      BODY_LIMIT_BYTES: 1_048_576,
      LOGIN_RATE_LIMIT: 10,
      API_RATE_LIMIT: 6000,
      SESSION_DAYS: 14,
      INVITE_HOURS: 72,
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reports every invalid variable at once in one ConfigError', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SMTP_URL: 'not a url', DEMO: 'maybe', BODY_LIMIT_BYTES: '10' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const name of ['PORT', 'LOG_LEVEL', 'SMTP_URL', 'DEMO', 'BODY_LIMIT_BYTES']) {
      expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
      expect((error as ConfigError).message).toContain(name);
    }
  });

  it('treats empty variables as unset and parses numbers and booleans', () => {
    const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DEMO: 'no', SMTP_URL: '', LOGIN_RATE_LIMIT: '3' });
    expect(c).toMatchObject({ PORT: 8080, DEMO: false, LOGIN_RATE_LIMIT: 3, publicUrl: 'http://localhost:8080' });
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(c.SMTP_URL).toBeUndefined();
  });

  it('uses PUBLIC_URL for links, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://calls.example.com/' }).publicUrl).toBe('https://calls.example.com');
  });
});
