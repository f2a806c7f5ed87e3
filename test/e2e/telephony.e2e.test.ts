import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

describe.skipIf(!browserAvailable('telephony e2e'))('telephony settings in a real browser', () => {
  let sb: TestSwitchboard;
  let p: TestProject;
  let b: TestBrowser & { errors: string[] };

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Brno Telephony');
    b = await launchBrowser();
    await signIn(b.page, sb.url, p.admin.email, p.admin.password);
    await b.page.goto(`${sb.url}/p/${p.projectId}/telephony`);
  });

  afterAll(async () => {
    await b?.close();
    await sb?.stop();
  });

  it('shows what each adapter can do and says what Kamailio alone cannot', async () => {
    const { page } = b;
    await page.getByTestId('telephony-title').waitFor();
    await page.getByTestId('limits').getByText('Every call feature works').waitFor();
    await page.getByTestId('adapter-choice').getByText('Kamailio').click();
    await page.getByTestId('telephony-save').click();
    await page.getByTestId('limits').getByText('Kamailio alone cannot originate and bridge calls').waitFor();
    await b.screenshot('telephony-kamailio');
    expect(sb.services.telephony.adapterFor(p.projectId).name).toBe('kamailio');
  });

  it('sets the simulator rates and refuses outcome shares that do not add up to 100 %', async () => {
    const { page } = b;
    await page.getByTestId('adapter-choice').getByText('Simulator').click();
    await page.getByTestId('sim-inboundPerMinute').fill('3');
    await page.getByTestId('sim-busyRate').fill('50');
    await page.getByTestId('telephony-save').click();
    await page.getByTestId('sim-error').getByText('must add up to 1').waitFor();
    await page.getByTestId('sim-busyRate').fill('10');
    await page.getByTestId('telephony-save').click();
    await page.getByTestId('limits').getByText('Every call feature works').waitFor();
    expect(sb.services.telephonyAdapters.settings.peek(p.projectId)).toMatchObject({ adapter: 'sim', sim: { inboundPerMinute: 3, busyRate: 0.1 } });
    await page.getByTestId('adapter-choice').getByText('Simulator').click();
    expect(b.errors).toEqual([]);
  });

  it('creates the hosted PBX signing secret once', async () => {
    const { page } = b;
    await page.getByTestId('adapter-choice').getByText('Hosted PBX (webhook)').click();
    await page.getByTestId('rotate-secret').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    const secret = (await page.getByTestId('secret-value').textContent())!;
    expect(secret).toMatch(/^tlsec_/);
    expect(sb.services.telephonyAdapters.settings.peek(p.projectId).webhookSecret).toBe(secret);
    await b.screenshot('telephony-secret');
  });
});
