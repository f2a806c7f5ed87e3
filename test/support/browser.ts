import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian (and most distributions) install Chromium; `CHROMIUM_PATH` overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Whether a browser suite can run. Without Chromium it prints one line and the suite is skipped,
 * unless `CI_REQUIRE_ALL=1`, where a missing browser is a failure (CI installs it).
 */
export function browserAvailable(suite: string): boolean {
  if (chromiumPath()) return true;
  const line = `${suite}: skipped, no Chromium (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI_REQUIRE_ALL === '1') throw new Error(`${line}; CI_REQUIRE_ALL=1 requires it`);
  console.log(line);
  return false;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves `test-results/<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a throw-away profile, one context at a desktop size and the
 * given UI locale. Uncaught page exceptions are collected in `errors` for the test to assert on.
 */
export async function launchBrowser(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<TestBrowser & { errors: string[] }> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found');
  const profile = mkdtempSync(path.join(tmpdir(), 'sb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1366, height: 860 },
    locale: opts.locale ?? 'en-US',
    reducedMotion: 'reduce',
  });
  const browser = context.browser() as Browser;
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    browser,
    context,
    page,
    errors,
    async screenshot(name) {
      const dir = path.resolve('test-results');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login form as a person would and waits for the role's landing page (desktop or supervisor view). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/p\/[^/]+\/(desktop|supervisor)$/);
}

/**
 * Closes the notification toasts so they do not cover a screenshot. They also close on their own after
 * a few seconds, so a button listed a moment ago may be gone when clicked: all close buttons are
 * clicked inside the page in one step, then we wait until the toasts are gone.
 */
export async function closeNotifications(page: Page): Promise<void> {
  await page.locator('.mantine-Notification-root button').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
}
