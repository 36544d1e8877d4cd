// Issue 11: entry, paste, selection, copy, fill and clear through the real grid,
// and each misreading of the workshop (77.5, 4.5, a pasted column 1 / 0.5 / 0,
// the stale window error). Expected figures come from the core in the test.
import { defaultInputs, plausibilityWarnings, setInput, type ModelInputs } from '@shared/index';
import { expect, test } from './fixtures';

// Long walks through the real grid on a shared, busy machine.
test.slow();

const withValues = (pairs: [string, unknown][], base: ModelInputs = defaultInputs()) => pairs.reduce((m, [k, v]) => setInput(m, k, v), base);

test('typed rates follow Excel\'s automatic percent entry: 77.5, 4.5, 1.2 are that many percent; 0.85 is 85%', async ({ workspace: ws }) => {
  await ws.type('journey.renewal.rate', '77.5');
  await expect(ws.input('journey.renewal.rate')).toHaveText('77.5%');
  await expect(ws.problem('journey.renewal.rate')).toHaveCount(0);
  await ws.expectFigures(withValues([['journey.renewal.rate', 0.775]]));

  await ws.type('journey.seatExpansion', '4.5');
  await expect(ws.input('journey.seatExpansion')).toHaveText('4.5%');
  await expect(ws.input('journey.seatExpansion')).not.toHaveAttribute('data-warning');
  await ws.expectFigures(withValues([['journey.renewal.rate', 0.775], ['journey.seatExpansion', 0.045]]));

  await ws.type('journey.priceIncrease', '1.2');
  await expect(ws.input('journey.priceIncrease')).toHaveText('1.2%');
  await ws.type('journey.contractionRate', '0.85');
  await expect(ws.input('journey.contractionRate')).toHaveText('85.0%');
  await ws.type('journey.contractionRate', '0.5%');
  await expect(ws.input('journey.contractionRate')).toHaveText('0.5%');
  await ws.expectFigures(withValues([['journey.renewal.rate', 0.775], ['journey.seatExpansion', 0.045], ['journey.priceIncrease', 0.012], ['journey.contractionRate', 0.005]]));
});

test('a pasted column 1 / 0.5 / 0 is 100%, 50%, 0% (Excel paste); a pasted 30 is refused saying how to paste percentages', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('1\n0.5\n0\n'));
  await ws.input('lanes.modules.attachRate').click();
  await page.keyboard.press('Control+V');
  await expect(ws.input('lanes.modules.attachRate')).toHaveText('100.0%');
  await expect(ws.input('lanes.integration.attachRate')).toHaveText('50.0%');
  await expect(ws.input('lanes.services.attachRate')).toHaveText('0.0%');
  const pasted = withValues([['lanes.modules.attachRate', 1], ['lanes.integration.attachRate', 0.5], ['lanes.services.attachRate', 0]]);
  await ws.expectFigures(pasted);

  await page.evaluate(() => navigator.clipboard.writeText('30'));
  await ws.input('journey.renewal.rate').click();
  await page.keyboard.press('Control+V');
  await expect(ws.problem('journey.renewal.rate')).toHaveText('must be between 0% and 100%, got 3000% (a pasted number is the value itself: paste 30% (or 0.3) for 30%)');
  await ws.expectFigures(pasted);
  await page.evaluate(() => navigator.clipboard.writeText('30%'));
  await page.keyboard.press('Control+V');
  await expect(ws.problem('journey.renewal.rate')).toHaveCount(0);
  await ws.expectFigures(withValues([['journey.renewal.rate', 0.3]], pasted));
});

test('a pasted 4.5 in seat expansion is used but warned about at the cell and in the status bar', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('4.5'));
  await ws.input('journey.seatExpansion').click();
  await page.keyboard.press('Control+V');
  const unusual = withValues([['journey.seatExpansion', 4.5]]);
  const message = 'Seat expansion 450% a year is unusual; did you mean 4.5%?';
  expect(plausibilityWarnings(unusual).map((w) => w.message)).toContain(message);
  await expect(ws.input('journey.seatExpansion')).toHaveText('450.0%');
  await expect(ws.input('journey.seatExpansion')).toHaveAttribute('data-warning', message);
  await expect(page.locator('[data-warning-for="journey.seatExpansion"]')).toHaveText(message);
  await expect(page.getByTestId('status-warning')).toContainText(message);
  await ws.expectFigures(unusual); // the model still uses it
  await ws.type('journey.seatExpansion', '4.5');
  await expect(page.getByTestId('status-warning')).toHaveCount(0);
});

test('money in another currency is refused, never taken as dollars', async ({ workspace: ws }) => {
  await ws.typeInEditor('acquisition.acv', '€70k');
  await expect(ws.problem('acquisition.acv')).toContainText('"€70k" is in EUR, but this model is in USD');
  await ws.expectFigures(defaultInputs());
});

test('the stale window error: fixing "to" lets the refused "from" take effect and its mark go', async ({ workspace: ws }) => {
  await ws.type('lanes.services.windowStart', '20');
  await expect(ws.problem('lanes.services.windowStart')).toHaveText('Managed services layer: Window from (months after anchor): must not be later than To (month 12), got 20');
  await expect(ws.page.locator('[data-problem-for^="lanes.services"]')).toHaveCount(1); // named once, on the cell typed
  await ws.expectFigures(defaultInputs());
  await ws.type('lanes.services.windowEnd', '24');
  await expect(ws.page.locator('[data-problem-for^="lanes.services"]')).toHaveCount(0);
  await expect(ws.input('lanes.services.windowStart')).not.toHaveAttribute('aria-invalid', 'true');
  await ws.expectFigures(withValues([['lanes.services.windowStart', 20], ['lanes.services.windowEnd', 24]]));
});

test('a paste larger than the lanes table offers to add lanes; a paste off the table says how many cells were left out', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('10%\n20%\n30%\n40%\n50%'));
  await ws.input('lanes.modules.attachRate').click();
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: 'Add lanes for the pasted rows?' });
  await expect(dialog).toContainText('2 lanes more than the Expansion lanes table holds');
  await page.keyboard.press('Enter'); // the default: add them
  await expect(ws.input('lanes.lane5.attachRate')).toHaveText('50.0%');
  await expect(ws.input('lanes.lane4.attachRate')).toHaveText('40.0%');

  // General inputs cannot grow: the cells past its end are counted
  await page.evaluate(() => navigator.clipboard.writeText('x\ny\nz'));
  await ws.input('general.subscriptionGrossMargin').click();
  await page.keyboard.press('Control+V');
  await expect(page.locator('.status-bar')).toContainText('2 cells fell outside the General inputs table and were left out');
});

test('range selection: Shift+click, Shift+arrows and drag select a rectangle; copy, paste repeats, fill, Delete and the status bar', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Shift+click: attach rates of three lanes
  await ws.input('lanes.modules.attachRate').click();
  await ws.input('lanes.services.attachRate').click({ modifiers: ['Shift'] });
  await expect(page.locator('.range-selected')).toHaveCount(3);
  const summary = page.getByTestId('selection-summary');
  await expect(summary.locator('[data-stat="sum"]')).toHaveText('70.0%');
  await expect(summary.locator('[data-stat="average"]')).toHaveText('23.3%');
  await expect(summary.locator('[data-stat="count"]')).toHaveText('3');

  // Shift+Right widens it to ACV: copy gives TSV as typed
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.range-selected')).toHaveCount(6);
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('35%\t42000\n20%\t18000\n15%\t30000');

  // Ctrl+D fills the top row down, one undo step
  await page.keyboard.press('Control+D');
  await expect(ws.input('lanes.services.acv')).toHaveText('$42,000');
  await expect(ws.input('lanes.integration.attachRate')).toHaveText('35.0%');
  const filled = withValues([['lanes.integration.attachRate', 0.35], ['lanes.services.attachRate', 0.35], ['lanes.integration.acv', 42000], ['lanes.services.acv', 42000]]);
  await ws.expectFigures(filled);
  await page.keyboard.press('Control+Z');
  await ws.expectFigures(defaultInputs());

  // Paste one cell into the selection repeats it; Delete restores the defaults
  await page.evaluate(() => navigator.clipboard.writeText('25%'));
  await ws.input('lanes.modules.attachRate').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+V');
  await expect(ws.input('lanes.services.attachRate')).toHaveText('25.0%');
  await ws.expectFigures(withValues([['lanes.modules.attachRate', 0.25], ['lanes.integration.attachRate', 0.25], ['lanes.services.attachRate', 0.25]]));
  await page.keyboard.press('Delete');
  await expect(ws.input('lanes.integration.attachRate')).toHaveText('20.0%');
  await ws.expectFigures(defaultInputs());

  // Ctrl+R fills right across the window columns
  await ws.input('lanes.modules.windowStart').click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+R');
  await expect(ws.input('lanes.modules.windowEnd')).toHaveText('4');

  // A mouse drag selects too; computed cells copy their shown values
  const from = ws.input('lanes.modules.grossMargin');
  const to = page.locator('.ag-row[row-index="1"] .ag-cell[col-id="arrEnd"]').filter({ hasNot: page.locator('x') }).last();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator('.range-selected')).toHaveCount(4);
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]!.split('\t')[1]).toMatch(/^\$[\d,]+$/); // ARR as shown, which Excel reads as a number
});

test('on the ARR bridge a block of computed cells copies as shown', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ws.tab('ARR Bridge').click();
  const cells = page.getByRole('group', { name: 'Annual ARR bridge' }).locator('.ag-row[row-index="1"] .ag-cell.cell-value');
  await cells.nth(0).click();
  await cells.nth(1).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+C');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^[$(\d–\-][^\t]*\t/);
  await expect(page.getByTestId('selection-summary')).toBeVisible();
});
