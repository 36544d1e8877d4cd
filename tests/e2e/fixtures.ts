// The workspace specs' `test`: skips with a reason when Chromium is missing
// (outside CI), and gives each test a page object on a fresh workspace.
import { existsSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { WorkspacePage } from './pages/workspace-page';

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(chromium);
if (missing && !process.env.CI) console.warn(`e2e: skipped, Chromium not found at ${chromium} (set PLAYWRIGHT_CHROMIUM_PATH)`);

export const test = base.extend<{ workspace: WorkspacePage }>({
  workspace: async ({ page }, use) => {
    test.skip(missing && !process.env.CI, `Chromium not found at ${chromium}`);
    const ws = new WorkspacePage(page);
    await ws.open();
    await use(ws);
  },
});

export { expect };
