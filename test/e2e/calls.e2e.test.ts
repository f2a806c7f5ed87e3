import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

describe.skipIf(!browserAvailable('calls e2e'))('the supervisor calls report in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let b: TestBrowser & { errors: string[] };

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Calls report');
    const today = new Date();
    const at = (minutesAgo: number) => new Date(today.getTime() - minutesAgo * 60_000);
    const row = (n: number, extra: Record<string, unknown>) => ({
      project_id: p.projectId, pbx_call_id: `e2e-${n}`, from_number: '+420601111111', to_number: '+420222000000', started_at: at(n), ended_at: at(n - 1), ...extra,
    });
    await sb.db.db.insertInto('calls').values([
      row(30, { outcome: 'answered', agent_id: p.agent.id, answered_at: at(30), talk_seconds: 125, duration_seconds: 130, recording_url: `${sb.url}/missing.wav` }),
      row(20, { outcome: 'missed', talk_seconds: 0, duration_seconds: 20 }),
      row(10, { direction: 'outbound', outcome: 'answered', agent_id: p.agent.id, talk_seconds: 60, duration_seconds: 70, cost: '2.5', currency: 'CZK' }),
    ] as never).execute();
    b = await launchBrowser();
    await signIn(b.page, sb.url, p.supervisor.email, p.supervisor.password);
  });
  afterAll(async () => {
    await b?.close();
    await sb?.stop();
  });

  it('shows the figures, the chart and the calls with outcomes, cost and a recording player', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Calls' }).click();
    await page.getByTestId('stat-calls').getByText('3').waitFor();
    expect(await page.getByTestId('stat-handled').textContent()).toBe('2');
    expect(await page.getByTestId('stat-missed-share').textContent()).toMatch(/50\s?%/);
    expect(await page.getByTestId('stat-talk').textContent()).toBe('3:05');
    expect(await page.getByTestId('stat-cost').textContent()).toContain('2.50');
    await page.getByTestId('calls-chart').waitFor();
    await expect.poll(() => page.getByTestId('call-row').count()).toBe(3);
    expect(await page.getByTestId('calls-list').getByText('Missed').count()).toBe(1);
    expect(await page.locator('audio').count()).toBe(1);
    await b.screenshot('calls-report');

    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Missed' }).click();
    await expect.poll(() => page.getByTestId('call-row').count()).toBe(1);
    expect(b.errors.filter((e) => !e.includes('missing.wav'))).toEqual([]);
  });
});
