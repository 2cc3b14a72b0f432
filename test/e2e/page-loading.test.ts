import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

/** The scripts the page has fetched so far, by file name. */
const scriptsOf = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name.split('/').pop()!)
      .filter((name) => name.endsWith('.js')),
  );

describe('each page is loaded with its own script when first opened', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  async function signedIn(path: string): Promise<Page> {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}${path}`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  it('fetches a page’s script only when the page is opened', async () => {
    const page = await signedIn('/flights');
    await page.getByRole('heading', { name: 'Flights', level: 1 }).waitFor();
    const first = await scriptsOf(page);
    expect(first.some((name) => /^FlightsPage-/.test(name))).toBe(true);
    expect(first.some((name) => /^(ReservationPage|RuleEditorPage|AdminPage)-/.test(name))).toBe(false);

    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
    expect((await scriptsOf(page)).some((name) => /^RulesPage-/.test(name))).toBe(true);
    await page.context().close();
  });

  it('says so, with a reload, when a page’s script cannot be fetched, and the other pages still open', async () => {
    const page = await signedIn('/flights');
    await page.route(/\/assets\/RulesPage-[\w-]+\.js$/, (route) => route.abort('connectionfailed'));
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Rules' }).click();
    const failed = page.getByTestId('page-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/could not be opened/);
    expect(await failed.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);

    await navigation.getByRole('link', { name: 'Flights' }).click();
    await page.getByRole('heading', { name: 'Flights', level: 1 }).waitFor();
    expect(await failed.count()).toBe(0);
    await page.context().close();
  });
});
