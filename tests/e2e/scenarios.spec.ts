// Scenarios end to end (issue 6): create, switch, compare, duplicate, rename,
// delete, save and reopen. Expected figures come from the core on the scenario's model.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { expect, test } from './fixtures';
import { AnalysisPage } from './pages/analysis-page';
import { expectedText } from './pages/expected-text';

// The CFO's question from the issue: renewal 80%, modules attach 20%.
const downside = () => setInput(setInput(defaultInputs(), 'journey.renewal.rate', 0.8), 'lanes.modules.attachRate', 0.2);

test('create a scenario, compare it with the base, switch the app to it and back', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('scenarios');
  await a.createScenario('Downside', { 'journey.renewal.rate': '80%', 'lanes.modules.attachRate': '20' });
  const id = await a.scenarioId('Downside');
  const base = computeModel(defaultInputs());
  const down = computeModel(downside());

  await expect(a.compare('nrr.y2', 'base')).toHaveAttribute('data-value', String(base.annual[1]!.nrr));
  await expect(a.compare('nrr.y2', id)).toHaveAttribute('data-value', String(down.annual[1]!.nrr));
  await expect(a.compare('nrr.y2', id)).toHaveText(expectedText.percent(down.annual[1]!.nrr));
  await expect(a.key(`scenarios.delta.nrr.y2.${id}`)).toHaveText(expectedText.pointsDelta(down.annual[1]!.nrr! - base.annual[1]!.nrr!));
  await expect(a.compare('arr.y3', id)).toHaveAttribute('data-value', String(down.annual[2]!.closing));
  await expect(a.compare('ltvToCac', id)).toHaveAttribute('data-value', String(down.ltvToCac));

  // The base is untouched until the scenario is switched on; then every headline figure follows it.
  await expect(a.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(base.annual[1]!.nrr));
  await a.key(`scenarios.switch.${id}`).click();
  await expect(a.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(down.annual[1]!.nrr));
  // Assumptions shows the scenario's values, overridden cells marked with the base value in the tooltip (issue 11 §7)
  await a.tab('Assumptions');
  const renewal = page.locator('.ag-cell[data-key="journey.renewal.rate"]');
  await expect(renewal).toHaveText('80.0%');
  await expect(renewal).toHaveAttribute('data-override', 'true');
  await expect(renewal).toHaveAttribute('title', 'Downside overrides this; base: 85.0%');
  await expect(page.locator('.ag-cell[data-key="journey.priceIncrease"]')).not.toHaveAttribute('data-override', 'true');
  await expect(page.getByTestId('scenario-banner')).toContainText('Showing scenario Downside: values typed here change Downside, not the base.');
  // typing there changes what is shown: the scenario, not the base
  await page.locator('.ag-cell[data-key="journey.renewal.rate"]').click();
  await page.keyboard.type('75');
  await page.keyboard.press('Enter');
  const down75 = computeModel(setInput(downside(), 'journey.renewal.rate', 0.75));
  await expect(a.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(down75.annual[1]!.nrr));
  await page.screenshot({ path: 'test-results/screens/assumptions-scenario.png' });
  await page.keyboard.press('Control+Z');
  await expect(a.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(down.annual[1]!.nrr));
  await a.tab('Scenarios');
  await a.key('scenarios.switch.base').click();
  await expect(a.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(base.annual[1]!.nrr));
  await a.screenshot('scenarios.png');
});

test('a choice is overridden by picking its words; money in another currency is refused', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('scenarios');
  await a.createScenario('Lumpy', { 'acquisition.timing': 'Year start', 'lanes.integration.anchor': 'Adoption' });
  const id = await a.scenarioId('Lumpy');
  const timing = a.key('scenarios.override.acquisition.timing');
  // The list and the choice read in words, never the identifiers the model stores.
  await expect(timing.locator('option')).toHaveText(['Year start', 'Even']);
  await expect(timing.locator('option:checked')).toHaveText('Year start');
  await expect(a.key('scenarios.override.lanes.integration.anchor').locator('option:checked')).toHaveText('Adoption');
  await expect(page.locator('.override-table')).not.toContainText(/yearStart|firstValue/);
  const lumpy = computeModel(setInput(setInput(defaultInputs(), 'acquisition.timing', 'yearStart'), 'lanes.integration.anchor', 'adoption'));
  await expect(a.compare('arr.y3', id)).toHaveAttribute('data-value', String(lumpy.annual[2]!.closing));

  // The override's money is read in the model's currency, as on the Assumptions sheet.
  await a.key('scenarios.addKey').selectOption('acquisition.acv');
  await a.key('scenarios.addOverride').click();
  const acv = a.key('scenarios.override.acquisition.acv');
  await acv.fill('€70k');
  await acv.press('Enter');
  await expect(page.locator('.override-table')).toContainText('is in EUR, but this model is in USD');
  await acv.fill('$70k');
  await acv.press('Enter');
  const withAcv = computeModel(setInput(setInput(setInput(defaultInputs(), 'acquisition.timing', 'yearStart'), 'lanes.integration.anchor', 'adoption'), 'acquisition.acv', 70000));
  await expect(a.compare('arr.y3', id)).toHaveAttribute('data-value', String(withAcv.annual[2]!.closing));
  await a.screenshot('scenarios-choice-override.png');
});

test('duplicate, rename and delete; undo brings a deleted scenario back', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('scenarios');
  await a.createScenario('Upside', { 'journey.renewal.rate': '92%' });
  const id = await a.scenarioId('Upside');
  await a.key(`scenarios.duplicate.${id}`).click();
  await expect(a.scenarioRow('Upside (copy)')).toBeVisible();
  const copy = await a.scenarioId('Upside (copy)');
  await a.key(`scenarios.rename.${copy}`).click();
  await a.key('scenarios.renameInput').fill('Best case');
  await a.key('scenarios.renameInput').press('Enter');
  await expect(a.scenarioRow('Best case')).toBeVisible();
  // The copy carries the overrides: same figures as the original.
  const up = computeModel(setInput(defaultInputs(), 'journey.renewal.rate', 0.92));
  await expect(a.compare('nrr.y2', copy)).toHaveAttribute('data-value', String(up.annual[1]!.nrr));
  // Names are unique.
  await a.key('scenarios.newName').fill('best CASE');
  await a.key('scenarios.create').click();
  await expect(a.alert()).toContainText('already exists');

  await a.key(`scenarios.delete.${id}`).click();
  await expect(a.scenarioRow('Upside')).toHaveCount(0); // only "Upside" is gone; "Best case" stays
  await expect(a.scenarioRows()).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(a.scenarioRows()).toHaveCount(3);
});

test('scenarios are saved in the workbook and read back', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.useBrowserFiles();
  await a.open('scenarios');
  await a.createScenario('Downside', { 'journey.renewal.rate': '80%', 'lanes.modules.attachRate': '20%' });
  const id = await a.scenarioId('Downside');
  await a.key(`scenarios.switch.${id}`).click();

  const file = await a.saveAs();
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  // Saved before the Board Report tab was ever opened: its charts are in the file all the same,
  // five native chart parts and the two pictures no native chart draws (the bowtie, the LTV curve).
  const parts = Object.keys(unzipSync(new Uint8Array(readFileSync(file)), { filter: (f) => f.name.startsWith('xl/media/') || f.name.startsWith('xl/charts/') }));
  expect(parts.filter((n) => n.startsWith('xl/media/') && n.endsWith('.png'))).toHaveLength(2);
  expect(parts.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(5);

  await a.open('scenarios'); // a fresh app: no scenarios
  await expect(a.scenarioRows()).toHaveCount(1);
  await a.openFile(file);
  await expect(a.scenarioRow('Downside')).toBeVisible();
  const down = computeModel(downside());
  await expect(a.compare('nrr.y2', id)).toHaveAttribute('data-value', String(down.annual[1]!.nrr));
  // It reopens as the active scenario.
  await expect(a.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(down.annual[1]!.nrr));
});
