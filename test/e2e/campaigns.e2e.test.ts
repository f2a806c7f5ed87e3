import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, closeNotifications, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

type Browser = TestBrowser & { errors: string[] };

const NAME = 'Incomplete applications';
/** Three leads, the second without a dialable number (line 3 of the file, the header being line 1). */
const LEADS = 'phone,name,application_number,address\n+420601123456,Jana Nováková,APP-1,Dlouhá 5\n12345,Broken Number,APP-2,Praha\n+420602765432,Petr Svoboda,APP-3,Brno\n';

/** What a campaign needs before it can start: a queue for its calls and an extension for the agent (bridged calls ring it). */
async function prepare(sb: TestSwitchboard, p: TestProject): Promise<{ queueId: string; agentId: string }> {
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { cookie: p.supervisor.cookie }, ...(payload ? { payload: payload as object } : {}) });
  const agents = (await inject('GET', '/agents')).json().items as { id: string; userId: string }[];
  const queue = await inject('POST', '/queues', { name: 'Loan applications' });
  expect(queue.statusCode).toBe(201);
  const ext = await inject('PUT', '/call-routing/extensions', { extensions: [{ agentId: p.agent.id, extension: '101' }] });
  expect(ext.statusCode, ext.body).toBe(200);
  return { queueId: queue.json().id, agentId: agents.find((a) => a.userId === p.agent.id)!.id };
}

describe.skipIf(!browserAvailable('campaigns e2e'))('campaign pages in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let supervisor: Browser;
  let campaignId: string;

  const api = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: unknown) =>
    sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Praha Sales');
    supervisor = await launchBrowser();
  });

  afterAll(async () => {
    await supervisor?.close();
    await sb?.stop();
  });

  it('creates a predictive campaign with its agent, lines and calling hours', async () => {
    const { page } = supervisor;
    const agents = (await api('GET', '/agents', p.supervisor.cookie)).json().items as { id: string; userId: string; name: string }[];
    const agent = agents.find((a) => a.userId === p.agent.id)!;
    await prepare(sb, p);
    await signIn(page, sb.url, p.supervisor.email, p.supervisor.password);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByTestId('new-campaign').click();
    const form = page.getByTestId('campaign-form');
    await form.getByTestId('campaign-name').fill(NAME);
    await form.getByTestId('campaign-queue').click();
    await page.getByRole('option', { name: 'Loan applications' }).click();
    await form.getByTestId('campaign-agents').click();
    await page.getByRole('option', { name: agent.name }).click();
    await form.getByTestId('campaign-max-lines').fill('4');
    await form.getByTestId('always-open').check();
    await form.getByTestId('retry-busy-delay').fill('15');
    await supervisor.screenshot('campaigns-form');
    await page.getByTestId('save-campaign').click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = page.url().split('/').pop()!;
    expect(await page.getByTestId('campaign-title').textContent()).toBe(NAME);
    await page.locator('[data-testid=campaign-status][data-status=draft]').waitFor();

    const saved = (await api('GET', `/campaigns/${campaignId}`, p.supervisor.cookie)).json();
    expect(saved).toMatchObject({ name: NAME, mode: 'predictive', agentIds: [agent.id], maxLines: 4, abandonTarget: 0.03, callerId: { mode: 'auto' } });
    expect(saved.retry.busy).toEqual({ delayMinutes: 15, maxAttempts: 5 });
    expect(Object.keys(saved.callingHours.days)).toHaveLength(7);
  });

  it('uploads a lead list: the bar fills, the bad row is reported with its line and the good rows are added', async () => {
    const { page } = supervisor;
    await page.locator('input[type=file]').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(LEADS) });
    await page.getByTestId('lead-upload').click();
    await page.locator('[data-testid=lead-import][data-status=done]').waitFor();
    expect(await page.getByTestId('leads-imported').textContent()).toContain('2');
    expect(await page.getByTestId('leads-failed').textContent()).toContain('1');
    const errors = page.getByTestId('lead-import-errors');
    expect(await errors.locator('tbody tr').count()).toBe(1);
    const row = await errors.locator('tbody tr').first().textContent();
    expect(row).toContain('3');
    expect(row).toContain('LEAD_NOT_DIALABLE');
    await page.locator('[data-testid=lead-counts] [data-lead-status=ready]').filter({ hasText: '2' }).waitFor();
    await closeNotifications(page).catch(() => undefined);
    await supervisor.screenshot('campaigns-upload');
  });

  it('starts the campaign: the live view shows it running and dialling, then pauses it', async () => {
    const { page } = supervisor;
    const presence = await api('PUT', '/agents/me/presence', p.agent.cookie, { state: 'available' });
    expect(presence.statusCode).toBe(200);
    await page.getByTestId('campaign-start').click();
    const running = page.locator('[data-testid=campaign-status][data-status=running]');
    const refused = page.locator('.mantine-Notification-root');
    await running.or(refused).first().waitFor();
    expect(await refused.allTextContents(), 'the server refused to start the campaign').toEqual([]);
    await page.locator('[data-testid=campaign-live][data-status=running]').waitFor();
    await page.getByTestId('live-dials').filter({ hasNotText: /^0$/ }).waitFor();
    await page.locator('[data-testid=campaign-agents-live] [data-state]').first().waitFor();
    expect(await page.getByTestId('campaign-windows').locator('tbody tr').count()).toBe(3);
    await supervisor.screenshot('campaigns-live');

    await page.getByTestId('campaign-pause').click();
    await page.locator('[data-testid=campaign-status][data-status=paused]').waitFor();
    expect((await api('GET', `/campaigns/${campaignId}`, p.supervisor.cookie)).json().status).toBe('paused');
    expect(supervisor.errors).toEqual([]);
  });
});

describe.skipIf(!browserAvailable('campaigns e2e'))('a preview lead on the agent desktop', () => {
  let sb: TestSwitchboard;
  let agent: Browser;

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    agent = await launchBrowser();
  });

  afterAll(async () => {
    await agent?.close();
    await sb?.stop();
  });

  it('shows the agent the next preview lead with its countdown; skip brings the other lead, dial makes it the agent\'s task', async () => {
    const p = await seedProject(sb, 'Brno Loans');
    const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { cookie: p.supervisor.cookie }, ...(payload ? { payload: payload as object } : {}) });
    const { queueId, agentId } = await prepare(sb, p);
    const hours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]));
    const created = await api('POST', '/campaigns', {
      name: 'Preview: key accounts', mode: 'preview', queueId, agentIds: [agentId], previewSeconds: 120, callingHours: { days: hours },
    });
    expect(created.statusCode, created.body).toBe(201);
    const preview = created.json().id as string;
    for (const lead of [{ phone: '+420603111222', name: 'Eva Malá', details: { applicationNumber: 'APP-9' } }, { phone: '+420604333444', name: 'Karel Dvořák' }]) {
      expect((await api('POST', `/campaigns/${preview}/leads`, lead)).statusCode).toBe(201);
    }
    expect((await api('POST', `/campaigns/${preview}/start`)).statusCode).toBe(200);

    const { page } = agent;
    await signIn(page, sb.url, p.agent.email, p.agent.password);
    await page.getByTestId('go-available').click();
    const card = page.getByTestId('preview-lead');
    await card.waitFor();
    expect(await page.getByTestId('preview-countdown').textContent()).toMatch(/^Dials in \d+ s$/);
    const first = (await page.getByTestId('preview-name').textContent())!;
    expect(['Eva Malá', 'Karel Dvořák']).toContain(first);
    await agent.screenshot('campaigns-preview');

    await page.getByTestId('preview-skip').click();
    const second = first === 'Eva Malá' ? 'Karel Dvořák' : 'Eva Malá';
    await page.getByTestId('preview-name').filter({ hasText: second }).waitFor();
    await page.getByTestId('preview-dial').click();
    await page.locator('[data-testid=task-card]').waitFor();
    expect(await page.getByTestId('task-title').textContent()).toContain(second);
    await card.waitFor({ state: 'detached' });
    const leads = (await api('GET', `/campaigns/${preview}/leads`)).json().items as { name: string; attempts: number; lastOutcome: string | null }[];
    expect(leads.find((l) => l.name === first)?.lastOutcome).toBe('skipped');
    expect(leads.find((l) => l.name === second)?.attempts).toBe(1);
    expect(agent.errors).toEqual([]);
  });
});
