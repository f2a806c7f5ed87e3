import { describe, expect, it } from 'vitest';
import { useSwitchboard } from '../support/use-switchboard.ts';

const ctx = useSwitchboard({ projects: 0 });

describe('the API description for integrators', () => {
  it('serves OpenAPI 3 generated from the route schemas, with the lead and contact APIs in it', async () => {
    const res = await ctx.sb.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const tasks = doc.paths['/api/projects/{projectId}/tasks'];
    expect(tasks.post.requestBody.content['application/json'].schema.properties).toHaveProperty('queueId');
    const contacts = doc.paths['/api/projects/{projectId}/contacts'];
    expect(Object.keys(contacts)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.components.securitySchemes.apiKey).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('serves a browsable page at /docs', async () => {
    const res = await ctx.sb.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
