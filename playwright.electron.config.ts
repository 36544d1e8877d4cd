// The desktop smoke test runs apart from the browser suite (playwright.config.ts):
//   npm run build && npx playwright test -c playwright.electron.config.ts
// Without the Electron binary (it cannot be downloaded everywhere) it prints
// "skipped: Electron binary not installed (...)" and skips.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
