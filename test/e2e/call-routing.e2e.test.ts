import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, closeNotifications, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { projectApi, untilIdentified } from '../support/call-routing.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

type Browser = TestBrowser & { errors: string[] };

const RULE = 'VIP -> mobile';
const VIP_PHONE = '+420777123456';
const UNKNOWN_PHONE = '+420603333333';
const SUPERVISOR = 'Eva Dvořáková';

describe.skipIf(!browserAvailable('call routing e2e'))('call routing pages in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let b: Browser;
  const row = (name: string) => b.page.locator(`[data-testid=rules-list] tr[data-rule="${name}"]`);

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Praha Sales');
    await sb.db.db.updateTable('users').set({ name: SUPERVISOR }).where('id', '=', p.supervisor.id).execute();
    await projectApi(sb, p)('POST', '/contacts', { name: 'Jana Bílá', phones: [{ number: VIP_PHONE }], tags: ['vip'] });
    await untilIdentified(sb, p.projectId, VIP_PHONE);
    b = await launchBrowser();
  });

  afterAll(async () => {
    await b?.close();
    await sb?.stop();
  });

  it('opens the rule list from the menu with the default rules in order', async () => {
    await signIn(b.page, sb.url, p.supervisor.email, p.supervisor.password);
    await b.page.getByRole('link', { name: 'Call routing' }).click();
    await b.page.locator('[data-testid=rules-list] tbody tr').nth(5).waitFor();
    const names = await b.page.locator('[data-testid=rules-list] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')));
    expect(names).toEqual(['Holidays -> on duty', 'Own agent first', 'Unknown numbers -> sales', 'Customers -> sales', 'Suppliers -> production', 'Other counterparties -> finance']);
  });

  it('adds a rule "tag vip -> external number", showing the server\'s message under a bad number', async () => {
    const { page } = b;
    await page.getByTestId('new-rule').click();
    await page.getByTestId('rule-name').fill(RULE);
    await page.getByTestId('rule-tags').fill('vip');
    await page.getByTestId('rule-tags').press('Enter');
    await page.getByTestId('rule-action-type').click();
    await page.getByRole('option', { name: 'External number' }).click();
    await page.getByTestId('rule-action-number').fill('12345');
    await page.getByTestId('save-rule').click();
    await page.getByTestId('rule-form').getByText('an E.164 number such as +420601123456').waitFor();
    await b.screenshot('call-routing-rule-editor');
    await page.getByTestId('rule-action-number').fill('+420 601 999 000');
    await page.getByTestId('save-rule').click();
    await row(RULE).locator('text=Tag: vip').waitFor();
    expect(await row(RULE).getAttribute('data-position')).toBe('7');
    expect(await row(RULE).textContent()).toContain('External number +420601999000');
  });

  it('moves the rule to the top one place at a time; the server keeps the order', async () => {
    for (let position = 6; position >= 1; position--) {
      await row(RULE).getByTestId('move-up').click();
      await b.page.locator(`[data-testid=rules-list] tr[data-rule="${RULE}"][data-position="${position}"]`).waitFor();
    }
    await closeNotifications(b.page).catch(() => undefined);
    await b.screenshot('call-routing-rules');
    const rules = await projectApi(sb, p)('GET', '/routing-rules');
    expect(rules.map((r: { name: string }) => r.name).slice(0, 2)).toEqual([RULE, 'Holidays -> on duty']);
  });

  it('tests the VIP contact\'s number: the new rule fires and the caller is identified', async () => {
    const { page } = b;
    await page.getByTestId('open-test').click();
    await page.getByTestId('test-from').fill('+420 777 123 456');
    await page.getByTestId('test-to').fill('+420222000111');
    await page.getByTestId('run-test').click();
    const result = page.locator(`[data-testid=test-result][data-rule="${RULE}"]`);
    await result.waitFor();
    expect(await page.getByTestId('test-action').textContent()).toBe('External number +420601999000');
    expect(await page.getByTestId('test-targets').textContent()).toContain('External number +420601999000');
    await page.getByTestId('test-contact').getByText('Jana Bílá').waitFor();
    expect(await page.getByTestId('test-caller').textContent()).toContain('vip');
    expect(await page.locator(`[data-testid=test-trace] [data-trace="${RULE}"]`).getAttribute('data-matched')).toBe('true');
    await b.screenshot('call-routing-test');
  });

  it('puts a supervisor in Sales with an extension, so an unknown number rings them; the trace says why the VIP rule did not fire', async () => {
    const { page } = b;
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-groups').click();
    await page.locator(`[data-testid=extensions-list] tr[data-person="${SUPERVISOR}"] input`).fill('201');
    await page.getByTestId('save-extensions').click();
    await page.getByText('Extensions saved').waitFor();
    await page.locator('[data-testid=groups-list] tr[data-group="Sales"] [data-testid=edit-group]').click();
    await page.getByTestId('group-add-member').click();
    await page.getByRole('option', { name: SUPERVISOR }).click();
    await page.getByTestId('group-members').locator(`[data-member="${SUPERVISOR}"]`).waitFor();
    await page.getByTestId('save-group').click();
    await page.locator('[data-testid=groups-list] tr[data-group="Sales"]').getByText(`1. ${SUPERVISOR}`).waitFor();
    await closeNotifications(page).catch(() => undefined);
    await b.screenshot('call-routing-groups');

    await page.getByTestId('open-test').click();
    await page.getByTestId('test-from').fill(UNKNOWN_PHONE);
    await page.getByTestId('run-test').click();
    await page.locator('[data-testid=test-result][data-rule="Unknown numbers -> sales"]').waitFor();
    expect(await page.getByTestId('test-targets').textContent()).toContain(`${SUPERVISOR} (extension 201)`);
    expect(await page.getByTestId('test-caller-kind').textContent()).toBe('Unknown number');
    const vip = page.locator(`[data-testid=test-trace] [data-trace="${RULE}"]`);
    expect(await vip.getAttribute('data-matched')).toBe('false');
    expect(await vip.textContent()).toContain('the caller has none of the tags');
    await page.keyboard.press('Escape');
  });

  it('disables the rule (the trace says so), then deletes it after confirming', async () => {
    const { page } = b;
    await page.getByTestId('tab-rules').click();
    await row(RULE).locator('.mantine-Switch-track').click();
    await row(RULE).locator('input[data-testid=rule-enabled]:not(:checked)').waitFor({ state: 'attached' });
    await page.getByTestId('open-test').click();
    await page.getByTestId('test-from').fill(VIP_PHONE);
    await page.getByTestId('run-test').click();
    await page.locator('[data-testid=test-result][data-rule="Customers -> sales"]').waitFor();
    expect(await page.locator(`[data-testid=test-trace] [data-trace="${RULE}"]`).textContent()).toContain('disabled');
    await page.keyboard.press('Escape');

    await row(RULE).getByTestId('delete-rule').click();
    await page.getByTestId('confirm').click();
    await row(RULE).waitFor({ state: 'detached' });
    const rules = await projectApi(sb, p)('GET', '/routing-rules');
    expect(rules.map((r: { name: string }) => r.name)).not.toContain(RULE);
  });

  it('saves the ring time; a supervisor cannot rotate the PBX token', async () => {
    const { page } = b;
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-ring').fill('25');
    await page.getByTestId('save-settings').click();
    await page.getByText('Routing settings saved').waitFor();
    expect(await page.getByTestId('rotate-token').count()).toBe(0);
    const settings = await projectApi(sb, p)('GET', '/call-routing/settings');
    expect(settings.ringSeconds).toBe(25);
    await closeNotifications(page).catch(() => undefined);
    await page.evaluate(() => window.scrollTo(0, 0));
    await b.screenshot('call-routing-settings');
    expect(b.errors).toEqual([]);
  });

  it('lets an admin rotate the PBX token, shown once, then only its prefix', async () => {
    const admin = await launchBrowser();
    try {
      const { page } = admin;
      await signIn(page, sb.url, p.admin.email, p.admin.password);
      await page.goto(`${sb.url}/p/${p.projectId}/call-routing`);
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('rotate-token').click();
      await page.getByTestId('confirm').click();
      const secret = (await page.getByTestId('secret-value').textContent()) ?? '';
      expect(secret).toMatch(/^pbx_/);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      await page.getByTestId('pbx-token-prefix').getByText(`${secret.slice(0, 10)}…`).waitFor();
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
