// The workbook prints its headline figures as the app does (issue 12 item 6):
// LibreOffice recalculates the saved file and writes each cell as shown (CSV),
// and every figure on the Board Report and Metrics sheets reads exactly as the
// shared formatter writes it in the app: $25.0M, (2.3%), +4.2 pts, (1.5 pts).
// Also: no seed or spec references and no raw identifiers in what a reader sees.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { defaultInputs, type ModelInputs } from '@shared/index';
import { writeWorkbook, SHEETS } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { ASSUMPTION_COLS } from '@shared/workbook/sheets/assumptions';
import { comparisonForWorkbook, excelNumberFormat, formatDelta, formatFigure, type FigureFormat } from '@shared/report/index';
import { convertWithLibreOffice, sofficeOrSkip } from '../../support/libreoffice';
import { shrinking, tenLanes, threeScenarios } from '../../support/board-models';

const soffice = sofficeOrSkip('workbook number formats through LibreOffice');

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const FORMATS: FigureFormat[] = ['money', 'percent', 'ratio', 'months', 'years', 'count'];

/** What the app prints for a cell written with one of the shared formatter's Excel formats (null: not one of them). */
function appText(value: number, numFmt: string, currency: string): string | null {
  for (const f of FORMATS) {
    if (excelNumberFormat(f, value, currency) === numFmt) return formatFigure(value, f, currency);
    if (excelNumberFormat(f, value, currency, true) === numFmt) {
      // a percentage's difference is stored in points
      return f === 'percent' ? formatDelta(value / 100, 'percent', currency) : formatDelta(value, f, currency);
    }
  }
  return null;
}

const models: [string, ModelInputs, boolean][] = [
  ['example', defaultInputs(), false],
  ['ten-lanes', tenLanes(), true],
  ['shrinking', shrinking(), true],
];

describe.skipIf(!soffice)('the workbook prints figures as the app does', () => {
  const shown = new Map<string, Map<string, string[][]>>();
  const books = new Map<string, InstanceType<typeof ExcelJS.Workbook>>();

  beforeAll(async () => {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const [name, m, withScenarios] of models) {
      const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', scenarioComparison: withScenarios ? comparisonForWorkbook(m, threeScenarios()) : undefined });
      files.push({ name: `${name}.xlsx`, bytes });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as never);
      books.set(name, wb);
    }
    // One CSV per sheet, "as shown" (token 9), every sheet (token 12 = -1).
    const sheets = [SHEETS.board, SHEETS.metrics, SHEETS.assumptions];
    const out = await convertWithLibreOffice(soffice!, files, 'csv', { filter: 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', sheets });
    files.forEach((f, i) => {
      const stem = f.name.replace('.xlsx', '');
      shown.set(stem, new Map(sheets.map((s, j) => [s, parseCsv(new TextDecoder().decode(out[i * sheets.length + j]))])));
    });
  }, 300_000);

  it.each(models.map(([name]) => name))('%s: every headline figure on Board Report and Metrics reads as in the app', (name) => {
    const wb = books.get(name)!;
    const currency = models.find((x) => x[0] === name)![1].general.currency;
    let checked = 0;
    const wrong: string[] = [];
    for (const sheet of [SHEETS.board, SHEETS.metrics]) {
      const csv = shown.get(name)!.get(sheet)!;
      wb.getWorksheet(sheet)!.eachRow((row, r) => row.eachCell((cell, c) => {
        const v = cell.value as unknown;
        const value = typeof v === 'number' ? v : v && typeof v === 'object' && typeof (v as { result?: unknown }).result === 'number' ? (v as { result: number }).result : null;
        if (value === null) return;
        const want = appText(value, cell.numFmt ?? '', currency);
        if (want === null) return;
        checked++;
        const got = csv[r - 1]?.[c - 1];
        if (got !== want) wrong.push(`${sheet}!${cell.address}: ${got} ≠ ${want}`);
      }));
    }
    expect(checked).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
    // The scenario comparison: one header cell per column.
    if (models.find((x) => x[0] === name)![2]) {
      const csv = shown.get(name)!.get(SHEETS.board)!;
      const header = csv.find((r) => r[0] === 'Figure')!;
      const names = threeScenarios().scenarios.map((s) => s.name);
      expect(header.filter(Boolean)).toEqual(['Figure', 'Base', ...names, ...names.map((n) => `${n} vs Base`)]);
    }
  });

  it.each(models.map(([name]) => name))('%s: a reader sees plain words, no sources, section numbers or identifiers', (name) => {
    const sheets = shown.get(name)!;
    for (const [sheet, rows] of sheets) {
      // Assumptions' last column holds the keys Bowtie reads (out of the print area); its input cells, choices included, are words.
      const text = rows.map((r) => (sheet === SHEETS.assumptions ? r.slice(0, ASSUMPTION_COLS.key - 1) : r).join(' ')).join('\n');
      expect(text, sheet).not.toMatch(/\bseed \d|\bspec\b|§|\bfirstValue\b|\byearStart\b|\bcrossSell\b|\bnrrBand\b/);
      // A choice cell reads as a word a board member would use, never the identifier ("even", "close", "upsell").
      if (sheet === SHEETS.assumptions) {
        const choices = rows.filter((r) => r[ASSUMPTION_COLS.unit - 1] === 'choice').map((r) => r[ASSUMPTION_COLS.value - 1]);
        expect(choices.length, name).toBeGreaterThan(0);
        for (const c of choices) expect(c, name).toMatch(/^[A-Z][a-z]+(-| )?[a-z]*$/);
      }
    }
  });

  it('on paper the Assumptions sheet ends at its Valid range column: choices in words, no keys, nothing cut by its neighbour', async () => {
    if (!existsSync('/usr/bin/pdftotext')) {
      if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is missing (CI=true: a missing tool is a failure)');
      console.warn('SKIP Assumptions on paper: pdftotext (poppler-utils) is not installed');
      return;
    }
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const [pdf] = await convertWithLibreOffice(soffice!, [{ name: 'paper.xlsx', bytes }], 'pdf');
    const dir = mkdtempSync(join(tmpdir(), 'bowtie-paper-'));
    writeFileSync(join(dir, 'paper.pdf'), pdf!);
    const pages = execFileSync('/usr/bin/pdftotext', ['-layout', join(dir, 'paper.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
    const assumptions = pages.filter((p) => /· Assumptions/.test(p)).join('\n');
    expect(assumptions).toContain('Closing pattern');
    expect(assumptions).toMatch(/Closing pattern\s+Even\s+choice\s+Year start or Even/);
    expect(assumptions).toMatch(/Anchor\s+Onboarding\s+choice/);
    expect(assumptions).toContain('Embedded integration');
    // the canonical keys Bowtie reads are out of the print area
    expect(assumptions).not.toMatch(/\b(general|acquisition|journey|lanes)\.[a-zA-Z]/);
  }, 120_000);
});
