// Keyboard only, from start to finish (issue 11 §9): edit, add a lane, build a
// scenario, change sheet and save without touching the mouse. Expected figures
// come from the core on the inputs the keys should have produced.
import { blankLane } from '@shared/document/index';
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { expectedText } from './pages/expected-text';
import { expect, test } from './fixtures';

// Long walks through the real grid on a shared, busy machine.
test.slow();
import type { WorkspacePage } from './pages/workspace-page';

/** Press Tab (or Shift+Tab) until the focused cell or button is `name`; fails after `max` presses. */
async function tabTo(ws: WorkspacePage, name: string, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await ws.focusedName()) === name) return;
    await ws.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${name}; at ${await ws.focusedName()}`);
}

async function sheetTo(ws: WorkspacePage, sheet: string) {
  for (let i = 0; i < 12; i++) {
    if ((await ws.page.locator('main').getAttribute('data-sheet')) === sheet) return;
    await ws.page.keyboard.press('Control+PageDown');
  }
  throw new Error(`Ctrl+PageDown never reached ${sheet}`);
}

test('edit, add a lane, build a scenario, change sheet and save, all from the keyboard', async ({ workspace: ws, page }) => {
  // Headless Chromium cannot show the File System Access pickers: Save downloads instead.
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
  });
  await ws.open();
  // Escape brings focus to the sheet: its first input
  await page.keyboard.press('Escape');
  expect(await ws.focusedKey()).toBe('general.name');

  // edit: the renewal rate
  await tabTo(ws, 'journey.renewal.rate');
  await page.keyboard.type('90');
  await page.keyboard.press('Enter');
  let expected = setInput(defaultInputs(), 'journey.renewal.rate', 0.9);
  await ws.expectFigures(expected);

  // add a lane: Tab reaches the button, Enter adds it, focus goes to its name
  await tabTo(ws, 'button:+ Add lane');
  await page.keyboard.press('Enter');
  await expect.poll(() => ws.focusedKey()).toBe('lanes.lane4.name');
  await page.keyboard.type('Premium support');
  await page.keyboard.press('Tab'); // commits and moves on: anchor, from, to, attach
  await tabTo(ws, 'lanes.lane4.attachRate');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  expected = { ...expected, lanes: [...expected.lanes, { ...blankLane('lane4', 4), name: 'Premium support', attachRate: 0.3 }] };
  await ws.expectFigures(expected);

  // arrows continue from one table into the next
  await tabTo(ws, 'journey.adoption.month', { back: true });
  await page.keyboard.press('ArrowDown');
  expect(await ws.page.evaluate(() => document.activeElement?.closest('[role="group"]')?.getAttribute('aria-label'))).toBe('Renewal inputs');

  // change sheet: Ctrl+PageDown to Scenarios
  await sheetTo(ws, 'scenarios');
  const newName = page.locator('[data-key="scenarios.newName"]');
  for (let i = 0; i < 40 && !(await newName.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(newName).toBeFocused();
  await page.keyboard.type('Downside');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Overrides: Downside' })).toBeVisible();
  const addOverride = page.locator('[data-key="scenarios.addOverride"]');
  for (let i = 0; i < 40 && !(await addOverride.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // overrides the renewal rate (the picker starts there)
  const override = page.locator('[data-key="scenarios.override.journey.renewal.rate"]');
  for (let i = 0; i < 10 && !(await override.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(override).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('80%');
  await page.keyboard.press('Enter');
  const show = page.locator('[data-key^="scenarios.switch.s"]').first();
  for (let i = 0; i < 40 && !(await show.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  const down = setInput(expected, 'journey.renewal.rate', 0.8);
  await expect(ws.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(computeModel(down).annual[1]!.nrr));

  // back to Assumptions (Ctrl+PageUp): the scenario's value, its banner, focus on the sheet
  for (let i = 0; i < 12 && (await page.locator('main').getAttribute('data-sheet')) !== 'assumptions'; i++) await page.keyboard.press('Control+PageUp');
  await expect(ws.input('journey.renewal.rate')).toHaveText('80.0%');
  await expect(page.getByTestId('scenario-banner')).toContainText('Downside');
  await expect.poll(() => ws.focusedKey()).not.toBeNull();

  // save: Ctrl+S downloads the workbook
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('dirty-flag')).toBeHidden();
});

test('focus is always visible: buttons and tabs show a focus ring', async ({ workspace: ws, page }) => {
  await page.keyboard.press('Escape');
  await tabTo(ws, 'button:+ Add year');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
