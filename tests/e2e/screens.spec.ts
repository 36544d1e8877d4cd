// A 1440×900 picture of every sheet (and of a rejected entry) for people to look
// at: test-results/screens/*.png. Asserts only that each sheet renders without
// an error message or a page error.
import { expect, test } from './fixtures';
import { settledScreenshot } from './pages/settled-screenshot';

test('every sheet renders at 1440×900', async ({ workspace: ws, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const ids = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => [t.getAttribute('data-sheet')!, t.textContent] as const));
  expect(ids.map(([id]) => id)).toEqual(expect.arrayContaining(['assumptions', 'bowtie', 'bridge', 'cohorts', 'metrics', 'sensitivity', 'scenarios', 'board-report']));
  for (const [id, title] of ids) {
    await ws.tab(title).click();
    await expect(page.locator('#sheet-panel')).toHaveAttribute('data-sheet', id);
    await expect(page.locator('#sheet-panel')).not.toContainText(/Loading|Computing…/, { timeout: 20_000 });
    await expect(page.locator('#sheet-panel')).not.toContainText('could not be shown');
    await settledScreenshot(page, `test-results/screens/${id}.png`);
  }
  await ws.tab('Assumptions').click();
  await ws.type('journey.renewal.rate', '120%');
  await ws.type('lanes.services.attachRate', 'abc');
  await expect(ws.problem('lanes.services.attachRate')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/assumptions-rejected-entries.png' });
  expect(errors).toEqual([]);
});
