import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

const CSV = [
  'name,phone,email,account,account_kind,city,tags',
  'Jana Nováková,+420 601 123 456,jana@example.cz,Acme s.r.o.,customer,Praha,vip;callback',
  'Petr Svoboda,602 222 333,petr@example.cz,Acme s.r.o.,customer,Brno,',
  'Broken Number,12345,broken@example.cz,,,Ostrava,',
  'Eva Dvořáková,+420 603 444 555,eva@example.cz,Dodavatel a.s.,supplier,Plzeň,',
].join('\n');

describe.skipIf(!browserAvailable('foundation e2e'))('foundation in a real browser', () => {
  let sb: TestSwitchboard;
  let project: TestProject;
  let b: TestBrowser & { errors: string[] };

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    project = await seedProject(sb, 'Praha Sales');
    b = await launchBrowser();
  });

  afterAll(async () => {
    await b?.close();
    await sb?.stop();
  });

  it('signs in, imports a CSV with a bad row, finds a contact by phone and opens it', async () => {
    const { page } = b;
    await page.goto(`${sb.url}/`);
    await page.waitForURL(/\/login$/);
    await b.screenshot('foundation-login');
    await page.locator('input[name=email]').fill(project.supervisor.email);
    await page.locator('input[name=password]').fill(project.supervisor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(new RegExp(`/p/${project.projectId}/supervisor$`));
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.waitForURL(new RegExp(`/p/${project.projectId}/`));
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByText('No contacts yet').waitFor();
    await page.locator('[data-testid=live-indicator][data-status=open]').waitFor();

    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-submit').click();
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor();
    expect(await page.getByTestId('rows-failed').textContent()).toContain('1 rejected');
    const errorRows = page.locator('[data-testid=import-errors] tbody tr');
    expect(await errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('phone');
    expect(cells[2]).toContain('12345');
    await b.screenshot('foundation-import');

    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=contacts-table] tbody tr').length === 3);
    await b.screenshot('foundation-contacts');
    await page.getByTestId('contact-search').fill('00420601123456');
    const results = page.locator('[data-testid=contacts-table] tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=contacts-table] tbody tr').length === 1);
    expect(await results.first().textContent()).toContain('Jana Nováková');
    await results.first().getByRole('link', { name: 'Jana Nováková' }).click();

    await page.getByTestId('contact-name').waitFor();
    expect(await page.getByTestId('contact-name').textContent()).toBe('Jana Nováková');
    expect(await page.getByTestId('contact-phones').textContent()).toContain('+420 601 123 456');
    expect(await page.getByTestId('kind-badge').first().textContent()).toBe('Customer');
    await page.getByText('callback').waitFor();
    expect(await page.title()).toBe('Jana Nováková · Switchboard');
    await b.screenshot('foundation');

    await page.getByRole('link', { name: 'Acme s.r.o.' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=contacts-table] tbody tr').length === 2);
    expect(await page.getByTestId('contacts-table').textContent()).toContain('Petr Svoboda');
    await b.screenshot('foundation-account');
    expect(b.errors).toEqual([]);
  });
});
