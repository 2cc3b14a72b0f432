import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/jobs/index.js';
import { screeningJobHandler } from '../../src/targeting/screening-jobs.js';
import { E2E_ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from './browser.js';

describe('an administrator sends a dead screening job back to the queue', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('shows the dead job with its error and retries it', async () => {
    const { db } = harness.server.services.database;
    // A job that failed at its only attempt, as another worker process would have left it.
    const queue = new JobQueue(db, { maxAttempts: 1 });
    const screening = queue.register(screeningJobHandler(async () => ({ created: [] })));
    await screening.enqueue(db, { of: 'subjects', subjectKind: 'traveller', ids: [] });
    const [job] = await queue.claim('worker-elsewhere');
    await queue.fail(job!, 'connection to the database was lost');

    const page = await (await harness.browser.newContext()).newPage();
    await page.goto(`${harness.server.url}/admin/jobs`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('dead-job-row').waitFor();
    await expect.poll(() => page.getByTestId('jobs-count-dead').textContent()).toBe('1');
    const row = await page.getByTestId('dead-job-row').textContent();
    expect(row).toContain('connection to the database was lost');
    expect(row).toContain('worker-elsewhere');
    expect(row).toContain('0 travellers');

    await page.getByRole('button', { name: `Retry job ${job!.id}` }).click();
    await page.getByText(`Job ${job!.id} is back in the queue.`).waitFor();
    await expect.poll(() => page.getByTestId('jobs-count-dead').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('dead-job-row').count()).toBe(0);
  });
});
