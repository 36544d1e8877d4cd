// Goal seek in the app (issue 21): from a KPI tile's right-click and from the
// toolbar's What-if entry; the answer arrives while the dialog is open; Apply
// and Save as scenario are each one undo step. Expected figures come from the core.
import { computeModel, defaultInputs, goalSeek, setInput } from '@shared/index';
import { expect, test } from './fixtures';
import { expectedText } from './pages/expected-text';

const base = computeModel(defaultInputs());
const seek95 = (() => {
  const r = goalSeek(defaultInputs(), { output: 'nrrByYear[1]', target: 0.95, input: 'journey.renewal.rate' });
  if (!r.ok || !r.answer.reachable) throw new Error('95% year-2 NRR should be reachable by renewal');
  return r.answer;
})();

test('goal seek from the year-2 NRR tile: the answer, Apply, and Undo', async ({ workspace, page }) => {
  const kpi = (key: string) => page.locator(`dd[data-key="${key}"]`);
  await expect(kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(base.annual[1]!.nrr));
  await kpi('kpi.nrr.y2').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Goal seek…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Goal seek' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Set figure')).toHaveValue('nrrByYear[1]');
  await expect(dialog.getByTestId('gs-output-now')).toHaveText(`now ${expectedText.percent(base.annual[1]!.nrr)}`);
  await expect(dialog.getByLabel('By changing')).toHaveValue('journey.renewal.rate');
  await expect(dialog.getByTestId('gs-input-now')).toHaveText('now 85.0%');

  await dialog.getByLabel('To value').fill('95%');
  await dialog.getByRole('button', { name: 'Find' }).click();
  await expect(dialog.getByTestId('gs-answer')).toHaveText(`Renewal rate of adopters: ${expectedText.percent(seek95.value)} (now 85.0%) gives year-2 NRR 95.0%.`);
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/screens/goal-seek-dialog-${w}.png` });
  }

  // Apply: the input takes the answer, the figures follow; one undo step brings both back.
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  const applied = computeModel(setInput(defaultInputs(), 'journey.renewal.rate', seek95.value!));
  await expect(kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(applied.annual[1]!.nrr));
  await expect(kpi('kpi.nrr.y2')).toHaveText('95.0%');
  await expect(workspace.page.locator('.ag-cell[data-key="journey.renewal.rate"]')).toHaveText(expectedText.percent(seek95.value, 2));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(base.annual[1]!.nrr));
  await expect(workspace.page.locator('.ag-cell[data-key="journey.renewal.rate"]')).toHaveText('85.0%');
});

test('goal seek from the What-if entry: an unreachable target says how far it gets; Save as scenario is one undo step', async ({ workspace, page }) => {
  void workspace;
  const kpi = (key: string) => page.locator(`dd[data-key="${key}"]`);
  await expect(kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(base.annual[1]!.nrr));
  await page.getByRole('button', { name: 'What-if: Goal seek…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Goal seek' });
  await dialog.getByLabel('Set figure').selectOption('nrrByYear[1]');
  await dialog.getByLabel('To value').fill('110%');
  await dialog.getByRole('button', { name: 'Find' }).click();
  const far = goalSeek(defaultInputs(), { output: 'nrrByYear[1]', target: 1.1, input: 'journey.renewal.rate' });
  if (!far.ok) throw new Error(far.error);
  await expect(dialog.getByTestId('gs-answer')).toHaveText(`Not reachable: year-2 NRR reaches at most ${expectedText.percent(far.answer.achieved)}, at renewal rate of adopters 100.0%.`);
  await page.screenshot({ path: 'test-results/screens/goal-seek-unreachable.png' });

  // a figure the input does not move says so, in the dialog
  await dialog.getByLabel('By changing').selectOption('acquisition.cacPerCustomer');
  await dialog.getByRole('button', { name: 'Find' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^Year-2 NRR does not depend on CAC per new logo: it stays 87\.1%/);
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();

  await dialog.getByLabel('By changing').selectOption('journey.renewal.rate');
  await dialog.getByLabel('To value').fill('95%');
  await dialog.getByRole('button', { name: 'Find' }).click();
  await expect(dialog.getByTestId('gs-answer')).toContainText('gives year-2 NRR 95.0%');
  await dialog.getByRole('button', { name: 'Save as scenario' }).click();
  await expect(dialog).toBeHidden();
  await expect(kpi('kpi.scenario')).toHaveText('Renewal for 95% NRR');
  await expect(kpi('kpi.nrr.y2')).toHaveText('95.0%');
  // the base is untouched
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(kpi('kpi.scenario')).toHaveCount(0);
  await expect(kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(base.annual[1]!.nrr));
});

test('goal seek from the LTV:CAC tile: the ratio as its first target, and CAC for 3×', async ({ workspace, page }) => {
  void workspace;
  const tile = page.locator('dd[data-key="kpi.ltvToCac"]');
  await expect(tile).toHaveText(`${base.ltvToCac!.toFixed(2)}×`);
  await tile.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Goal seek…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Goal seek' });
  await expect(dialog.getByLabel('Set figure')).toHaveValue('ltvToCac');
  await expect(dialog.getByLabel('To value')).toHaveValue(String(Number(base.ltvToCac!.toPrecision(4))));
  await dialog.getByLabel('To value').fill('3');
  await dialog.getByLabel('By changing').selectOption('acquisition.cacPerCustomer');
  await dialog.getByRole('button', { name: 'Find' }).click();
  const r = goalSeek(defaultInputs(), { output: 'ltvToCac', target: 3, input: 'acquisition.cacPerCustomer' });
  if (!r.ok) throw new Error(r.error);
  await expect(dialog.getByTestId('gs-answer')).toHaveText(`CAC per new logo: ${expectedText.moneyShort(r.answer.value)} (now $80.0K) gives LTV:CAC 3.00×.`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(tile).toHaveText(`${base.ltvToCac!.toFixed(2)}×`);
});

test('goal seek from a Metrics figure: right-click ARR at the end of year 3', async ({ workspace, page }) => {
  void workspace;
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click();
  const cell = page.locator('[data-key="metric.arr.y3"]').first();
  await expect(cell).toHaveText(expectedText.moneyShort(base.annual[2]!.closing));
  await cell.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Goal seek…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Goal seek' });
  await expect(dialog.getByLabel('Set figure')).toHaveValue('arrByYearEnd[2]');
  await expect(dialog.getByTestId('gs-output-now')).toHaveText(`now ${expectedText.moneyShort(base.annual[2]!.closing)}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('goal seek from a Board Report figure and from a cell of the ARR bridge', async ({ workspace, page }) => {
  await workspace.tab('Board Report').click();
  await page.locator('[data-key="board.nrr.y2"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Goal seek…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Goal seek' });
  await expect(dialog.getByLabel('Set figure')).toHaveValue('nrrByYear[1]');
  await expect(dialog.getByTestId('gs-output-now')).toHaveText(`now ${expectedText.percent(base.annual[1]!.nrr)}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await workspace.tab('ARR Bridge').click();
  await page.locator('.ag-cell[data-key="bridge.y3.closing"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Goal seek…' }).click();
  await expect(dialog.getByLabel('Set figure')).toHaveValue('arrByYearEnd[2]');
  await expect(dialog.getByTestId('gs-output-now')).toHaveText(`now ${expectedText.moneyShort(base.annual[2]!.closing)}`);
});
