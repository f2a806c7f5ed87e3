import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { browserAvailable, launchBrowser, signIn, type TestBrowser } from '../support/browser.ts';
import { addConnector, MARKER, seedCardScenario, startBackOffice, type BackOffice, type CardScenario } from '../support/cards.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';

describe.skipIf(!browserAvailable('caller card e2e'))('the caller card on the agent desktop', () => {
  let sb: TestSwitchboard;
  let office: BackOffice;
  let p: TestProject;
  let s: CardScenario;
  let agent: TestBrowser & { errors: string[] };

  beforeAll(async () => {
    office = await startBackOffice();
    sb = await startTestSwitchboard({ listen: true });
    p = await seedProject(sb, 'Praha Sales');
    s = await seedCardScenario(sb, p);
    await addConnector(sb, p, { name: 'Accounting', urlTemplate: `${office.url}/fast?phone={{phone}}`, deadlineMs: 5000, position: 1 });
    await addConnector(sb, p, { name: 'Support history', urlTemplate: `${office.url}/delayed?c={{contact.externalId}}`, display: 'table', deadlineMs: 3000, position: 2 });
    await addConnector(sb, p, { name: 'Receivables', urlTemplate: `${office.url}/slow`, deadlineMs: 1200, position: 3 });
    agent = await launchBrowser();
  });

  afterAll(async () => {
    await agent?.close();
    await sb?.stop();
    await office?.close();
  });

  it('shows who is calling at once, streams the sources in, marks the hanging one, and answers', async () => {
    const { page } = agent;
    await signIn(page, sb.url, p.agent.email, p.agent.password);
    expect(page.url()).toMatch(/\/desktop$/);
    await page.locator('[data-testid=live-indicator][data-status=open]').waitFor();

    const arrival = await sb.services.telephonyAdapters.sim.arrive({ projectId: p.projectId, from: s.phone, to: s.dialled });
    expect(arrival.outcome).toBe('routed');
    const panel = page.locator(`[data-testid=call-panel][data-call="${arrival.callId}"]`);
    await panel.waitFor();
    expect(await page.getByTestId('caller-name').textContent()).toBe('Jana Nováková');
    expect(await page.getByTestId('caller-account').textContent()).toBe('Autobusy Novák s.r.o.');
    expect(await page.getByTestId('card-facts').textContent()).toContain('Own agent first');

    const support = page.locator('[data-testid=card-part][data-part="Support history"]');
    await page.locator('[data-testid=card-part][data-part="Accounting"][data-status=ok]').waitFor();
    expect(await page.locator('[data-part="Accounting"]').textContent()).toContain(MARKER);
    await support.and(page.locator('[data-status=ok]')).waitFor();
    expect(await support.textContent()).toContain('SUP-4100');
    await page.locator('[data-testid=card-part][data-part="Receivables"][data-status=timeout]').waitFor();
    await page.locator('[data-testid=card-status][data-status=partial]').waitFor();
    await agent.screenshot('caller-card');

    await page.getByTestId('call-answer').click();
    await page.getByTestId('call-hold').waitFor();
    expect(await page.getByTestId('call-state').textContent()).toBe('On the call');
    expect(agent.errors).toEqual([]);
  });

  it('lets the admin test a connector from the Connectors page and see the answer and its time', async () => {
    const admin = await launchBrowser();
    try {
      await signIn(admin.page, sb.url, p.admin.email, p.admin.password);
      await admin.page.goto(`${sb.url}/p/${p.projectId}/connectors`);
      const row = admin.page.getByTestId('connector-list').locator('tr', { hasText: 'Support history' });
      await row.getByRole('button', { name: 'Test' }).click();
      await admin.page.getByTestId('connector-sample').fill(s.phone);
      await admin.page.getByTestId('run-test').click();
      await admin.page.getByTestId('test-status').filter({ hasText: 'ok' }).waitFor();
      expect(await admin.page.getByTestId('connector-test').textContent()).toContain('SUP-4100');
      await admin.screenshot('connector-test');
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
