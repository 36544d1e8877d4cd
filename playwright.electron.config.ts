// Desktop tests, apart from the browser suite (playwright.config.ts):
//   npm run build && npx playwright test -c playwright.electron.config.ts
// - smoke.spec.ts drives the real app through Playwright's _electron. Without
//   the Electron binary (it cannot be downloaded everywhere) it prints
//   "skipped: Electron binary not installed (...)" and skips.
// - desktop-bridge.spec.ts runs the built renderer in Debian's Chromium behind
//   the app:// handler and its CSP, with the real main-process IPC dispatch
//   behind a stand-in preload; it runs wherever Chromium is installed.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  // Two shared cores: the first read of a workbook loads the worker and ExcelJS.
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0, // a retry would hide a flaky test: fix it instead
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
