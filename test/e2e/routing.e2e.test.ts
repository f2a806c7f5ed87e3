import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser, closeNotifications } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { addAgent, agentId, call, makeQueue, makeTask } from '../support/routing.ts';

type Browser = TestBrowser & { errors: string[] };

/** Text of the waiting-count cell of a queue in the supervisor view. */
const waiting = (b: Browser, queue: string) => b.page.locator(`[data-queue="${queue}"] [data-testid=queue-waiting]`);
/** The supervisor's row of an agent; its data-state follows the agent live. */
const agentRow = (b: Browser, name: string, state: string) => b.page.locator(`[data-testid=agents-table] tr[data-agent="${name}"][data-state="${state}"]`);


describe.skipIf(!browserAvailable('routing e2e'))('agent desktop and supervisor view in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let agent: Browser;
  let supervisor: Browser;
  let agentName: string;
  let timezone: string;
  const queue = 'Inbound leads';
  const weekdays = ['08:00', '18:00'];

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Praha Sales');
    for (const [user, name] of [[p.agent, 'Petr Svoboda'], [p.supervisor, 'Eva Dvořáková']] as const) {
      await sb.db.db.updateTable('users').set({ name }).where('id', '=', user.id).execute();
    }
    const lunch = await addAgent(sb, p, 'Jana Nováková');
    await addAgent(sb, p, 'Tomáš Procházka');
    await call(sb, 'PUT', `/api/projects/${p.projectId}/agents/me/presence`, lunch, { state: 'break', reason: 'lunch' });
    const hours = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [weekdays]]));
    const queueId = await makeQueue(sb, p, { wrapUpSeconds: 2, offerTimeoutSeconds: 300, autoAccept: false, slaSeconds: 7200, businessHours: hours }, queue);
    timezone = (await call(sb, 'GET', `/api/projects/${p.projectId}/queues/${queueId}`, p.supervisor)).body.timezone;
    const id = await agentId(sb, p, p.agent);
    const patched = await call(sb, 'PATCH', `/api/projects/${p.projectId}/agents/${id}`, p.supervisor, { skills: { czech: 5, solar: 3 }, scoreCap: 50_000 });
    agentName = patched.body.name;
    await makeTask(sb, p, {
      queueId, title: 'Solar panels for a family house', value: 12_500, phones: ['+420 777 123 456'], externalId: 'WEB-1042',
      dueAt: new Date(Date.now() + 45 * 60_000).toISOString(), requiredSkills: { czech: 3 },
      details: { product: 'Solar panels 8 kWp', source: 'web form', roof_area_m2: 64, financing: true, preferred_time: 'afternoons' },
    });
    await makeTask(sb, p, { queueId, title: 'Heat pump quote', value: 4_200, phones: ['+420 602 555 010'], details: { product: 'Heat pump', source: 'partner' } });
    [supervisor, agent] = await Promise.all([launchBrowser(), launchBrowser()]);
  });

  afterAll(async () => {
    await agent?.close();
    await supervisor?.close();
    await sb?.stop();
  });

  it('lands each role on its page; the supervisor sees the queue and the offline agent', async () => {
    await signIn(supervisor.page, sb.url, p.supervisor.email, p.supervisor.password);
    expect(supervisor.page.url()).toMatch(/\/supervisor$/);
    await waiting(supervisor, queue).filter({ hasText: /^2$/ }).waitFor();
    await agentRow(supervisor, agentName, 'offline').waitFor();
    await agentRow(supervisor, 'Jana Nováková', 'break').waitFor();

    await signIn(agent.page, sb.url, p.agent.email, p.agent.password);
    expect(agent.page.url()).toMatch(/\/desktop$/);
    await agent.page.locator('[data-testid=live-indicator][data-status=open]').waitFor();
    await agent.page.getByTestId('no-task').waitFor();
  });

  it('pushes the best task to the agent who goes available, with its details and why it was offered', async () => {
    const { page } = agent;
    await page.getByTestId('go-available').click();
    const card = page.locator('[data-testid=task-card][data-status=offered]');
    await card.waitFor();
    expect(await page.getByTestId('task-title').textContent()).toBe('Solar panels for a family house');
    await page.getByTestId('offer-countdown').waitFor();
    const details = await page.getByTestId('task-details-json').textContent();
    expect(details).toContain('Solar panels 8 kWp');
    expect(details).toContain('roof area m2');
    expect(await page.getByTestId('task-phones').textContent()).toContain('777 123 456');
    expect(await page.getByTestId('why-offered').textContent()).toMatch(/Your highest-priority task \(score [\d.,]+\); tasks you could take: 2/);
    await agentRow(supervisor, agentName, 'reserved').waitFor();
    await waiting(supervisor, queue).filter({ hasText: /^1$/ }).waitFor();
    await agent.screenshot('desktop-offer');
  });

  it('accepts and completes with a disposition; the next task arrives without another click', async () => {
    const { page } = agent;
    await page.getByTestId('accept-task').click();
    await page.locator('[data-testid=task-card][data-status=accepted]').waitFor();
    await page.locator('[data-testid=my-state][data-state=busy]').waitFor();
    await agentRow(supervisor, agentName, 'busy').waitFor();
    await page.getByTestId('disposition').click();
    await page.getByRole('option', { name: 'Sale' }).click();
    await page.getByTestId('task-notes').fill('Signed the offer, installation in March.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await agent.screenshot('desktop');

    await page.getByTestId('complete-task').click();
    await agentRow(supervisor, agentName, 'wrap_up').waitFor();
    const next = page.locator('[data-testid=task-card][data-status=offered]');
    await next.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('task-title').textContent()).toBe('Heat pump quote');
    await waiting(supervisor, queue).filter({ hasText: /^0$/ }).waitFor();
    await agentRow(supervisor, agentName, 'reserved').waitFor();
    await agent.screenshot('desktop-next');
  });

  it('shows the supervisor the decision trace of a task and lets them change skills and score cap', async () => {
    const { page } = supervisor;
    await page.locator('[data-testid=tasks-table] tr[data-task="Solar panels for a family house"]').click();
    const drawer = page.getByTestId('trace-drawer');
    await drawer.getByText('Accepted').waitFor();
    expect(await drawer.textContent()).toMatch(/Highest priority for this agent \(score [\d.,]+\); tasks the agent could take: 2/);
    await supervisor.screenshot('supervisor-trace');
    await page.keyboard.press('Escape');

    await page.locator(`[data-testid=agents-table] tr[data-agent="${agentName}"] [data-testid=edit-agent]`).click();
    await page.getByTestId('score-cap').fill('8000');
    await page.getByTestId('save-agent').click();
    await page.locator(`[data-testid=agents-table] tr[data-agent="${agentName}"]`).getByText('8 000').or(page.getByText('8,000')).first().waitFor();
    const stored = await call(sb, 'GET', `/api/projects/${p.projectId}/agents`, p.supervisor);
    expect(stored.body.items.find((a: { name: string }) => a.name === agentName).scoreCap).toBe(8000);
  });

  it('schedules a callback only inside business hours; the queue shows it as scheduled', async () => {
    const { page } = agent;
    await page.getByTestId('accept-task').click();
    await page.getByTestId('callback-tab').click();
    const today = DateTime.now().setZone(timezone).startOf('day');
    const saturday = today.plus({ days: ((6 - today.weekday + 7) % 7) || 7 });
    const workday = today.plus({ days: today.weekday >= 5 ? 8 - today.weekday : 1 });
    await page.getByTestId('callback-at').click();
    // The picker's dropdown traps focus and moves it inside on a timer after it opens; until that has
    // happened, a focused time input would lose focus to it and close its list of times (10:30 below).
    await page.locator('.mantine-Popover-dropdown :focus').waitFor();
    const day = (d: DateTime) => page.getByRole('button', { name: d.setLocale('en').toFormat('d MMMM yyyy'), exact: true });
    const showMonthOf = async (d: DateTime) => {
      if (d.month !== today.month) await page.locator('[data-direction=next]').first().click();
    };
    await showMonthOf(saturday);
    expect(await day(saturday).isDisabled()).toBe(true);
    if (saturday.month !== workday.month) await page.locator('[data-direction=previous]').first().click();
    await showMonthOf(workday);
    await day(workday).click();
    await page.getByLabel('Hours').fill('10');
    // Viewport only: a full-page screenshot resizes the page, which remounts the open picker.
    await page.screenshot({ path: 'test-results/desktop-callback.png' });
    expect(await page.getByRole('button', { name: '18:00', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: '10:30', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm date and time' }).click();
    await page.getByTestId('schedule-callback').click();
    await page.getByTestId('no-task').waitFor();
    await page.locator('[data-testid=my-state][data-state=available]').waitFor();
    const scheduled = supervisor.page.locator(`[data-queue="${queue}"] [data-testid=queue-scheduled]`);
    await scheduled.filter({ hasText: /^1$/ }).waitFor();
    const tasks = await call(sb, 'GET', `/api/projects/${p.projectId}/tasks?status=queued`, p.supervisor);
    const at = DateTime.fromISO(tasks.body.items[0].scheduledAt).setZone(timezone);
    expect(at.toFormat('yyyy-MM-dd HH:mm')).toBe(`${workday.toFormat('yyyy-MM-dd')} 10:30`);
    await supervisor.page.evaluate(() => window.scrollTo(0, 0));
    await closeNotifications(supervisor.page);
    await supervisor.screenshot('supervisor');
    expect(agent.errors).toEqual([]);
    expect(supervisor.errors).toEqual([]);
  });
});
