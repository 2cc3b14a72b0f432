import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

const sample = fileURLToPath(new URL('../fixtures/edifact/pnrgov/bigbigPnr.txt', import.meta.url));

describe('odd reservations and the retention policy, as an analyst and an administrator see them', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('shows unknown facts with their reason, ages, labelled fares and invalid codes as invalid', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/messages`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The messages page states the retention rule with the server's periods, and no longer that
    // nothing received is ever lost.
    const statement = page.getByTestId('retention-statement');
    await expect
      .poll(() => statement.textContent())
      .toMatch(/depersonalised 6 months and deleted 5 years after/);
    expect(await page.locator('main').textContent()).not.toMatch(/ever lost/);

    await page.getByTestId('upload-input').setInputFiles(sample);
    await page.getByTestId('upload-result').first().waitFor();

    await page.goto(`${harness.server.url}/reservations?locator=LHIDCA`);
    await page.getByRole('link', { name: 'LHIDCA' }).click();
    await expect.poll(() => page.getByTestId('reservation-locator').textContent()).toMatch(/LHIDCA/);

    // Its flights are out of date order: the trip was shown as "One-way · -1 day".
    const fact = (name: string) => page.locator(`[data-testid="reservation-fact"][data-fact="${name}"]`);
    expect(await fact('tripType').textContent()).toMatch(
      /Unknown \(the flights are not in date order: leg 2 departs at 2020-02-21 23:20 UTC, before leg 1 at 2020-02-22 02:00 UTC\)/,
    );
    expect(await fact('daysBookedBeforeDeparture').textContent()).toMatch(/^Booked before departure35 days/);
    for (const text of await page.getByTestId('reservation-fact').allTextContents())
      expect(text).not.toMatch(/(?<!\d)-\d/);

    // Ages from the dates of birth on the first departure (2020-02-21); nationality "0" is no country.
    const ages = await page.getByTestId('traveller-age').allTextContents();
    expect(ages[0]).toMatch(/^68 years on the first departure, 2020-02-21/);
    expect(ages).toHaveLength(5);
    const invalid = page.getByTestId('pnr-document').first().getByTestId('invalid-code');
    expect(await invalid.textContent()).toBe('invalid code: 0');

    // MON+:754.72:+:800.00: neither the amount type nor the currency sent.
    const fares = await page.getByTestId('traveller-ticket').allTextContents();
    expect(fares.join('\n')).toMatch(/Amount, type not sent: 754\.72 \(currency not sent\)/);
    expect(fares.join('\n')).not.toMatch(/(^|[^a-z]): 754/);
    await page.close();
  });

  it('lists every retention run with who started it, the settings in force and what it did', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/admin`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Data retention' }).click();

    expect(await page.getByTestId('retention-policy').textContent()).toMatch(
      /After 6 months: depersonalised.*After 5 years: deleted/,
    );
    const rows = page.getByTestId('retention-run-row');
    // The server ran the policy when it started.
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-trigger')).toBe('schedule');

    await page.getByTestId('retention-run').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    const latest = rows.first();
    expect(await latest.getAttribute('data-trigger')).toBe('admin');
    expect(await latest.textContent()).toMatch(
      /Administrator: admin.*depersonalise after 6 months, delete after 5 years/,
    );
    // The sample of 2020, taken in as it is on this training server, is past five years: deleted.
    expect(Number(await latest.getByTestId('run-deleted').textContent())).toBeGreaterThan(0);
    await page.close();
  });
});
