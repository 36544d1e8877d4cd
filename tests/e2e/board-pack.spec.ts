// The board pack as a board member gets it (issue 12): the Board Report page for
// the example model, a model where expansion outruns churn, and a model with 10
// lanes and three scenarios, each opened from a saved workbook, exported to PDF
// (print CSS, A4) and PNG under test-results/board-pack/, and checked for what a
// reader relies on: one name per figure, the verdicts beside their figures, one
// header cell per comparison column, plain words.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeModel, defaultInputs, type ModelInputs } from '@shared/index';
import { emptyScenarios, scenariosToJson, type ScenarioSet } from '@shared/model/scenarios';
import { FIGURE_LABELS, verdicts } from '@shared/report/index';
import { writeWorkbook } from '@shared/workbook/index';
import { expansionOutrunsChurn, tenLanes, threeScenarios } from '../support/board-models';
import { expect, test } from './fixtures';
import { AnalysisPage } from './pages/analysis-page';
import { blockPages, boardBlocks, hasPdftotext, pdfLayout, wordsOutsideMargins } from './pages/pdf-pages';
import { withoutFilePickers } from './pages/no-file-pickers';

const OUT = 'test-results/board-pack';

const packs: { name: string; inputs: ModelInputs; scenarios: ScenarioSet; maxPages: number }[] = [
  { name: 'example', inputs: defaultInputs(), scenarios: emptyScenarios(), maxPages: 1 },
  { name: 'expansion-outruns-churn', inputs: expansionOutrunsChurn(), scenarios: emptyScenarios(), maxPages: 1 },
  { name: 'ten-lanes-three-scenarios', inputs: tenLanes(), scenarios: threeScenarios(), maxPages: 2 },
];

test.beforeEach(async ({ page }) => {
  await withoutFilePickers(page);
});

test.describe.configure({ timeout: 240_000 });

for (const pack of packs) {
  test(`board pack: ${pack.name}`, async ({ workspace: _ws, page }) => {
    mkdirSync(OUT, { recursive: true });
    const file = join(mkdtempSync(join(tmpdir(), 'bowtie-pack-')), `${pack.name}.xlsx`);
    writeFileSync(file, await writeWorkbook({ inputs: pack.inputs, appVersion: 'test', extras: { scenarios: scenariosToJson(pack.scenarios) } }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('document-name')).toHaveText(`${pack.name}.xlsx`);

    const a = new AnalysisPage(page);
    await a.tab('Board Report');
    await a.boardReady();
    const r = computeModel(pack.inputs);

    // One name per figure.
    await expect(page.locator('[data-tile="retention"]')).toContainText(FIGURE_LABELS.renewedAllCustomers);
    await expect(page.locator('[data-tile="retention"]')).toContainText(FIGURE_LABELS.renewalRateOfAdopters);
    // The verdicts beside their figures, in the shared words.
    const v = new Map(verdicts(pack.inputs, r).map((x) => [x.id, x.verdict]));
    await expect(a.key('board.verdict.ttfv')).toHaveText(v.get('ttfv')!);
    await expect(a.key('board.verdict.grr')).toHaveText(v.get('retentionPair')!);
    await expect(a.key('board.verdict.expansionShare')).toHaveText(v.get('expansionShare')!);
    await expect(a.key('board.verdict.churn')).toHaveText(v.get('churnInDeals')!);
    // The comparison: one header cell per column.
    if (pack.scenarios.scenarios.length) {
      const names = pack.scenarios.scenarios.map((s) => s.name);
      await expect(page.locator('.board-comparison thead th')).toHaveText(['Figure', 'Base', ...names, ...names.map((n) => `${n} vs Base`)], { useInnerText: true });
      const cells = await page.locator('.board-comparison tbody tr').first().locator('th, td').count();
      expect(cells).toBe(2 + 2 * names.length);
    }
    // Plain words.
    await expect(page.locator('.board-page')).not.toContainText(/seed \d|spec §|§\d|firstValue|yearStart/);

    await page.locator('.board-page').screenshot({ path: `${OUT}/${pack.name}-screen.png` });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: `${OUT}/${pack.name}.pdf`, preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    // The board page itself on one A4 page; scenarios (and many lanes) may need a second, never a third.
    if (pack.maxPages === 1) expect(pages, 'A4 pages in the PDF').toBe(1);
    else expect(pages, 'A4 pages in the PDF').toBeLessThanOrEqual(pack.maxPages);
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', `${OUT}/${pack.name}.pdf`, `${OUT}/${pack.name}-pdf`]);
    // Every page readable: nothing inside the printer's margins (7 mm top and bottom, 10 mm at the
    // sides, on the second page too), and no tile, chart or table split between two pages.
    test.skip(!hasPdftotext(), 'pdftotext (poppler-utils) is not installed');
    const layout = pdfLayout(`${OUT}/${pack.name}.pdf`);
    expect(layout.pages).toHaveLength(pages);
    expect(wordsOutsideMargins(layout, { y: 7, x: 10 })).toEqual([]);
    const blocks = await boardBlocks(page);
    const { split, unchecked, pageOf } = blockPages(layout, blocks);
    expect(split, 'blocks printed across two pages').toEqual([]);
    expect(unchecked, 'blocks with no word printed once').toEqual([]);
    expect(pageOf.size).toBe(blocks.length);
    // What does not fit the first page moves to the next whole: the figures are on page 1.
    for (const b of blocks.filter((x) => x.name !== blocks[0]!.name).slice(0, 5)) expect(pageOf.get(b.name), b.name).toBe(0);
  });
}
