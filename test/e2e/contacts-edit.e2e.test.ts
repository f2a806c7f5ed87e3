import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

describe.skipIf(!browserAvailable('contacts edit e2e'))('creating and editing contacts in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let b: TestBrowser & { errors: string[] };

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Brno Service');
    b = await launchBrowser();
    await signIn(b.page, sb.url, p.supervisor.email, p.supervisor.password);
  });

  afterAll(async () => {
    await b?.close();
    await sb?.stop();
  });

  it('creates an account from the accounts list', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByText('No accounts yet').waitFor();
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByTestId('account-form');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Pekárna Novák s.r.o.');
    await form.getByText('Supplier', { exact: true }).click();
    await form.getByRole('textbox', { name: 'City' }).fill('Praha');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('account-name').getByText('Pekárna Novák s.r.o.').waitFor();
    await page.getByTestId('kind-badge').getByText('Supplier').waitFor();
  });

  it('creates a contact with two phones, shows the bad number on its own field, then saves the fixed one', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByText('No contacts yet').waitFor();
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByTestId('contact-form');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Jan Novák');
    await form.getByLabel('Account', { exact: true }).fill('Pekár');
    await page.getByRole('option', { name: 'Pekárna Novák s.r.o.' }).click();
    await form.getByTestId('phone-0').fill('601 123 456');
    await form.getByRole('button', { name: 'Add phone' }).click();
    await form.getByTestId('phone-1').fill('777 00 11');
    await form.getByLabel('E-mails', { exact: true }).fill('jan@pekarna.cz');
    await page.keyboard.press('Enter');
    await form.getByLabel('Owner', { exact: true }).click();
    await page.getByRole('option', { name: new RegExp(p.agent.email) }).click();
    await form.getByLabel('Time zone', { exact: true }).fill('Prague');
    await page.getByRole('option', { name: 'Europe/Prague' }).click();
    await form.getByRole('textbox', { name: 'City' }).fill('Praha');
    await form.getByLabel('Tags', { exact: true }).fill('vip');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Add field' }).click();
    await form.getByRole('textbox', { name: 'Field' }).fill('segment');
    await form.getByRole('textbox', { name: 'Value' }).fill('A');
    await form.getByRole('button', { name: 'Save' }).click();

    await form.getByText('This is not a valid phone number').waitFor();
    expect(await form.getByTestId('phone-1').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('phone-0').getAttribute('aria-invalid')).not.toBe('true');
    await form.getByTestId('form-error').getByText('Check the highlighted fields and save again.').waitFor();
    await b.screenshot('contact-edit');

    await form.getByTestId('phone-1').fill('+420 777 000 111');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('contact-name').getByText('Jan Novák').waitFor();
    await page.getByTestId('contact-phones').getByText('+420 777 000 111').waitFor();
    await page.getByText('mobile', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Pekárna Novák s.r.o.' }).waitFor();
  });

  it('edits the city, and the contact is found by its second number in the search', async () => {
    const { page } = b;
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('contact-form');
    await form.getByRole('textbox', { name: 'City' }).fill('Brno');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('contact-city').getByText('Brno').waitFor();
    await b.screenshot('contact-edit-saved');

    await page.getByRole('navigation').getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByTestId('contact-search').fill('777000111');
    const rows = page.locator('[data-testid=contacts-table] tbody tr');
    await rows.filter({ hasText: 'Jan Novák' }).filter({ hasText: 'Brno' }).waitFor();
    expect(await rows.count()).toBe(1);

    const stored = await sb.services.contacts.contacts.byPhone(p.projectId, '+420777000111');
    expect(stored).toMatchObject({
      city: 'Brno', ownerId: p.agent.id, timezone: 'Europe/Prague', tags: ['vip'], custom: { segment: 'A' },
      phones: [{ number: '+420601123456', label: 'main' }, { number: '+420777000111', label: 'mobile' }],
    });
    expect(b.errors).toEqual([]);
  });

  it('lists accounts with a kind filter', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts', exact: true }).click();
    const rows = page.locator('[data-testid=accounts-table] tbody tr');
    await rows.filter({ hasText: 'Pekárna Novák s.r.o.' }).waitFor();
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Customer' }).click();
    await page.getByText('No account matches').waitFor();
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Supplier' }).click();
    await rows.filter({ hasText: 'Pekárna Novák s.r.o.' }).waitFor();
    await b.screenshot('accounts-list');
  });

  it('shows past imports on the Import page, each linking to its report', async () => {
    const { page } = b;
    await page.getByRole('navigation').getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByText('No imports yet').waitFor();
    const csv = 'name,phone\nEva Malá,603 000 001\nBroken,12ab\n';
    await page.locator('input[type=file]').setInputFiles({ name: 'january.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-submit').click();
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor();
    const row = page.locator('[data-testid=import-history] tbody tr').filter({ hasText: 'january.csv' });
    await row.filter({ hasText: 'Done' }).waitFor();
    const importId = new URL(page.url()).searchParams.get('import');
    await page.goto(`${sb.url}/p/${p.projectId}/import`);
    await page.locator('[data-testid=import-history] tbody tr').getByRole('link', { name: 'january.csv' }).click();
    expect(new URL(page.url()).searchParams.get('import')).toBe(importId);
    await page.locator('[data-testid=import-errors] tbody tr').filter({ hasText: '12ab' }).waitFor();
    await b.screenshot('import-history');
  });

  it('lets an admin delete the contact after confirming', async () => {
    const admin = await launchBrowser();
    try {
      await signIn(admin.page, sb.url, p.admin.email, p.admin.password);
      const contact = await sb.services.contacts.contacts.byPhone(p.projectId, '+420777000111');
      await admin.page.goto(`${sb.url}/p/${p.projectId}/contacts/${contact.id}`);
      await admin.page.getByRole('button', { name: 'Delete' }).click();
      await admin.page.getByText('Jan Novák and their phone numbers will be deleted').waitFor();
      await admin.page.getByTestId('confirm').click();
      await admin.page.waitForURL(new RegExp(`/p/${p.projectId}/contacts$`));
      await admin.page.getByText('Jan Novák was deleted').waitFor();
      expect(await admin.page.locator('[data-testid=contacts-table] tbody tr').filter({ hasText: 'Jan Novák' }).count()).toBe(0);
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
