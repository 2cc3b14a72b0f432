import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode, totpStep } from '../../src/access/totp.js';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

describe('an officer turns on the second factor and signs in with it', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('sets it up from the account page, then signs in with password and code', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.server.url}/account`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const panel = page.getByTestId('second-factor-panel');
    await expect.poll(() => page.getByTestId('second-factor-state').textContent()).toMatch(/Off/);
    await panel.getByRole('button', { name: 'Set up a second factor' }).click();
    const shown = (await page.getByTestId('second-factor-secret').textContent())!;
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = base32Decode(shown)!;
    const step = totpStep(Date.now());

    // A wrong code is refused with the reason; the right one turns it on.
    await panel.getByLabel('Code').fill(totpCode(secret, step + 7));
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => panel.getByTestId('error-banner').textContent()).toMatch(/does not match/);
    await panel.getByLabel('Code').fill(totpCode(secret, step));
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByTestId('second-factor-state').textContent()).toMatch(/On since/);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('second-factor-needed').waitFor();
    // The code that turned it on has been used; the next one signs in.
    await page.getByLabel('Code from your authenticator app').fill(totpCode(secret, step));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByTestId('error-banner').textContent())
      .toMatch(/not right or has been used/);
    await page.getByLabel('Code from your authenticator app').fill(totpCode(secret, step + 1));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('link', { name: 'Administrator' }).click();
    await expect.poll(() => page.getByTestId('second-factor-state').textContent()).toMatch(/On since/);
  });
});
