// A picture for people to look at, taken once the page has stopped changing:
// two screenshots in a row are the same (charts drawn, grids sized), instead
// of a fixed wait that is too short on a busy machine and wasted on an idle one.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export async function settledScreenshot(page: Page, file: string): Promise<void> {
  let last: Buffer | null = null;
  await expect.poll(async () => {
    const shot = await page.screenshot();
    const same = last !== null && last.equals(shot);
    last = shot;
    return same;
  }, { message: `${path.basename(file)}: the page kept changing` }).toBe(true);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, last!);
}
