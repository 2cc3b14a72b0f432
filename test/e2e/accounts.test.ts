import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

const FIRST_PASSWORD = 'first password given';
const OWN_PASSWORD = 'my very own password';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('an administrator manages accounts and a new user sets their own password', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('creates, edits, resets, disables and enables an account; the user must choose a password', async () => {
    const admin = await harness.browser.newPage();
    await admin.goto(`${harness.server.url}/admin/users`);
    await signIn(admin, 'admin', E2E_ADMIN_PASSWORD);

    const form = admin.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Username').fill('officer.new');
    await form.getByLabel('Display name').fill('Amra Hodžić');
    await form.getByLabel('Initial password').fill(FIRST_PASSWORD);
    await form
      .getByLabel('Unit')
      .selectOption({ label: 'Joint Airport Interdiction Task Force Sarajevo (BA-SJJ-JAITF)' });
    await form.getByRole('button', { name: 'Create user' }).click();
    await admin.getByTestId('user-created').waitFor();
    const row = admin.getByTestId('user-row').filter({ hasText: 'officer.new' });
    await expect.poll(() => row.textContent()).toMatch(/Must set own password/);

    // Edit: name, roles.
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = admin.getByTestId('edit-user-dialog');
    await edit.getByLabel('Display name').fill('Amra Hodžić-Kovač');
    await edit.getByLabel('Analyst', { exact: true }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Amra Hodžić-Kovač.*Analyst/);

    // Reset: a generated password, shown once.
    await row.getByRole('button', { name: 'Reset password' }).click();
    const reset = admin.getByTestId('reset-password-dialog');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    const temporary = (await reset.getByTestId('temporary-password').textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await reset.getByRole('button', { name: 'Done' }).click();

    // Disable (a red confirmation), then enable (not red).
    await row.getByRole('button', { name: 'Disable' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Disable officer.new?' });
    expect(await confirm.getByRole('button', { name: 'Disable' }).getAttribute('data-tone')).toBe('danger');
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await row.getByTestId('user-disabled').waitFor();
    await row.getByRole('button', { name: 'Enable' }).click();
    const enable = admin.getByRole('dialog', { name: 'Enable officer.new?' });
    expect(await enable.getByRole('button', { name: 'Enable' }).getAttribute('data-tone')).toBe('primary');
    await enable.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => row.getByTestId('user-disabled').count()).toBe(0);

    // The user signs in with the temporary password and is asked for their own first.
    const officer = await harness.browser.newPage();
    await officer.goto(`${harness.server.url}/flights`);
    await signIn(officer, 'officer.new', temporary);
    await officer.getByTestId('password-change-required').waitFor();
    expect(officer.url()).toMatch(/\/change-password$/);
    await officer.getByLabel('Current password').fill(temporary);
    await officer.getByLabel('New password', { exact: true }).fill(OWN_PASSWORD);
    await officer.getByLabel('New password again').fill(OWN_PASSWORD);
    await officer.getByRole('button', { name: 'Set my password and continue' }).click();
    await officer.getByTestId('current-user').waitFor();
    expect(officer.url()).toMatch(/\/flights$/);

    // On My account, a wrong current password is said next to that field.
    await officer.goto(`${harness.server.url}/account`);
    const panel = officer.getByTestId('password-panel');
    await panel.getByLabel('Current password').fill('not my password');
    await panel.getByLabel('New password', { exact: true }).fill('another password of mine');
    await panel.getByLabel('New password again').fill('another password of mine');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => panel.getByTestId('field-error').textContent())
      .toMatch(/not your current password/);
    await panel.getByLabel('Current password').fill(OWN_PASSWORD);
    await panel.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => panel.getByTestId('password-changed').textContent())
      .toMatch(/password is changed/);
  });
});
