import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { loadConfig } from '../../src/config.js';
import { startInterdict, type RunningInterdict } from '../../src/server/start.js';

export const E2E_ADMIN_PASSWORD = 'browser test password';

/** Builds the web UI into a temporary folder, so that browser tests need no prior `npm run build`. */
export async function buildWebInto(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'interdict-web-'));
  await build({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

export interface BrowserHarness {
  server: RunningInterdict;
  browser: Browser;
  close(): Promise<void>;
}

/** A real server on an embedded in-memory database and a headless Debian Chromium. */
export async function startBrowserHarness(overrides: Record<string, string> = {}): Promise<BrowserHarness> {
  const webRoot = await buildWebInto();
  // The sample messages are years old: taken in as they are unless a test overrides it.
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      INTERDICT_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      PNR_ACCEPT_EXPIRED: 'true',
      ...overrides,
    },
    {},
  );
  const server = await startInterdict(config, { webRoot });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
