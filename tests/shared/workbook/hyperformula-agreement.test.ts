// A third formula engine (issue 22): HyperFormula recalculates each exported test
// workbook from its inputs, formulas and defined names alone (every cached value
// dropped) and must agree with the values Bowtie cached, to 1e-9 — beside
// LibreOffice and Gnumeric (libreoffice-agreement.test.ts). HyperFormula is
// GPL-3.0-only: a devDependency for this test, never bundled or shipped
// (docs/workbook.md, "A third engine").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { testWorkbooks, type TestWorkbook } from '../../support/test-workbooks';

type Cached = number | string | boolean | null;
interface Sheet { name: string; cells: RawCellContent[][]; cached: Map<string, { formula: string; value: Cached | null }> }

/**
 * HyperFormula's gaps, by name, each with its reason; every other formula cell must agree.
 * - `TEXT(x,"#,##0.0%")`: HyperFormula 3.5's TEXT does not know this format and returns
 *   the format's own characters ("1,##0.0% / 1,##0.0%" where Excel and LibreOffice show
 *   "69.8% / 87.1%"). One cell per workbook: the verdicts table's "GRR / NRR" figure on
 *   Metrics, text that no other formula reads. (`TEXT(x,"00")` agrees.)
 */
const GAPS: { name: string; applies: (formula: string) => boolean }[] = [
  { name: 'TEXT with the "#,##0.0%" format', applies: (f) => /\bTEXT\([^()]*,"#,##0\.0%"\)/.test(f) },
];

async function sheetsOf(bytes: Uint8Array): Promise<{ sheets: Sheet[]; names: { name: string; ref: string }[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const cells: RawCellContent[][] = [];
    const cached = new Map<string, { formula: string; value: Cached | null }>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // ExcelJS shows a merged range's first value in all its cells; the file holds it once
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value as unknown;
        let content: RawCellContent = null;
        if (v !== null && typeof v === 'object' && 'formula' in v) {
          const f = (v as { formula: string; result?: unknown }).formula;
          const result = (v as { result?: unknown }).result;
          content = `=${f}`;
          // ExcelJS drops a cached 0 or '' (docs/workbook.md, Known limits): an absent result is either
          cached.set(`${r},${c}`, { formula: f, value: result === undefined ? null : (result as Cached) });
        } else if (v instanceof Date) content = v.toISOString();
        else if (v !== null && typeof v === 'object' && 'richText' in v) content = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
        else content = v as RawCellContent;
        (cells[r - 1] ??= [])[c - 1] = content;
      });
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= [];
    sheets.push({ name: ws.name, cells, cached });
  });
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map((n) => ({ name: n.name, ref: n.ranges.join(',') }));
  return { sheets, names };
}

/** Every formula cell whose HyperFormula value differs from Bowtie's cached one, `Sheet!R,C formula: got ≠ cached`. */
async function disagreements(book: TestWorkbook): Promise<{ wrong: string[]; gaps: Map<string, number>; checked: number }> {
  const { sheets, names } = await sheetsOf(book.bytes);
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: true, smartRounding: false, precisionRounding: 15, maxRows: 1_048_576, maxColumns: 16_384 });
  for (const s of sheets) hf.addSheet(s.name);
  for (const n of names) hf.addNamedExpression(n.name, `=${n.ref}`);
  for (const s of sheets) hf.setSheetContent(hf.getSheetId(s.name)!, s.cells);
  const wrong: string[] = [];
  const gaps = new Map<string, number>();
  let checked = 0;
  for (const s of sheets) {
    const id = hf.getSheetId(s.name)!;
    for (const [key, { formula, value }] of s.cached) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const got = hf.getCellValue({ sheet: id, row: r - 1, col: c - 1 });
      const agree = value === null ? got === 0 || got === ''
        : typeof value === 'number' && typeof got === 'number'
          ? Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value))
          : got === value;
      checked++;
      if (agree) continue;
      const gap = GAPS.find((g) => g.applies(formula));
      if (gap) { gaps.set(gap.name, (gaps.get(gap.name) ?? 0) + 1); continue; }
      wrong.push(`${book.name} ${s.name}!R${r}C${c} =${formula.slice(0, 80)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(value)}`);
    }
  }
  hf.destroy();
  return { wrong, gaps, checked };
}

describe('HyperFormula recalculates every exported test workbook to the values Bowtie cached', () => {
  let books: TestWorkbook[] = [];
  beforeAll(async () => { books = await testWorkbooks(); }, 300_000);

  it.each(['example', 'ten-lanes', 'shrinking', 'one-year', 'large', 'ramped', 'large-ramped', 'base', 'actuals', 'long-names', 'segments'])('%s', async (name) => {
    const book = books.find((b) => b.name === name)!;
    const { wrong, gaps, checked } = await disagreements(book);
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    // the gap excepted by name is the one cell it names: a gap that grew would hide real disagreements
    expect([...gaps.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
  }, 300_000);
});

describe('HyperFormula (GPL-3.0-only) stays in the tests', () => {
  it('no shipped code imports it, and the packaged app holds only the built bundles, no node_modules', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : files(join(dir, e.name))) : [join(dir, e.name)]));
    const shipped = ['shared', 'renderer', 'electron', 'cli'].flatMap(files).filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f));
    expect(shipped.length).toBeGreaterThan(50);
    expect(shipped.filter((f) => /hyperformula/i.test(readFileSync(f, 'utf8')))).toEqual([]);
    const builder = readFileSync('electron-builder.yml', 'utf8');
    expect(builder).toMatch(/files:\n(\s+- .*\n)*\s+- "!\*\*\/node_modules\/\*\*"/);
  });
});
