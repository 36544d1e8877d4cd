// The workspace specs' `test`: skips with a reason when Chromium is missing
// (outside CI), gives each test a page object on a fresh workspace, and fails
// it on any AG Grid error on the console.
import { existsSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { WorkspacePage } from './pages/workspace-page';

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(chromium);
if (missing && !process.env.CI) console.warn(`e2e: skipped, Chromium not found at ${chromium} (set PLAYWRIGHT_CHROMIUM_PATH)`);

export const test = base.extend<{ workspace: WorkspacePage }>({
  workspace: async ({ page }, use) => {
    test.skip(missing && !process.env.CI, `Chromium not found at ${chromium}`);
    // AG Grid reports a feature used without its module (grid-modules.ts) on the
    // console, and the feature silently does nothing: every test fails on it.
    const gridErrors: string[] = [];
    page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && /AG Grid/i.test(m.text())) gridErrors.push(m.text()); });
    const ws = new WorkspacePage(page);
    await ws.open();
    await use(ws);
    expect(gridErrors, 'AG Grid console errors').toEqual([]);
  },
});

export { expect };
