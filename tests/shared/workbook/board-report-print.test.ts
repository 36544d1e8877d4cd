// The Board Report on paper (issue 22, docs/board-report.md "The workbook on
// paper"): printed by LibreOffice at every horizon from 12 to 120 months, with
// ten long-named lanes, three scenarios and the chart pictures, it is one
// landscape page wide — all its years on the page with its labels, no page of
// labels alone — and nothing it prints (text or chart) runs past the printable width.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeModel, type ModelInputs } from '@shared/index';
import { SHEETS, writeWorkbook } from '@shared/workbook/index';
import { boardImages } from '@shared/report/draw';
import { comparisonForWorkbook } from '@shared/report/index';
import { rasterizePng } from '../../../cli/rasterize-png';
import { convertWithLibreOffice, sofficeOrSkip } from '../../support/libreoffice';
import { tenLanes, threeScenarios } from '../../support/board-models';

const soffice = sofficeOrSkip('Board Report printing through LibreOffice');
const tools = ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdfimages'].every((t) => existsSync(`/usr/bin/${t}`));
if (!tools && process.env.CI === 'true') throw new Error('pdftotext/pdftoppm (poppler-utils) are missing (CI=true: a missing tool is a failure)');

const HORIZONS = [12, 36, 60, 96, 108, 120];
const MARGIN_PT = 0.35 * 72;

function model(months: number): ModelInputs {
  const m = tenLanes();
  m.general.horizonMonths = months;
  m.acquisition.newCustomersByYear = Array.from({ length: months / 12 }, (_, i) => 100 + 20 * i);
  return m;
}

/** Each page of a PGM render: width, height and, for every column, whether any pixel in it is dark. */
function inkColumns(pgm: Buffer): { width: number; height: number; inked: boolean[] } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 50))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const inked = Array.from({ length: width }, (_, x) => { for (let y = 0; y < height; y++) if (data[y * width + x]! < 230) return true; return false; });
  return { width, height, inked };
}

describe.skipIf(!soffice || !tools)('the Board Report prints one page wide at every horizon', () => {
  const pages = new Map<number, { text: string[]; widths: number[]; ink: { left: number; right: number; width: number }[]; pictures: Map<number, number> }>();

  beforeAll(async () => {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const months of HORIZONS) {
      const m = model(months);
      const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', scenarioComparison: comparisonForWorkbook(m, threeScenarios()), boardImages: await boardImages(m, rasterizePng, computeModel(m)) });
      files.push({ name: `h${months}.xlsx`, bytes });
    }
    const pdfs = await convertWithLibreOffice(soffice!, files, 'pdf');
    const dir = mkdtempSync(join(tmpdir(), 'bowtie-board-print-'));
    pdfs.forEach((pdf, i) => {
      const file = join(dir, `h${HORIZONS[i]}.pdf`);
      writeFileSync(file, pdf);
      // the Board Report's pages: the first ones, each with its sheet's name in the footer
      const all = execFileSync('/usr/bin/pdftotext', ['-layout', '-l', '24', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
      const count = all.findIndex((p) => !/· Board Report\s+Page \d+ of/.test(p));
      const text = all.slice(0, count);
      const widths = [...execFileSync('/usr/bin/pdfinfo', ['-f', '1', '-l', String(count), file], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+([\d.]+) x/g)].map((x) => Number(x[1]));
      execFileSync('/usr/bin/pdftoppm', ['-gray', '-r', '36', '-f', '1', '-l', String(count), file, join(dir, `h${HORIZONS[i]}`)]);
      const ink = readdirSync(dir).filter((f) => f.startsWith(`h${HORIZONS[i]}-`) && f.endsWith('.pgm')).sort().map((f) => {
        const { width, inked } = inkColumns(readFileSync(join(dir, f)));
        return { left: inked.indexOf(true), right: inked.lastIndexOf(true), width };
      });
      // pictures by page (their soft masks are not pictures of their own)
      const pictures = new Map<number, number>();
      for (const line of execFileSync('/usr/bin/pdfimages', ['-list', '-f', '1', '-l', String(count), file], { encoding: 'utf8' }).split('\n').slice(2)) {
        const [page, , type] = line.trim().split(/\s+/);
        if (type === 'image') pictures.set(Number(page), (pictures.get(Number(page)) ?? 0) + 1);
      }
      pages.set(HORIZONS[i]!, { text, widths, ink, pictures });
    });
  }, 600_000);

  it.each(HORIZONS)('%i months: every year on the first page beside its labels, A4 landscape, at most seven pages (tables, five native charts and two pictures)', (months) => {
    const p = pages.get(months)!;
    const years = months / 12;
    expect(p.text.length).toBeGreaterThan(1);
    expect(p.text.length).toBeLessThanOrEqual(7);
    expect(p.text[0]).toMatch(new RegExp(`ARR at year end.*\\$[\\d.]+[KM]?\\b.*`));
    expect(p.text[0]).toContain(`Year ${years}`);
    // the last year's figure is on the ARR line of the first page, not on a page of its own
    expect(p.text[0]!.split('\n').find((l) => l.includes('ARR at year end'))!.match(/\$[\d.,]+[KM]?/g)).toHaveLength(years);
    expect(p.widths.every((w) => Math.abs(w - (years > 6 ? 841.89 : 595.3)) < 1 || Math.abs(w - 841.89) < 1)).toBe(true);
    // no page prints labels alone: each has figures, or a chart picture beside its title
    for (const [i, page] of p.text.entries()) {
      expect(/\$[\d.,]+[KM]?|\d%/.test(page) || p.pictures.has(i + 1), `page ${i + 1}: ${page.trim().slice(0, 60)}`).toBe(true);
    }
    // the two pictures (bowtie, LTV curve) are printed, each whole on one page; the other charts are native and print their titles
    expect([...p.pictures.values()].reduce((a, b) => a + b, 0)).toBe(2);
    const native = years >= 2 ? ['Year-2 ARR bridge', 'Year-2 NRR, decomposed', 'Net and gross revenue retention by year'] : [];
    for (const title of [...native, `Expansion lanes: ARR at the end of year ${years}`]) {
      expect(p.text.some((t) => t.includes(title)), title).toBe(true);
    }
  });

  it.each(HORIZONS)('%i months: nothing printed, charts included, runs past the printable width', (months) => {
    const p = pages.get(months)!;
    for (const [i, { left, right, width }] of p.ink.entries()) {
      const margin = (MARGIN_PT / 72) * 36 - 2; // px at 36 dpi, with a pixel of rounding on each side
      expect(left, `page ${i + 1} left`).toBeGreaterThanOrEqual(margin);
      expect(right, `page ${i + 1} right`).toBeLessThanOrEqual(width - margin);
    }
    expect(p.ink.length).toBe(p.text.length);
  });

  it('the sheet asks for one page wide at 120 months too', async () => {
    const { unzipSync } = await import('fflate');
    const { sheetPath } = await import('./xlsx-edit');
    const files = unzipSync(await writeWorkbook({ inputs: model(120), appVersion: 'test' }));
    const xml = strFromU8(files[sheetPath(files, SHEETS.board)]!);
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
  });
});
