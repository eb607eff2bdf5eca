// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the running portal in the machine's Chromium (no
 * browser downloads). `./portal test` builds the app and starts the backend
 * that serves it on :7007 first; PLAYWRIGHT_URL points elsewhere, e.g. at the
 * dev server on :3000 that `./portal start` runs.
 */
export default defineConfig({
  testDir: 'e2e-tests',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'e2e-tests/artifacts/results',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath:
        process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
