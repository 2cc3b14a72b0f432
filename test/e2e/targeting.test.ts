import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

/** A GBR traveller and a BIH traveller on UA988 from FRA to IAD (as in src/targeting/service.test.ts). */
const PAXLST = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');
const PNR = readFileSync(new URL('../fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url));

const RULE = 'British traveller from Frankfurt';

async function upload(page: Page, base: string, name: string, buffer: Buffer) {
  await page.goto(`${base}/messages`);
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/plain', buffer });
  const result = page.locator(`[data-testid="upload-result"][data-filename="${name}"]`);
  await result.waitFor();
  expect(await result.getAttribute('data-status')).toBe('parsed');
}

/** One condition of the builder: field, operator and value. */
async function fillCondition(page: Page, index: number, field: string, operator: string, value: string) {
  const condition = page.getByTestId('condition').nth(index);
  await condition.getByLabel('Field').selectOption(field);
  await condition.getByLabel('Operator').selectOption(operator);
  await condition.getByLabel('Value', { exact: true }).fill(value);
}

describe('an analyst writes a rule and an officer works the hit it raises', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('builds, activates, screens live, reviews to an outcome and measures the rule', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${harness.server.url}/rules`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // No rules yet; a new rule is refused until it is complete.
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toMatch(/No rules yet/);
    await page.getByTestId('new-rule').click();
    await page.getByTestId('save-rule').click();
    expect(await page.getByTestId('rule-form').textContent()).toMatch(/at least 3 characters/);
    expect(await page.getByTestId('condition-issue').first().textContent()).toMatch(/Choose a field/);

    await page.getByLabel('Name', { exact: true }).fill(RULE);
    await page.getByLabel('Hit category').fill('drugs');
    await page.getByLabel('Severity').selectOption('high');
    await fillCondition(page, 0, 'traveller.nationality', 'equals', 'GB');
    await page.getByTestId('add-condition').first().click();
    await fillCondition(page, 1, 'flight.origin', 'equals', 'FRA');
    await page.getByTestId('save-rule').click();

    await page.waitForURL(/\/rules\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('rule-saved').textContent()).toMatch(/Saved as version 1/);
    expect(await page.getByTestId('rule-state').first().textContent()).toBe('Draft');
    expect(await page.getByTestId('rule-version-condition').allTextContents()).toEqual([
      'Nationality equals GB AND Origin airport equals FRA',
    ]);
    const ruleUrl = page.url();

    await page.getByTestId('rule-set-active').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toMatch(/screen every incoming traveller/);
    await dialog.getByRole('button', { name: 'Activate' }).click();
    await expect.poll(() => page.getByTestId('rule-state').first().textContent()).toBe('Active');

    // The queue is open in one tab while the data arrives in another: the hit comes in live.
    const queue = await context.newPage();
    await queue.goto(`${harness.server.url}/targeting`);
    await queue.getByTestId('hits-empty').waitFor();
    await expect.poll(() => queue.getByTestId('live-indicator').getAttribute('data-connected')).toBe('true');

    await upload(page, harness.server.url, 'ua988.txt', Buffer.from(PAXLST, 'utf8'));
    await upload(page, harness.server.url, 'pnrWithDoco.txt', PNR);

    const rows = queue.getByTestId('hit-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    const row = rows.first();
    expect(await row.textContent()).toMatch(
      new RegExp(`departed.*High.*CHARLES ACKARY.*Rule: ${RULE}.*v1.*UA 988.*FRA → IAD.*New`),
    );
    expect(await row.getByTestId('countdown').getAttribute('data-state')).toBe('past');

    // The hit: who, and why with the values seen.
    await row.getByTestId('hit-link').click();
    await queue.waitForURL(/\/targeting\/hits\/[0-9a-f-]{36}$/);
    await queue.getByTestId('hit-page').waitFor();
    await expect.poll(() => queue.getByTestId('hit-traveller-link').textContent()).toBe('ACKARY, CHARLES');
    expect(await queue.getByTestId('hit-subject').textContent()).toMatch(/1948-12-26.*GB/);
    const conditions = queue.getByTestId('explain-condition');
    expect(await conditions.count()).toBe(2);
    const seen: [string | null, string | null, string | null][] = [];
    for (const condition of await conditions.all())
      seen.push([
        await condition.getAttribute('data-field'),
        await condition.getByTestId('explain-actual').textContent(),
        await condition.getAttribute('data-held'),
      ]);
    expect(seen).toEqual([
      ['traveller.nationality', 'GB', 'true'],
      ['flight.origin', 'FRA', 'true'],
    ]);
    expect(await queue.getByTestId('hit-rule-link').textContent()).toBe(RULE);

    // Review: start, close positive with a note.
    await queue.getByTestId('hit-to-in-review').click();
    await expect.poll(() => queue.getByTestId('hit-status').first().textContent()).toBe('In review');
    await queue.getByTestId('hit-close').click();
    await queue.getByTestId('hit-close-confirm').click();
    expect(await queue.getByTestId('hit-close-form').textContent()).toMatch(/Choose the outcome/);
    await queue.getByLabel('Outcome').selectOption('positive');
    await queue.getByLabel('Note').fill('Cocaine found in the checked bag');
    await queue.getByTestId('hit-close-confirm').click();
    await expect.poll(() => queue.getByTestId('hit-status').first().textContent()).toBe('Closed · Positive');
    expect(await queue.getByTestId('hit-event').allTextContents()).toEqual([
      expect.stringMatching(/Note.*Cocaine found in the checked bag/),
      expect.stringMatching(/In review → Closed \(Positive\).*admin/),
      expect.stringMatching(/New → In review.*admin/),
      expect.stringMatching(/Hit raised/),
    ]);

    // The queue of open hits is empty again; the closed hit is under "Closed".
    await queue.getByRole('link', { name: 'Hit queue' }).click();
    await queue.getByTestId('hits-empty').waitFor();
    await queue.getByLabel('Status').selectOption('closed');
    await expect.poll(() => rows.count()).toBe(1);

    // Effectiveness: one hit, found positive.
    await page.goto(`${harness.server.url}/rules/effectiveness`);
    const effectiveness = page.getByTestId('effectiveness-row');
    await expect.poll(() => effectiveness.count()).toBe(1);
    const cells: Record<string, string> = {};
    for (const cell of await effectiveness.first().locator('td[data-count]').all())
      cells[(await cell.getAttribute('data-count')) ?? ''] = (await cell.textContent()) ?? '';
    expect(cells).toEqual({
      hits: '1',
      referrals: '0',
      positives: '1',
      negatives: '0',
      notEncountered: '0',
      precision: '100%',
    });
    expect(await effectiveness.first().textContent()).toMatch(RULE);

    // Trying the rule on the traveller shows the same values.
    await page.goto(ruleUrl);
    await page.getByLabel('Traveller', { exact: true }).fill('ackary');
    await page.getByTestId('rule-test-find').click();
    await page.getByTestId('rule-test-candidate').first().click();
    await expect.poll(() => page.getByTestId('rule-test-result').getAttribute('data-fired')).toBe('true');
    expect(
      await page.getByTestId('rule-test-result').getByTestId('explain-actual').allTextContents(),
    ).toEqual(['GB', 'FRA']);
    await context.close();
  });
});
