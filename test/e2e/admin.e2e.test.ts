import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

describe.skipIf(!browserAvailable('admin e2e'))('administration in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let second: TestProject;
  let b: TestBrowser & { errors: string[] };
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Istanbul Service');
    second = await seedProject(sb, 'Ankara Sales', 'TR');
    await sb.db.db.insertInto('memberships').values({ project_id: second.projectId, user_id: p.admin.id, role: 'agent' }).execute();
    receiver = await startWebhookReceiver();
    b = await launchBrowser();
    await signIn(b.page, sb.url, p.admin.email, p.admin.password);
    await b.page.goto(`${sb.url}/p/${p.projectId}/contacts`);
  });

  afterAll(async () => {
    await b?.close();
    await receiver?.close();
    await sb?.stop();
  });

  it('invites a person, who then appears among the open invitations', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Users & invitations' }).click();
    await page.getByTestId('members-table').getByText(p.agent.email).waitFor();
    await page.getByPlaceholder('name@company.com').fill('new.agent@example.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByTestId('invitations-table').getByText('new.agent@example.test').waitFor();
    await page.getByPlaceholder('name@company.com').fill(p.agent.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Error: ALREADY_MEMBER').waitFor();
    await b.screenshot('admin-members');
  });

  it('creates an API key, shows it once, and the key works', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('Back office');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('secret-value').textContent())!;
    expect(key).toMatch(/^sk_/);
    await b.screenshot('admin-api-key');
    const me = await fetch(`${sb.url}/api/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('cell', { name: 'Back office' }).waitFor();
    expect(await page.getByText(key).count()).toBe(0);
  });

  it('adds a webhook, sends a test event and shows it delivered in the log', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('URL').fill(`${receiver.url}/hook`);
    await page.getByPlaceholder('Choose event types').click();
    await page.getByRole('option', { name: 'All events' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    expect((await page.getByTestId('secret-value').textContent())!.length).toBeGreaterThan(16);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('link', { name: `${receiver.url}/hook` }).click();
    await page.getByRole('button', { name: 'Send test' }).click();
    await receiver.waitFor((r) => r.json.type === 'webhook.test');
    await page.getByText('Test event queued').waitFor();
    await page.getByTestId('deliveries-table').getByText('Delivered').first().waitFor({ timeout: 15_000 });
    await b.screenshot('admin-webhook');
  });

  it('switches to another project of the same person, where they are only an agent', async () => {
    const { page } = b;
    await page.getByRole('combobox', { name: 'Project' }).click();
    await page.getByRole('option', { name: 'Ankara Sales' }).click();
    await page.waitForURL(new RegExp(`/p/${second.projectId}/desktop`));
    await page.getByTestId('user-menu').getByText('Agent', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Webhooks', exact: true }).count()).toBe(0);
  });

  it('switches the language to Czech and keeps it after a reload', async () => {
    const { page } = b;
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Čeština' }).click();
    await page.getByRole('link', { name: 'Kontakty', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Kontakty', exact: true }).click();
    await page.getByText('Zatím žádné kontakty').waitFor();
    await b.screenshot('admin-czech');
    expect(b.errors).toEqual([]);
  });

  it('lets an invited person choose a password on the invitation page and lands them in the project', async () => {
    const { link } = await sb.services.directory.invitations.invite(p.projectId, 'ayse@example.test', 'agent', { kind: 'system', id: null });
    const guest = await launchBrowser({ locale: 'tr-TR' });
    try {
      await guest.page.goto(`${sb.url}/invite/${link.split('/invite/')[1]}`);
      await guest.page.getByText('Istanbul Service').waitFor();
      await guest.screenshot('invite-turkish');
      await guest.page.locator('input[name=name]').fill('Ayşe Yılmaz');
      await guest.page.locator('input[name=password]').fill('gizli parola 123');
      await guest.page.locator('button[type=submit]').click();
      await guest.page.waitForURL(new RegExp(`/p/${p.projectId}/desktop`));
      await guest.page.getByText('Ayşe Yılmaz').waitFor();
      await guest.page.getByRole('link', { name: 'Kişiler', exact: true }).waitFor();
      expect(guest.errors).toEqual([]);
    } finally {
      await guest.close();
    }
  });

  it('hides administration from an agent', async () => {
    const agent = await launchBrowser();
    try {
      await signIn(agent.page, sb.url, p.agent.email, p.agent.password);
      await agent.page.getByRole('link', { name: 'Contacts', exact: true }).waitFor();
      for (const name of ['Import', 'Users & invitations', 'API keys', 'Webhooks']) {
        expect(await agent.page.getByRole('link', { name, exact: true }).count()).toBe(0);
      }
    } finally {
      await agent.close();
    }
  });
});
