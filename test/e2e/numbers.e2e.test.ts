import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, closeNotifications, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

describe.skipIf(!browserAvailable('numbers e2e'))('caller IDs, tracking and trunks in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let b: TestBrowser & { errors: string[] };
  const api = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${sb.url}/api/projects/${p.projectId}${path}`, {
      method, headers: { authorization: `Bearer ${p.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    return res.json() as Promise<{ id: string }>;
  };

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Brno Sales');
    b = await launchBrowser();
    await signIn(b.page, sb.url, p.admin.email, p.admin.password);
  });
  afterAll(async () => {
    await b?.close();
    await sb?.stop();
  });

  it('creates a pool in the form and previews the local number with its reason', async () => {
    const { page } = b;
    await api('POST', '/caller-id-pools', { name: 'Praha', cities: ['Praha'], areaPrefixes: ['02'], numbers: ['234000001'], isDefault: true });
    await page.getByRole('link', { name: 'Caller IDs' }).click();
    await page.getByTestId('new-pool').click();
    await page.getByTestId('pool-name').fill('Brno');
    await page.getByTestId('pool-numbers').fill('541 000 001');
    await page.keyboard.press('Enter');
    await page.getByTestId('pool-cities').fill('Brno');
    await page.keyboard.press('Enter');
    await page.getByTestId('save-pool').click();
    await page.locator('[data-pool-row="Brno"]').getByText('+420541000001').waitFor();
    await page.getByTestId('preview-phone').fill('601 123 456');
    await page.getByLabel('City').fill('Brno');
    await page.getByTestId('preview-run').click();
    await page.getByTestId('preview-result').getByText('matched by city Brno').waitFor();
    expect(await page.getByTestId('preview-result').textContent()).toContain('+420541000001');
    await closeNotifications(page).catch(() => undefined);
    await b.screenshot('numbers-caller-ids');
  });

  it('shows a clear error for a number that is already in another pool', async () => {
    const { page } = b;
    await page.getByTestId('new-pool').click();
    await page.getByTestId('pool-name').fill('Copy');
    await page.getByTestId('pool-numbers').fill('+420234000001');
    await page.keyboard.press('Enter');
    await page.getByTestId('save-pool').click();
    await page.getByText('+420234000001 is already in the pool "Praha"').waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows calls, leads and revenue per source', async () => {
    const { page } = b;
    const billboard = await api('POST', '/tracking-numbers', { number: '+420234100001', source: 'Billboard D1', campaign: 'Spring' });
    const db = sb.db.db;
    const contact = (await db.insertInto('contacts').values({ project_id: p.projectId, name: 'Caller', custom: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
    const queue = (await db.insertInto('queues').values({ project_id: p.projectId, name: 'Leads', settings: '{}' }).returning('id').executeTakeFirstOrThrow()).id;
    const at = new Date(Date.now() - 3 * 86_400_000);
    await db.insertInto('calls').values([
      { project_id: p.projectId, pbx_call_id: 'e2e-1', direction: 'inbound', tracking_number_id: billboard.id, contact_id: contact, started_at: at, outcome: 'answered' },
      { project_id: p.projectId, pbx_call_id: 'e2e-2', direction: 'inbound', tracking_number_id: billboard.id, started_at: at, outcome: 'missed' },
    ]).execute();
    await db.insertInto('tasks').values({ project_id: p.projectId, queue_id: queue, contact_id: contact, created_at: new Date(at.getTime() + 60_000), value: 12500, status: 'done', disposition: 'sale', required_skills: '{}', details: '{}' }).execute();
    await page.getByRole('link', { name: 'Tracking' }).click();
    const row = page.getByTestId('tracking-stats').getByRole('row', { name: /Billboard D1/ });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).map((s) => s.trim())).toEqual(['Billboard D1', '2', '1', '1 50 %', '1', '1', '12,500']);
    await b.screenshot('numbers-tracking');
  });

  it('uploads a price list, naming the bad rows of a broken one', async () => {
    const { page } = b;
    await api('POST', '/trunks', { name: 'O2 SIP', priority: 1 });
    await page.getByRole('link', { name: 'Trunks' }).click();
    await page.getByTestId('prices-O2 SIP').click();
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('prefix;rate\n420;0,49\nabc;1\n421;-1\n') });
    await page.getByTestId('price-errors').getByText('Line 3, prefix').waitFor();
    await page.getByTestId('price-errors').getByText('Line 4, ratePerMinute').waitFor();
    await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('prefix;rate;description\n420;0,49;Czechia\n4206;0,99;Mobile\n') });
    await page.getByTestId('price-list').getByText('+4206').waitFor();
    await closeNotifications(page).catch(() => undefined);
    await b.screenshot('numbers-trunk-prices');
    expect(b.errors).toEqual([]);
  });
});
