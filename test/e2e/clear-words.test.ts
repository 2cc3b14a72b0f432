import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

/** Calls the API as the administrator, as a script would (cookie and CSRF token of a session). */
async function adminApi(base: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (path: string, body: unknown) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { id: string };
  };
}

describe('clear words: field errors, ISO dates, import previews, placeholders and confirmations', () => {
  let harness: BrowserHarness;
  let page: Page;
  let base: string;
  beforeAll(async () => {
    harness = await startBrowserHarness();
    base = harness.server.url;
    // An American browser: a native date input would show mm/dd/yyyy here.
    const context = await harness.browser.newContext({ locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${base}/admin/users`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(() => harness?.close());

  it('says what is wrong next to the field, and asks to correct the fields marked', async () => {
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Username').fill('ab');
    await form.getByLabel('Display name').fill('Ab');
    await form.getByLabel('Initial password').fill('a long enough password');
    await form.getByLabel('Unit').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Create user' }).click();
    const banner = page.getByTestId('error-banner');
    await expect.poll(() => banner.textContent()).toMatch(/Please correct the fields marked below/);
    expect(await banner.textContent()).not.toMatch(/body\.|username:/);
    const username = form.getByLabel('Username');
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Must be at least 3 characters.');
  });

  it('takes dates as YYYY-MM-DD in filters and forms, and says a back-test covers at most a year', async () => {
    await page.goto(`${base}/flights`);
    const from = page.getByLabel('Departure from');
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await from.fill('2026-3-1');
    await from.blur();
    expect(await from.inputValue()).toBe('2026-03-01');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-03-01');
    await from.fill('12/01/2025');
    await from.blur();
    expect(await page.getByTestId('field-error').textContent()).toMatch(/write it as YYYY-MM-DD/);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-03-01');

    const call = await adminApi(base);
    const rule = await call('/rules', {
      name: 'Travellers from Frankfurt',
      category: 'drugs',
      condition: { all: [{ field: 'flight.origin', operator: 'equals', value: 'FRA' }] },
    });
    await page.goto(`${base}/rules/${rule.id}`);
    const backtest = page.getByTestId('backtest');
    await backtest.getByLabel('From').fill('2024-01-01');
    await backtest.getByLabel('To').fill('2025-06-30');
    await backtest.getByTestId('backtest-run').click();
    await expect
      .poll(() => backtest.getByTestId('field-error').textContent())
      .toBe('A back-test covers at most a year.');
    expect(await backtest.getByTestId('error-banner').textContent()).toMatch(/correct the fields marked/);

    // Activating is not destruction: its confirmation is not red; retiring is.
    await page.getByTestId('rule-set-active').click();
    const activate = page.getByRole('dialog');
    const confirm = activate.getByRole('button', { name: 'Activate' });
    expect(await confirm.getAttribute('data-tone')).toBe('primary');
    expect(await confirm.getAttribute('class')).not.toMatch(/danger/);
    await activate.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('rule-set-retired').click();
    expect(await page.getByRole('dialog').locator('[data-tone]').getAttribute('data-tone')).toBe('danger');
  });

  it('shows the first 500 of 1,009 changes of an import preview and downloads them all', async () => {
    const call = await adminApi(base);
    const list = await call('/watchlists', { name: 'BA national list', kind: 'person', source: 'national' });
    await page.goto(`${base}/watchlists/${list.id}`);
    const rows = Array.from({ length: 1009 }, (_, i) => `BA-${1000 + i},Person ${i}`);
    await page.getByTestId('import-file').setInputFiles({
      name: 'national.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['id,primary_name', ...rows].join('\r\n')),
    });
    await page.getByTestId('import-preview').click();
    await expect
      .poll(() => page.getByTestId('import-changes-heading').textContent())
      .toBe('Showing the first 500 of 1,009 changes');
    expect(await page.getByRole('button', { name: /Show all/ }).textContent()).toBe(
      'Show all 500 listed here',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-changes-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('national-changes.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(1010);
    expect(lines[1009]).toBe('BA national list,added,BA-2008,Person 1008,');
  });

  it('says what the officer will do on a page that is not built yet', async () => {
    for (const [path, words] of [
      ['cargo', /air waybills/],
      ['seizures', /record what your unit finds/],
      ['exchange', /requests, notifications and alerts/],
      ['reports', /your unit’s figures/],
    ] as const) {
      await page.goto(`${base}/${path}`);
      const page_ = page.getByTestId('coming-soon');
      await page_.waitFor();
      expect(await page.getByTestId('coming-soon-intro').textContent()).toMatch(words);
      expect(await page_.textContent()).not.toMatch(/Coming with|mappers|module/);
    }
  });
});
