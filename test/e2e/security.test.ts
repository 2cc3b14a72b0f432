import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

/** Content Security Policy violations the page reported (the listener runs before the page's own scripts). */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('the web app and the API documentation under their security headers', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('runs the web app under its policy; an administrator sees a locked account and unlocks it', async () => {
    const { services } = harness.server;
    const unit = (await services.access.store.listUnits()).find((u) => u.code === 'BA-SJJ-JAITF')!;
    await services.access.createUser(undefined, {
      username: 'locked.officer',
      displayName: 'Locked Officer',
      password: E2E_ADMIN_PASSWORD,
      unitId: unit.id,
      roles: ['officer'],
    });
    const page = await harness.browser.newPage();
    const violations = await recordViolations(page);
    const response = await page.goto(`${harness.server.url}/admin/users`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response!.headers()['x-frame-options']).toBe('DENY');

    // Five wrong passwords lock the officer; the sign-in page then says until when.
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Username').fill('locked.officer');
      await page.getByLabel('Password').fill(`wrong password ${i}`);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await answer).status()).toBe(401);
    }
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('error-banner').textContent()).toMatch(/locked/);

    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'locked.officer' });
    await expect.poll(() => row.getByTestId('user-locked').textContent()).toMatch(/Locked until/);
    await row.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/locked\.officer is unlocked/);
    await expect.poll(() => row.getByTestId('user-locked').count()).toBe(0);
    expect(await violations()).toEqual([]);
  });

  it('shows the API documentation under its own policy', async () => {
    const page = await harness.browser.newPage();
    const violations = await recordViolations(page);
    const response = await page.goto(`${harness.server.url}/api/docs`);
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(10);
    expect(await violations()).toEqual([]);
  });
});
