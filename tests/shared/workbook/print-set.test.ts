// The print set (issue 22): the whole workbook printed by LibreOffice, as the
// CLI's export writes it (pictures, three scenarios). The board pack comes first;
// the Journey prints its journey paths and lanes (its table by age is off the
// print area), the ARR Bridge its annual bridge, the Calendar its tables. Pages are
// counted by each page's footer (the model's name · the sheet), and the counts
// add up to the PDF's own page count.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, type ModelInputs } from '@shared/index';
import { SHEETS, writeWorkbook } from '@shared/workbook/index';
import { boardImages } from '@shared/report/draw';
import { comparisonForWorkbook } from '@shared/report/index';
import { rasterizePng } from '../../../cli/rasterize-png';
import { convertWithLibreOffice, sofficeOrSkip } from '../../support/libreoffice';
import { threeScenarios } from '../../support/board-models';
import { largeModel, rampedModel } from '../../support/models';

const soffice = sofficeOrSkip('the print set through LibreOffice');
const poppler = ['pdftotext', 'pdfinfo'].every((t) => existsSync(`/usr/bin/${t}`));
const SHEET_NAMES = [SHEETS.board, SHEETS.assumptions, SHEETS.metrics, SHEETS.bridge, SHEETS.cohorts, SHEETS.journey, SHEETS.calendar, SHEETS.sensitivity];

describe.skipIf(!soffice || !poppler)('the workbook prints as a board pack', () => {
  const models: [string, ModelInputs][] = [['default', defaultInputs()], ['large ramped', rampedModel(largeModel())]];
  const counts = new Map<string, { total: number; sheets: [string, number][]; first: string }>();

  beforeAll(async () => {
    const files = [];
    for (const [name, m] of models) {
      const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', scenarioComparison: comparisonForWorkbook(m, threeScenarios()), boardImages: await boardImages(m, rasterizePng, computeModel(m)) });
      files.push({ name: `${name.replace(' ', '-')}.xlsx`, bytes });
    }
    const pdfs = await convertWithLibreOffice(soffice!, files, 'pdf', { timeoutMs: 400_000 });
    const dir = mkdtempSync(join(tmpdir(), 'bowtie-print-set-'));
    pdfs.forEach((pdf, i) => {
      const file = join(dir, `${i}.pdf`);
      writeFileSync(file, pdf);
      const total = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))![1]);
      const pages = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 }).split('\f').filter((p) => p.trim());
      const sheetOf = (page: string) => SHEET_NAMES.find((s) => new RegExp(`· ${s}\\b`).test(page)) ?? '?';
      const by = new Map<string, number>();
      for (const p of pages) by.set(sheetOf(p), (by.get(sheetOf(p)) ?? 0) + 1);
      counts.set(models[i]![0], { total, sheets: [...by], first: sheetOf(pages[0]!) });
    });
    for (const [name, c] of counts) console.log(`print set, ${name} model: ${c.total} pages (${c.sheets.map(([s, n]) => `${s} ${n}`).join(', ')})`);
  }, 600_000);

  it.each(models.map(([n]) => n))('%s model: the Board Report first, every page one of the sheets, the Journey and the ARR Bridge compact', (name) => {
    const c = counts.get(name)!;
    const of = (s: string) => c.sheets.find(([x]) => x === s)?.[1] ?? 0;
    expect(c.first).toBe(SHEETS.board);
    expect(c.sheets.map(([s]) => s)).not.toContain('?');
    expect(c.sheets.reduce((a, [, n]) => a + n, 0)).toBe(c.total);
    expect(of(SHEETS.board)).toBeLessThanOrEqual(7);
    // the table by age and the monthly bridge are off paper (180 and 20 pages of the example before)
    expect(of(SHEETS.journey)).toBeLessThanOrEqual(3);
    expect(of(SHEETS.bridge)).toBeLessThanOrEqual(name === 'default' ? 4 : 8);
    expect(c.total).toBeLessThanOrEqual(name === 'default' ? 25 : 60);
  });
});
