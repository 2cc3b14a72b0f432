import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';
import { loadSampleData, type SampleRecords } from './sample-data.js';

/** The pages an officer opens, lists and one record of each kind, by path. */
const mainPages = (records: SampleRecords): string[] => [
  '/messages',
  `/messages/${records.message}`,
  '/flights',
  `/flights/${records.flight}`,
  '/travellers',
  `/travellers/${records.traveller}`,
  '/reservations',
  `/reservations/${records.reservation}`,
  '/targeting',
  `/targeting/hits/${records.hit}`,
  '/watchlists',
  `/watchlists/${records.watchlist}`,
  `/watchlists/entries/${records.entry}`,
  '/watchlists/rejected-imports',
  '/screen',
  '/rules',
  `/rules/${records.rule}`,
  '/rules/new',
  '/rules/code-lists',
  '/rules/effectiveness',
  '/cargo',
  '/admin/users',
  '/admin/tokens',
  '/admin/reference',
  '/admin/retention',
  '/admin/jobs',
  '/account',
];

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

/** How the page sits in the window: a page wider than the window scrolls sideways. */
const layoutOf = (page: Page) =>
  page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    windowWidth: window.innerWidth,
    contentWidth: document.querySelector('main')!.getBoundingClientRect().width,
    // What sticks out, to say where the overflow comes from.
    tooWide: [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => !element.closest('.table-frame, .scroll-frame, .raw-message'))
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));

/** The page's own content is on screen (not a loading or an error state) before it is measured. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main .loading').count(), { timeout: 15_000 }).toBe(0);
}

describe('every page fits a phone and a tablet', () => {
  let harness: BrowserHarness;
  let records: SampleRecords;
  beforeAll(async () => {
    harness = await startBrowserHarness();
    records = await loadSampleData(harness.server);
  });
  afterAll(() => harness?.close());

  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height} (${viewport.name}) nothing scrolls sideways and the menu opens`, async () => {
      const context: BrowserContext = await harness.browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
      });
      const page = await context.newPage();
      await page.goto(`${harness.server.url}/messages`);
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('current-user').waitFor();

      const problems: string[] = [];
      for (const path of mainPages(records)) {
        await page.goto(`${harness.server.url}${path}`);
        await settle(page);
        const layout = await layoutOf(page);
        if (layout.pageWidth > layout.windowWidth)
          problems.push(
            `${path}: the page is ${layout.pageWidth} px wide in a ${layout.windowWidth} px window (${layout.tooWide.join(', ')})`,
          );
        if (layout.contentWidth < layout.windowWidth * 0.9)
          problems.push(
            `${path}: the content is ${Math.round(layout.contentWidth)} px of ${layout.windowWidth}`,
          );
      }
      expect(problems).toEqual([]);

      // A dialog fits in the window, its buttons within reach.
      await page.goto(`${harness.server.url}/admin/users`);
      await page.getByTestId('user-row').first().getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByTestId('edit-user-dialog');
      await dialog.waitFor();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // The navigation is behind the menu button, which says whether it is open.
      const menu = page.getByRole('button', { name: 'Menu' });
      const navigation = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await navigation.isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await navigation.getByRole('link', { name: 'Flights' }).waitFor();
      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await navigation.isVisible()).toBe(false);
      expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
      // Following a link closes it too.
      await menu.click();
      await navigation.getByRole('link', { name: 'Flights' }).click();
      await page.waitForURL(/\/flights$/);
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      expect(await navigation.isVisible()).toBe(false);
      await context.close();
    });
  }

  it('keeps the side navigation open beside the content on a desktop', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}/flights`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await context.close();
  });
});
