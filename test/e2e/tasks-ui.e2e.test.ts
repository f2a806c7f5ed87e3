import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser, closeNotifications } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

type Browser = TestBrowser & { errors: string[] };

const QUEUE = 'Web leads';
/** The waiting-count cell of the queue in the supervisor view, once it shows `count`. */
const waiting = (b: Browser, count: number) =>
  b.page.locator(`[data-queue="${QUEUE}"] [data-testid=queue-waiting]`).filter({ hasText: new RegExp(`^${count}$`) });


/** A CSV as the browser's file chooser would hand it over. */
const csv = (text: string) => ({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

describe.skipIf(!browserAvailable('tasks ui e2e'))('queues page, new task form and task CSV upload in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let supervisor: Browser;
  let agent: Browser;

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Praha Sales');
    [supervisor, agent] = await Promise.all([launchBrowser(), launchBrowser()]);
  });

  afterAll(async () => {
    await agent?.close();
    await supervisor?.close();
    await sb?.stop();
  });

  it('creates a queue on the Queues page with its settings', async () => {
    const { page } = supervisor;
    await signIn(page, sb.url, p.supervisor.email, p.supervisor.password);
    await page.getByRole('link', { name: 'Queues' }).click();
    await page.getByTestId('new-queue').click();
    const form = page.getByTestId('queue-form');
    await form.getByTestId('queue-name').fill(QUEUE);
    await form.getByTestId('queue-offer-timeout').fill('120');
    await form.getByTestId('queue-sla').fill('120');
    await supervisor.screenshot('tasks-ui-queue-form');
    await page.getByTestId('save-queue').click();
    const row = page.locator(`[data-testid=queues-list] [data-queue-row="${QUEUE}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('120 s');
    expect(await row.textContent()).toContain('120 min');
    const saved = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/queues`, headers: { cookie: p.supervisor.cookie } });
    const queue = saved.json().items.find((q: { name: string }) => q.name === QUEUE);
    expect(queue.settings).toMatchObject({ offerTimeoutSeconds: 120, slaSeconds: 7200, autoAccept: false, businessHours: null });
  });

  it('sets business hours and holidays of a second queue, then edits it', async () => {
    const { page } = supervisor;
    await page.getByTestId('new-queue').click();
    const form = page.getByTestId('queue-form');
    await form.getByTestId('queue-name').fill('Callbacks');
    await form.getByTestId('always-open').uncheck();
    await form.getByTestId('queue-holidays').fill('cz');
    await supervisor.screenshot('tasks-ui-hours');
    await page.getByTestId('save-queue').click();
    const row = page.locator('[data-testid=queues-list] [data-queue-row="Callbacks"]');
    await row.filter({ hasText: 'Open days a week: 5' }).waitFor();
    await page.getByTestId('edit-queue-Callbacks').click();
    await page.getByTestId('queue-form').getByLabel('Wrap-up (s)').fill('90');
    await page.getByTestId('save-queue').click();
    await row.filter({ hasText: '90 s' }).waitFor();
    const saved = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/queues`, headers: { cookie: p.supervisor.cookie } });
    const queue = saved.json().items.find((q: { name: string }) => q.name === 'Callbacks');
    expect(queue.settings).toMatchObject({ wrapUpSeconds: 90, holidayCountry: 'CZ', businessHours: { 1: [['08:00', '17:00']], 5: [['08:00', '17:00']] } });
    expect(queue.settings.businessHours['6']).toBeUndefined();
    await supervisor.screenshot('tasks-ui-queues');
  });

  it('creates a task with the form; a bad phone is shown on the phone field until it is fixed', async () => {
    const { page } = supervisor;
    await page.getByRole('link', { name: 'Supervisor' }).click();
    await waiting(supervisor, 0).waitFor();
    await page.getByTestId('open-new-task').click();
    const form = page.getByTestId('new-task-form');
    await form.getByTestId('task-queue').click();
    await page.getByRole('option', { name: QUEUE }).click();
    await form.getByTestId('task-title-input').fill('Solar panels for a family house');
    await form.getByTestId('task-value').fill('90000');
    await form.getByTestId('task-phone-0').fill('12345');
    await page.getByTestId('task-details-add').click();
    await form.getByLabel('Key').fill('product');
    await form.getByLabel('Value', { exact: true }).last().fill('Solar 8 kWp');
    await page.getByTestId('create-task').click();
    await form.getByTestId('task-phones').getByText('Not a valid phone number: 12345').waitFor();
    expect(await form.getByTestId('task-phone-0').getAttribute('aria-invalid')).toBe('true');
    await supervisor.screenshot('tasks-ui-phone-error');

    await form.getByTestId('task-phone-0').fill('+420 601 123 456');
    await page.getByTestId('create-task').click();
    await form.waitFor({ state: 'detached' });
    await waiting(supervisor, 1).waitFor();
  });

  it('uploads a task CSV: a bad file names its line and imports nothing, a good one adds its rows', async () => {
    const { page } = supervisor;
    await page.getByTestId('open-import-tasks').click();
    const form = page.getByTestId('import-tasks-form');
    const file = page.locator('input[type=file]');
    await file.setInputFiles(csv(`queue,title,value\n${QUEUE},Gas,1200\n${QUEUE},Broken,-5\n`));
    await page.getByTestId('upload-tasks').click();
    const error = form.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Line 3 is wrong');

    await file.setInputFiles(csv(`queue,title,phones,value,skills,details.product\n${QUEUE},Gas contract,+420602555010,1200,,gas\n${QUEUE},Heat pump,,4200,,heat pump\n`));
    await page.getByTestId('upload-tasks').click();
    await form.getByTestId('import-result').filter({ hasText: 'Tasks imported: 2' }).waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await waiting(supervisor, 3).waitFor();
    await page.getByTestId('tile-waiting').filter({ hasText: /^3$/ }).waitFor();
  });

  it('offers the created task to an agent who goes available', async () => {
    const { page } = agent;
    await signIn(page, sb.url, p.agent.email, p.agent.password);
    await page.getByTestId('go-available').click();
    await page.locator('[data-testid=task-card][data-status=offered]').waitFor();
    expect(await page.getByTestId('task-title').textContent()).toBe('Solar panels for a family house');
    expect(await page.getByTestId('task-phones').textContent()).toContain('601 123 456');
    await waiting(supervisor, 2).waitFor();
    await closeNotifications(supervisor.page);
    await supervisor.page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
    await supervisor.screenshot('tasks-ui');
    expect(supervisor.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
  });
});
