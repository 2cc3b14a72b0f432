import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningInterdict } from '../../src/server/start.js';
import { startBrowserHarness, type BrowserHarness } from './browser.js';

const PAXLST = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');
const PNR = readFileSync(new URL('../fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url), 'utf8');
const PASSWORD = 'officer password of the test';
/** Another booking, of a traveller on no passenger list. */
const PNR_BOOKED_ONLY = PNR.replaceAll('ACKARY', 'DJORDJEVIC')
  .replaceAll('06A9FD', 'QQ1DJO')
  .replace('602120901', 'QQ7700123');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** API calls with a token of a unit, as another officer of the same agency would make them. */
async function apiAs(server: RunningInterdict, role: string, unitCode: string) {
  const unit = (await server.services.access.store.listUnits()).find((each) => each.code === unitCode)!;
  const { token } = await server.services.access.createToken(undefined, {
    name: role,
    role,
    unitId: unit.id,
  });
  return async (method: string, path: string, body?: unknown, type = 'application/json'): Promise<Json> => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
      body:
        body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : String(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
}

async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/targeting`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Hit queue' }).waitFor();
}

describe('hits where officers work', () => {
  let harness: BrowserHarness;
  const ids: Record<string, string> = {};
  let api: Awaited<ReturnType<typeof apiAs>>;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const { server } = harness;
    for (const [username, unit] of [
      ['officer.piu', 'BA-PIU'],
      ['officer.bijaca', 'BA-BIJACA-PCU'],
      ['pnr.analyst', 'BA-PIU'],
    ])
      await server.services.access.createUser(undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        unitId: (await server.services.access.store.listUnits()).find((each) => each.code === unit)!.id,
        roles: [username === 'pnr.analyst' ? 'pnr-analyst' : 'officer'],
      });
    api = await apiAs(server, 'admin', 'BA-PIU');
    const rule = await api('POST', '/rules', {
      name: 'From Frankfurt',
      category: 'drugs',
      condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
    });
    await api('PATCH', `/rules/${rule.id}`, { state: 'active' });
    const list = await api('POST', '/watchlists', { name: 'Couriers', kind: 'person' });
    await api('POST', `/watchlists/${list.id}/entries`, {
      primaryName: 'Charles Ackary',
      datesOfBirth: ['1948-12-26'],
      severity: 'critical',
    });
    await api('POST', '/messages', PAXLST, 'text/plain');
    await api('POST', '/messages', PNR, 'text/plain');
    await api('POST', '/messages', PNR_BOOKED_ONLY, 'text/plain');
    let hits: Json[] = [];
    for (let tries = 0; tries < 200 && hits.length < 4; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      hits = (await api('GET', '/hits?pageSize=200')).items;
    }
    const watchlistHit = hits.find((hit) => hit.source === 'watchlist' && hit.subjectKind === 'traveller');
    ids.ackary = watchlistHit.travellerId;
    ids.flight = watchlistHit.flight.id;
    ids.watchlistHit = watchlistHit.id;
    ids.ruleHit = hits.find((hit) => hit.travellerId === ids.ackary && hit.source === 'rule').id;
    // Another officer of the agency closed the watchlist hit: the courier was found.
    await api('PATCH', `/hits/${ids.watchlistHit}`, { status: 'closed', outcome: 'positive' });
  });
  afterAll(() => harness?.close());

  it('shows a traveller’s hits on his page, in the manifest, the flights list and the queue', async () => {
    const base = harness.server.url;
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signIn(page, base, 'officer.piu');

    await page.goto(`${base}/travellers/${ids.ackary}`);
    const panel = page.getByTestId('record-hits');
    await panel.waitFor();
    expect(await panel.getAttribute('data-open')).toBe('1');
    const rows = panel.getByTestId('record-hit');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-status')).toBe('new');
    expect(await rows.nth(0).textContent()).toMatch(/New.*Rule: From Frankfurt/);
    expect(await rows.nth(1).textContent()).toMatch(/Closed · Positive.*Watchlist: Couriers/);

    await page.goto(`${base}/flights/${ids.flight}`);
    const ackaryRow = page.getByTestId('manifest-row').filter({ hasText: 'ACKARY' });
    await ackaryRow.waitFor();
    expect(await ackaryRow.getByTestId('open-hits').textContent()).toBe('1');
    expect(await ackaryRow.getByTestId('positive-hits').textContent()).toMatch(/closed positive/);

    await page.goto(`${base}/flights`);
    await page.getByTestId('flight-row').first().waitFor();
    expect(Number(await page.getByTestId('flight-row').first().getByTestId('open-hits').textContent())).toBe(
      (await api('GET', `/hits?flight=${ids.flight}&status=open`)).total,
    );

    // The queue of open hits shows the open one; with the closed ones, one row for the traveller,
    // his two sources listed, each hit under it.
    await page.goto(`${base}/targeting`);
    const openRow = page.locator(`[data-testid="hit-row"][data-subject="t:${ids.ackary}"]`);
    await openRow.waitFor();
    expect(await openRow.getAttribute('data-hits')).toBe('1');
    await page.goto(`${base}/targeting?status=all`);
    const subject = page.locator(`[data-testid="hit-row"][data-subject="t:${ids.ackary}"]`);
    await subject.waitFor();
    expect(await page.getByTestId('hit-row').filter({ hasText: 'CHARLES ACKARY' }).count()).toBe(1);
    expect(await subject.getAttribute('data-hits')).toBe('2');
    expect(await subject.getByTestId('hit-source').allTextContents()).toEqual([
      expect.stringMatching(/Rule: From Frankfurt/),
      expect.stringMatching(/Watchlist: Charles Ackary.*Couriers/),
    ]);
    await subject.getByTestId('group-expand').click();
    expect(await page.getByTestId('group-hit-row').count()).toBe(2);

    // The hit page lists the subject's other hit, with a link to it.
    await subject.getByTestId('hit-link').click();
    await page.getByTestId('hit-page').waitFor();
    const others = page.getByTestId('record-hits');
    await others.waitFor();
    expect(await others.textContent()).toMatch(/Other hits of this subject.*Closed · Positive.*Couriers/);
    await others.getByTestId('record-hit-link').click();
    await page.waitForURL(new RegExp(`/targeting/hits/${ids.watchlistHit}$`));
    await page.close();
  });

  it('refers a hit to a unit with a reason; the unit finds it in its queue and accepts it', async () => {
    const base = harness.server.url;
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signIn(page, base, 'officer.piu');
    await page.goto(`${base}/targeting/hits/${ids.ruleHit}`);
    await page.getByTestId('hit-refer').click();
    const dialog = page.getByTestId('refer-dialog');
    await dialog.getByTestId('refer-confirm').click();
    expect(await dialog.getByTestId('field-error').allTextContents()).toEqual([
      'Choose whom to refer the hit to.',
      expect.stringMatching(/at least 10/),
    ]);
    await dialog
      .getByTestId('refer-recipient')
      .selectOption({ label: 'Port Control Unit Bijača (Indirect Taxation Authority (customs))' });
    await dialog.getByTestId('refer-reason').fill('He drives across at Bijača tonight');
    await dialog.getByTestId('refer-confirm').click();
    await page.getByTestId('hit-referral').waitFor();
    expect(await page.getByTestId('hit-referral').textContent()).toMatch(
      /Referred to Port Control Unit Bijača by officer.piu.*He drives across at Bijača tonight/,
    );
    // The next actions follow the state: accept or close, not "Start review".
    expect(await page.getByTestId('hit-to-in-review').count()).toBe(0);
    expect(await page.getByTestId('hit-accept-referral').count()).toBe(1);
    expect(await page.getByTestId('hit-close').textContent()).toBe('Close with outcome…');
    expect(await page.getByTestId('hit-event').first().textContent()).toMatch(
      /Referred to Port Control Unit Bijača.*officer.piu.*He drives across at Bijača tonight/,
    );
    await page.close();

    const recipient = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signIn(recipient, base, 'officer.bijaca');
    await recipient.getByLabel('Referred to me / my unit').click();
    await recipient.waitForURL(/referred=yes/);
    const row = recipient.getByTestId('hit-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-hit-id')).toBe(ids.ruleHit);
    await row.getByTestId('hit-link').click();
    await recipient.getByTestId('hit-referral').waitFor();
    expect(await recipient.getByTestId('hit-referral').textContent()).toMatch(
      /Referred to you by officer.piu/,
    );
    await recipient.getByTestId('hit-accept-referral').click();
    await expect.poll(() => recipient.getByTestId('hit-status').first().textContent()).toBe('In review');
    expect(await recipient.getByTestId('hit-assignee').textContent()).toBe('Assigned to you.');
    await recipient.close();
  });

  it('finds a traveller known only from a reservation by name in another script, and tries a rule on a reservation by its locator', async () => {
    const base = harness.server.url;
    const page = await harness.browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await signIn(page, base, 'pnr.analyst');
    await page.goto(`${base}/travellers`);
    await page.getByLabel('Name').fill('Ђорђевић');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const booked = page.getByTestId('booked-result');
    await booked.first().waitFor();
    expect(await booked.count()).toBe(1);
    expect(await booked.first().textContent()).toMatch(
      /DJORDJEVIC, CHARLESMR.*1948-12-26.*QQ7700123.*UA QQ1DJO/,
    );
    await booked.first().getByRole('link').click();
    await page.waitForURL(/\/reservations\/[0-9a-f-]{36}$/);

    await page.goto(`${base}/reservations`);
    await page.getByLabel('Booked name').fill('Đorđević');
    await page.getByLabel('Booked name').press('Enter');
    await page.waitForURL(/name=/);
    await expect.poll(() => page.getByTestId('reservation-row').count()).toBe(1);
    expect(await page.getByTestId('reservation-row').textContent()).toMatch(/QQ1DJO/);

    // The rule editor says which records a traveller rule runs on.
    await page.goto(`${base}/rules/new`);
    expect(await page.getByTestId('rule-subject-sees').textContent()).toMatch(
      /travellers from passenger lists and on travellers booked in reservations/,
    );

    // A rule on reservations is tried on one named by its record locator, not an internal id.
    await page.getByLabel('Written about').selectOption('reservation');
    expect(await page.getByTestId('rule-subject-sees').textContent()).toMatch(/each reservation/);
    const condition = page.getByTestId('condition').first();
    await condition.getByLabel('Field').selectOption('reservation.owningCarrier');
    await condition.getByLabel('Operator').selectOption('equals');
    await condition.getByLabel('Value', { exact: true }).fill('UA');
    await page.getByLabel('Record locator').fill('qq1djo');
    await page.getByTestId('rule-test-run').click();
    const result = page.getByTestId('rule-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-fired')).toBe('true');
    expect(await result.textContent()).toMatch(/The rule fires on UA QQ1DJO/);
    await page.close();
  });
});
