// The first five minutes (issue 11 §11): a legend, every "—" in the KPI strip
// says why, a long model shows its last year, no raw identifier on screen.
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { expectedText } from './pages/expected-text';
import { expect, test } from './fixtures';

test.slow();

test('legend, reasons for "—", the last year of a long model and no raw identifiers', async ({ workspace: ws, page }) => {
  await expect(page.getByTestId('legend')).toHaveText(/123\s*input\s*123\s*computed/);

  await ws.type('general.horizonMonths', '12');
  await expect(ws.kpi('kpi.nrr.y2')).toHaveText('—');
  await expect(page.locator('[data-why-for="kpi.nrr.y2"]')).toHaveText('needs 24 months (the model has 12)');
  await expect(ws.kpi('kpi.nrr.y2').locator('..')).toHaveAttribute('title', /needs 24 months/);

  await ws.type('general.horizonMonths', '120');
  const long = setInput(defaultInputs(), 'general.horizonMonths', 120);
  await expect(ws.kpi('kpi.arr.y10')).toHaveText(expectedText.moneyShort(computeModel(long).annual[9]!.closing));
  await expect(ws.kpi('kpi.arr.y5')).toHaveCount(0);
  await expect(page.locator('[data-why-for]')).toHaveCount(0);

  // option values by name, on the Assumptions sheet and the Bowtie picture
  await expect(ws.input('acquisition.timing')).toHaveText(/Year start|Even/);
  await expect(ws.input('lanes.integration.anchor')).toHaveText('First value');
  for (const [tab, id] of [['Assumptions', 'assumptions'], ['Bowtie', 'bowtie']] as const) {
    await ws.tab(tab).click();
    await expect(page.locator('#sheet-panel')).toHaveAttribute('data-sheet', id);
    await expect(page.locator('#sheet-panel')).not.toContainText(/Loading|Computing…/);
    const text = await page.locator('body').innerText();
    for (const raw of ['firstValue', 'yearStart']) expect(text, `${tab} shows ${raw}`).not.toContain(raw);
  }
});

test('Undo and Redo name their step: "Undo: renewal rate of adopters 85% → 80%" (issue 23)', async ({ workspace: ws, page }) => {
  const toolbar = page.getByRole('toolbar', { name: 'File and edit' });
  const undo = toolbar.getByRole('button', { name: /^Undo/ });
  const redo = toolbar.getByRole('button', { name: /^Redo/ });
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAttribute('aria-label', 'Undo');

  await ws.type('journey.renewal.rate', '80');
  await expect(undo).toHaveAttribute('aria-label', 'Undo: renewal rate of adopters 85% → 80%');
  await expect(undo).toHaveAttribute('title', /^Undo: renewal rate of adopters 85% → 80% \((Ctrl\+|⌘)Z\)$/);
  await ws.type('acquisition.acv', '70k');
  await expect(undo).toHaveAttribute('aria-label', 'Undo: new-logo ACV $65,000 → $70,000');

  await undo.click();
  await expect(undo).toHaveAttribute('aria-label', 'Undo: renewal rate of adopters 85% → 80%');
  await expect(redo).toHaveAttribute('aria-label', 'Redo: new-logo ACV $65,000 → $70,000');
  await expect(redo).toHaveAttribute('title', /^Redo: new-logo ACV \$65,000 → \$70,000 \(/);
  await undo.click();
  await expect(undo).toHaveAttribute('aria-label', 'Undo');
  await expect(redo).toHaveAttribute('aria-label', 'Redo: renewal rate of adopters 85% → 80%');

  await page.getByRole('button', { name: '+ Add lane' }).click();
  await expect(undo).toHaveAttribute('aria-label', 'Undo: add a lane');
  await expect(redo).toHaveAttribute('aria-label', 'Redo'); // a new step ends the redo list
  await expect(redo).toBeDisabled();
});
