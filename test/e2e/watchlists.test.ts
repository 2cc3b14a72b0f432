import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

const HEADER =
  'id,primary_name,aliases,original_script_names,dates_of_birth,places_of_birth,nationalities,sex,documents,reason,category,severity,valid_from,valid_to,source_reference';
const PETROVIC =
  'RS-2026-0001,Đorđe Petrović,,Ђорђе Петровић,1979-04-12,Niš,RS,M,passport:008123456:RS,Suspected courier (cocaine),drugs,high,2024-01-15,,Case 17/2026';
const KOVAC = 'RS-2026-0002,Ana Kovač,,,1991,,BA|HR,F,,Cash smuggling,cash,medium,2024-02-01,,';

const csv = (name: string, ...rows: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8'),
});

const unSample = fileURLToPath(new URL('../fixtures/watchlists/un-consolidated-sample.xml', import.meta.url));
const screenshot = fileURLToPath(new URL('../../docs/screenshot-screening.png', import.meta.url));

/** The numbers of the counts row of a list in an import report, by count name. */
async function counts(page: Page): Promise<Record<string, string>> {
  const cells = page.getByTestId('import-counts').first().locator('td[data-count]');
  const result: Record<string, string> = {};
  for (const cell of await cells.all())
    result[(await cell.getAttribute('data-count')) ?? ''] = (await cell.textContent()) ?? '';
  return result;
}

describe('an analyst keeps a national watchlist and screens a name against it', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('creates a list, imports a CSV with preview, opens an entry and screens a name', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${harness.server.url}/watchlists`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // No list yet; a new one, after a name that is too short.
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toMatch(/No watchlists yet/);
    await page.getByTestId('new-list-button').click();
    const form = page.getByTestId('new-list-form');
    await form.getByLabel('Name').fill('RS');
    await form.getByRole('button', { name: 'Create the list' }).click();
    expect(await form.getByRole('alert').textContent()).toMatch(/at least 3 characters/);
    await form.getByLabel('Name').fill('RS national drugs list');
    await form.getByLabel('Kind of entries').selectOption('person');
    await form.getByLabel('Source').selectOption('national');
    await form.getByRole('button', { name: 'Create the list' }).click();
    await expect.poll(() => page.getByTestId('watchlist-name').textContent()).toBe('RS national drugs list');
    expect(await page.getByTestId('list-created').textContent()).toMatch(/was created/);
    await page.getByTestId('entries-empty').waitFor();
    const listUrl = page.url();

    // A file with an error is previewed with where the error is, and cannot be applied.
    const file = page.getByTestId('import-file');
    await file.setInputFiles(csv('bad.csv', PETROVIC.replace('1979-04-12', '1979-13-40'), KOVAC));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-error').first().waitFor();
    expect(await page.getByTestId('import-error').first().textContent()).toMatch(
      /line 2, column 5.*"1979-13-40" is not a date/,
    );
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-blocked').textContent()).toMatch(/has errors/);

    // The corrected file: preview, then apply.
    await file.setInputFiles(csv('national.csv', PETROVIC, KOVAC));
    await page.getByTestId('import-preview').click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status')).toBe('preview');
    expect(await counts(page)).toEqual({
      total: '2',
      added: '2',
      updated: '0',
      unchanged: '0',
      reactivated: '0',
      deactivated: '0',
    });
    expect(await page.getByTestId('import-change').allTextContents()).toEqual([
      expect.stringMatching(/Added.*RS-2026-0001.*Đorđe Petrović/),
      expect.stringMatching(/Added.*RS-2026-0002.*Ana Kovač/),
    ]);
    expect(await page.getByTestId('entries-empty').count()).toBe(1); // nothing stored by a preview
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status')).toBe('applied');
    const rows = page.getByTestId('entry-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/Ana Kovač.*RS-2026-0002.*1991.*BA, HR/),
      expect.stringMatching(/Đorđe Petrović.*RS-2026-0001.*1979-04-12.*RS.*008123456.*drugs.*High/),
    ]);
    await expect.poll(() => page.getByTestId('list-active-entries').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(1);

    // A newer file without Ana Kovač and with a changed severity: applying it asks first.
    await page.getByTestId('import-another').click();
    await file.setInputFiles(csv('national-2.csv', PETROVIC.replace(',high,', ',critical,')));
    await page.getByTestId('import-preview').click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status')).toBe('preview');
    expect(await counts(page)).toMatchObject({ total: '1', updated: '1', deactivated: '1' });
    expect(await page.getByTestId('import-change').allTextContents()).toEqual([
      expect.stringMatching(/Updated.*RS-2026-0001.*Đorđe Petrović.*severity/),
      expect.stringMatching(/Deactivated.*RS-2026-0002.*Ana Kovač/),
    ]);
    await page.getByTestId('import-apply').click();
    const confirm = page.getByRole('dialog');
    expect(await confirm.textContent()).toMatch(/deactivates 1 entry/);
    await confirm.getByRole('button', { name: 'Apply and deactivate' }).click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status')).toBe('applied');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Status').selectOption('inactive');
    await expect.poll(() => rows.first().textContent()).toMatch(/Ana Kovač.*Deactivated/);
    await page.goto(listUrl);

    // The entry: names in their script, identity, documents and both versions.
    await rows.getByRole('link', { name: 'Đorđe Petrović' }).click();
    await expect.poll(() => page.getByTestId('entry-name').textContent()).toBe('Đorđe Petrović');
    const original = page.getByTestId('entry-original-script').locator('li');
    expect(await original.textContent()).toBe('Ђорђе Петровић');
    expect(await original.getAttribute('dir')).toBe('auto');
    expect(await page.getByTestId('entry-dob').textContent()).toBe('1979-04-12');
    expect(await page.getByTestId('entry-document').textContent()).toMatch(/passport.*008123456.*RS/);
    const versions = page.getByTestId('entry-version');
    expect(await versions.count()).toBe(2);
    expect(await versions.first().getAttribute('data-change')).toBe('updated');
    expect(await versions.first().getByTestId('version-fields').textContent()).toMatch(/Changed: severity/);
    await versions.nth(1).getByTestId('toggle-snapshot').click();
    expect(await versions.nth(1).getByTestId('entry-snapshot').textContent()).toMatch(/Severity\s*High/);
    const entryUrl = page.url();

    // Screening the Latin passport spelling with the date of birth finds the entry, explained.
    await page.getByRole('link', { name: 'Screen a name', exact: true }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('DJORDJE PETROVIC');
    await page.getByLabel('Date of birth').fill('1979-04-12');
    await page.getByTestId('screen-submit').click();
    const candidate = page.getByTestId('candidate').first();
    await candidate.waitFor();
    expect(await candidate.getAttribute('data-match')).toBe('true');
    const score = Number(await candidate.getAttribute('data-score'));
    expect(score).toBeGreaterThanOrEqual(0.85);
    expect(await candidate.getByTestId('candidate-percent').textContent()).toBe(
      `${Math.round(score * 100)}%`,
    );
    expect(await candidate.getByTestId('candidate-verdict').textContent()).toBe('Match');
    expect(await candidate.getByTestId('candidate-matched-by').textContent()).toBe('Matched by name');
    expect(await candidate.getByTestId('candidate-entry-link').textContent()).toBe('Đorđe Petrović');
    expect(await candidate.getByTestId('candidate-list-link').textContent()).toBe('RS national drugs list');
    const parts = candidate.getByTestId('explanation-part');
    expect(await parts.allTextContents()).toEqual([
      expect.stringMatching(/^DJORDJE↔Đorđetransliteration\d+%$/),
      expect.stringMatching(/^PETROVIC↔Petrovićtransliteration\d+%$/),
    ]);
    const dob = candidate.locator('[data-testid="explanation-adjustment"][data-reason="date-of-birth"]');
    expect(await dob.textContent()).toMatch(
      /^\+\d+ ptsDate of birth1979-04-12 vs 1979-04-12: same date of birth$/,
    );
    mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });

    await candidate.getByTestId('candidate-entry-link').click();
    await expect.poll(() => page.url()).toBe(entryUrl);

    // A name that is nowhere near any entry.
    await page.goBack();
    await page.getByLabel('Name', { exact: true }).fill('Marko Marković');
    await page.getByLabel('Date of birth').fill('');
    await page.getByTestId('screen-submit').click();
    await page.getByTestId('screen-empty').waitFor();
    expect(await page.getByTestId('screen-empty').textContent()).toMatch(/No candidate/);
    await page.close();
  });

  it('imports the UN Security Council list into its two lists after a preview', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${harness.server.url}/watchlists`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('watchlist-row').first().waitFor();

    await page.getByTestId('import-un-button').click();
    await page.getByTestId('import-file').setInputFiles(unSample);
    await page.getByTestId('import-preview').click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status')).toBe('preview');
    const lists = page.getByTestId('import-counts');
    expect(await lists.allTextContents()).toEqual([
      expect.stringMatching(/individuals.*Persons · new list\s*3\s*3\s*0\s*0\s*0\s*0$/),
      expect.stringMatching(/entities.*Organisations · new list\s*1\s*1\s*0\s*0\s*0\s*0$/),
    ]);
    expect(await page.getByTestId('import-status').textContent()).toMatch(/produced on 2026-05-0/);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-status')).toBe('applied');

    // The two new lists appear among the watchlists, with their entries counted.
    const rows = page.getByTestId('watchlist-row');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel('Source').selectOption('un-sc');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/entities.*Organisations.*UN Security Council.*Everyone\s*1/),
      expect.stringMatching(/individuals.*Persons.*UN Security Council.*Everyone\s*3/),
    ]);
    await page.close();
  });

  it('adds an entry by hand, edits it, deactivates it with a reason and reactivates it', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${harness.server.url}/watchlists`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'RS national drugs list' }).click();
    await page.getByTestId('add-entry-button').click();

    const form = page.getByTestId('entry-form');
    await form.getByLabel('Primary name').fill('Marko Marković');
    await form.getByLabel('Names in original script').fill('Марко Марковић');
    await form.getByLabel('Dates of birth').fill('1985-02-30');
    await form.getByRole('button', { name: 'Add a document' }).click();
    await form.getByLabel('Issuing state').fill('RS');
    await form.getByTestId('entry-submit').click();
    expect(await form.getByRole('alert').allTextContents()).toEqual([
      'Correct the fields marked below.',
      'Not a date as YYYY-MM-DD or YYYY: 1985-02-30',
      'Give the document number.',
    ]);
    await form.getByLabel('Dates of birth').fill('1985-02-28');
    await form.getByLabel('Number', { exact: true }).fill('009876543');
    await form.getByLabel('Severity').selectOption('high');
    await form.getByTestId('entry-submit').click();
    const row = page.locator('[data-testid="entry-row"]', { hasText: 'Marko Marković' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/1985-02-28.*009876543.*High/);

    await row.getByRole('link', { name: 'Marko Marković' }).click();
    await expect.poll(() => page.getByTestId('entry-name').textContent()).toBe('Marko Marković');
    await page.getByTestId('edit-entry').click();
    await page.getByTestId('entry-form').getByLabel('Category').fill('drugs');
    await page.getByTestId('entry-submit').click();
    await expect.poll(() => page.getByTestId('entry-saved').textContent()).toBe('Saved as version 2.');

    await page.getByTestId('deactivate-entry').click();
    const dialog = page.getByTestId('deactivate-dialog');
    await dialog.getByLabel('Reason').fill('Listed by mistake, case closed');
    await dialog.getByRole('button', { name: 'Deactivate the entry' }).click();
    await page.getByTestId('entry-inactive').waitFor();
    const versions = page.getByTestId('entry-version');
    expect(
      await versions.evaluateAll((items) => items.map((item) => item.getAttribute('data-change'))),
    ).toEqual(['deactivated', 'updated', 'created']);
    await page.getByTestId('reactivate-entry').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await expect.poll(() => page.getByTestId('entry-inactive').count()).toBe(0);
    expect(await versions.first().getAttribute('data-change')).toBe('reactivated');
    await page.close();
  });

  it("shows an officer the lists and entries without the managers' actions", async () => {
    const { services } = harness.server;
    const unit = (await services.access.store.listUnits()).find((u) => u.code === 'BA-SJJ-JAITF');
    await services.access.createUser(undefined, {
      username: 'officer1',
      displayName: 'Officer One',
      password: E2E_ADMIN_PASSWORD,
      unitId: unit!.id,
      roles: ['officer'],
    });
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(`${harness.server.url}/watchlists`);
    await page.getByLabel('Username').fill('officer1');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('watchlist-row').first().waitFor();
    expect(await page.getByTestId('new-list-button').count()).toBe(0);
    expect(await page.getByTestId('import-un-button').count()).toBe(0);
    expect(await page.getByTestId('rejected-imports-link').count()).toBe(0);

    await page.getByRole('link', { name: 'RS national drugs list' }).click();
    await page.getByTestId('entry-row').first().waitFor();
    expect(await page.getByTestId('edit-list').count()).toBe(0);
    expect(await page.getByTestId('add-entry-button').count()).toBe(0);
    expect(await page.getByTestId('import-panel').count()).toBe(0);
    await page.getByTestId('entry-row').getByRole('link', { name: 'Đorđe Petrović' }).click();
    await page.getByTestId('entry-name').waitFor();
    await page.getByTestId('entry-history').waitFor();
    expect(await page.getByTestId('edit-entry').count()).toBe(0);
    expect(await page.getByTestId('deactivate-entry').count()).toBe(0);
    await page.close();
  });
});
