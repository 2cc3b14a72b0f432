import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

const sample = fileURLToPath(new URL('../fixtures/edifact/paxlst/apisMessage.txt', import.meta.url));

describe('an officer receives an API message and sees its flight and travellers', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('signs in, uploads a PAXLST, opens the flight and the traveller', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/messages`);

    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByTestId('error-banner').textContent())
      .toMatch(/Wrong username or password/);
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('upload-input').setInputFiles(sample);
    const result = page.getByTestId('upload-result').first();
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('parsed');
    expect(await result.getAttribute('data-filename')).toBe('apisMessage.txt');

    await page.getByRole('link', { name: 'Flights', exact: true }).click();
    const flights = page.getByTestId('flight-row');
    await expect.poll(() => flights.count()).toBe(2);
    await flights.filter({ hasText: 'ORD' }).filter({ hasText: 'JFK' }).getByRole('link').first().click();

    const manifest = page.getByTestId('manifest-row');
    await expect.poll(() => manifest.count()).toBe(2);
    const names = await manifest.allTextContents();
    expect(names.join(' ')).toMatch(/CLARK/);
    expect(names.join(' ')).toMatch(/CHERYL/);
    expect(names.join(' ')).toMatch(/MICHAEL/);

    await manifest.filter({ hasText: 'MICHAEL' }).getByRole('link').first().click();
    await page.waitForURL(/\/travellers\/[0-9a-f-]{36}$/);
    // The reservation reference is on the traveller page only: waiting for it waits for the page.
    await expect.poll(() => page.textContent('main')).toMatch(/TYR123/);
    expect(await page.textContent('main')).toMatch(/1972-09-07|7 Sep 1972|07\/09\/1972|09\/07\/1972/);
    await page.close();
  });
});
