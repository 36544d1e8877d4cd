// Headless Chromium cannot show the File System Access pickers: without them the
// browser build saves by download and opens through <input type=file>, which
// Playwright can drive.
import type { Page } from '@playwright/test';

export async function withoutFilePickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showOpenFilePicker;
    delete w.showSaveFilePicker;
  });
}
