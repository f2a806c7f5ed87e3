import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';

let sb: TestSwitchboard;
let p: TestProject;

beforeAll(async () => {
  sb = await startTestSwitchboard();
  p = await seedProject(sb, 'Settings round trip', 'CZ');
});
afterAll(async () => sb?.stop());

const settings = (method: 'GET' | 'PATCH', payload?: object) =>
  sb.app.inject({ method, url: `/api/projects/${p.projectId}/call-routing/settings`, headers: { cookie: p.supervisor.cookie }, payload });

describe('routing settings over the API', () => {
  it('takes back the business hours it gives: weekdays left out are closed', async () => {
    const got = (await settings('GET')).json();
    expect(Object.keys(got.businessHours).sort()).toEqual(['1', '2', '3', '4', '5']);
    const saved = await settings('PATCH', { businessHours: { ...got.businessHours, 6: [['10:00', '14:00']] } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().businessHours).toMatchObject({ 1: [['09:00', '18:00']], 6: [['10:00', '14:00']] });
    expect(saved.json().businessHours['7']).toBeUndefined();
  });

  it('still refuses a weekday that is not 1-7, naming the field', async () => {
    const res = await settings('PATCH', { businessHours: { 8: [['09:00', '17:00']] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toMatch(/^body\.businessHours/);
  });
});
