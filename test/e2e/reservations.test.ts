import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

const sample = fileURLToPath(new URL('../fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url));

describe('the Passenger Information Unit reads a reservation (PNR)', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('uploads a PNRGOV, opens the reservation, depersonalises it and unmasks it with a reason', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/messages`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('upload-input').setInputFiles(sample);
    const result = page.getByTestId('upload-result').first();
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('parsed');
    expect(await result.getAttribute('data-filename')).toBe('pnrWithDoco.txt');

    await page.getByRole('link', { name: 'Reservations', exact: true }).click();
    const rows = page.getByTestId('reservation-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/Cash/);
    await rows.getByRole('link', { name: '06A9FD' }).click();

    await expect.poll(() => page.getByTestId('reservation-locator').textContent()).toMatch(/06A9FD/);
    const travellers = page.getByTestId('reservation-traveller');
    await expect.poll(() => travellers.count()).toBe(1);
    expect(await travellers.first().textContent()).toMatch(/ACKARY/);
    const cash = page.locator('[data-testid="reservation-fact"][data-fact="paidInCash"]');
    expect(await cash.getAttribute('data-flagged')).toBe('true');
    expect(await cash.textContent()).toMatch(/Yes/);
    expect(await page.getByTestId('itinerary-leg').count()).toBe(3);
    expect(await page.getByTestId('itinerary-leg').allTextContents()).toEqual([
      expect.stringMatching(/ET 834.*WDH.*ADD/),
      expect.stringMatching(/ET 706.*ADD.*FRA/),
      expect.stringMatching(/UA 988.*FRA.*IAD/),
    ]);
    const reservationUrl = page.url();

    // Six months after the last flight (2018-05-12) the reservation is depersonalised.
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('link', { name: 'Data retention' }).click();
    await page.getByLabel('As of (optional)').fill('2019-01-01');
    await page.getByTestId('retention-run').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => page.getByTestId('retention-masked').textContent()).toBe('1');
    expect(await page.getByTestId('retention-deleted').textContent()).toBe('0');

    await page.goto(reservationUrl);
    await page.getByTestId('masked-banner').waitFor();
    expect(await page.getByTestId('masked-banner').textContent()).toMatch(/Depersonalised on 2019-01-01/);
    expect(await travellers.first().textContent()).not.toMatch(/ACKARY/);
    expect(await travellers.first().textContent()).toMatch(/•••/);

    // Unmasking needs a written reason of at least ten characters.
    await page.getByTestId('unmask-button').click();
    const dialog = page.getByTestId('unmask-dialog');
    await dialog.getByLabel('Reason').fill('curious');
    await dialog.getByRole('button', { name: 'Unmask' }).click();
    await expect
      .poll(() => dialog.getByTestId('reason-hint').textContent())
      .toMatch(/at least 10 characters/);
    await dialog.getByLabel('Reason').fill('Case BA-2026-0147: suspect in a seizure at Sarajevo airport');
    await dialog.getByRole('button', { name: 'Unmask' }).click();
    await page.getByTestId('unmasked-banner').waitFor();
    expect(await page.getByTestId('reservation-content').getAttribute('data-view')).toBe('unmasked');
    expect(await travellers.first().textContent()).toMatch(/ACKARY/);

    // Held for a case, then released.
    await page.getByTestId('hold-button').click();
    const holdDialog = page.getByTestId('hold-dialog');
    await holdDialog.getByLabel('Reason').fill('Evidence in case BA-2026-0147');
    await holdDialog.getByRole('button', { name: 'Keep the reservation' }).click();
    await expect
      .poll(() => page.getByTestId('hold-banner').textContent())
      .toMatch(/Evidence in case BA-2026-0147/);
    await page.getByTestId('release-button').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => page.getByTestId('hold-banner').count()).toBe(0);
    await page.close();
  });
});
