// Nothing for Excel to repair (issue 22): every part of every exported test
// workbook validates against the ECMA-376 transitional schemas, the drawings
// carry no `editAs` on a one-cell anchor (ExcelJS issue #1083), and the file
// keeps Office's documented limits (titles, texts, names, formula length and nesting).
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_LIMITS } from '@shared/workbook/office-limits';
import { fixDrawingXml } from '@shared/workbook/package';
import { schemaErrors, schemasOrSkip, xmllintOrSkip } from '../../support/ooxml-validate';
import { testWorkbooks, type TestWorkbook } from '../../support/test-workbooks';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16))).replace(/&amp;/g, '&');
const len = (s: string) => [...s].length;

/** The deepest nesting of function calls in a formula (text in quotes skipped). */
export function functionNesting(formula: string): number {
  let depth = 0, max = 0;
  const stack: boolean[] = [];
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"') { i = formula.indexOf('"', i + 1); if (i < 0) break; continue; }
    if (ch === "'") { i = formula.indexOf("'", i + 1); if (i < 0) break; continue; }
    if (ch === '(') {
      const call = /[A-Za-z0-9_.]$/.test(formula.slice(0, i));
      stack.push(call);
      if (call) max = Math.max(max, ++depth);
    } else if (ch === ')' && stack.pop()) depth--;
  }
  return max;
}

/** Every place a workbook passes one of Office's limits, as `book/part: what (n > limit)`. */
export function officeLimitProblems(name: string, bytes: Uint8Array): string[] {
  const out: string[] = [];
  const over = (where: string, what: string, n: number, limit: number) => { if (n > limit) out.push(`${name}/${where}: ${what} (${n} > ${limit})`); };
  const files = unzipSync(bytes);
  const wb = strFromU8(files['xl/workbook.xml']!);
  for (const m of wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)) over('xl/workbook.xml', `sheet name "${decode(m[1]!)}"`, len(decode(m[1]!)), OFFICE_LIMITS.sheetName);
  for (const m of wb.matchAll(/<definedName\b[^>]*\bname="([^"]*)"[^>]*>([^<]*)</g)) {
    over('xl/workbook.xml', `defined name ${m[1]}`, len(decode(m[1]!)), OFFICE_LIMITS.definedName);
    over('xl/workbook.xml', `the formula of name ${m[1]}`, len(decode(m[2]!)), OFFICE_LIMITS.formula);
  }
  for (const [part, data] of Object.entries(files)) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(part)) continue;
    const xml = strFromU8(data);
    for (const m of xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
      const attr = (a: string) => decode(new RegExp(`\\b${a}="([^"]*)"`).exec(m[1]!)?.[1] ?? '');
      const at = `validation at ${attr('sqref')}`;
      over(part, `${at}: error title "${attr('errorTitle')}"`, len(attr('errorTitle')), OFFICE_LIMITS.validationTitle);
      over(part, `${at}: prompt title "${attr('promptTitle')}"`, len(attr('promptTitle')), OFFICE_LIMITS.validationTitle);
      over(part, `${at}: error text`, len(attr('error')), OFFICE_LIMITS.validationText);
      over(part, `${at}: prompt text`, len(attr('prompt')), OFFICE_LIMITS.validationText);
      const list = /<formula1>([^<]*)<\/formula1>/.exec(m[2]!)?.[1];
      if (attr('type') === 'list' && list?.startsWith('&quot;')) over(part, `${at}: list of choices`, len(decode(list)) - 2, OFFICE_LIMITS.validationList);
    }
    for (const m of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) {
      const f = decode(m[1]!);
      over(part, `formula ${f.slice(0, 40)}…: length`, len(f), OFFICE_LIMITS.formula);
      over(part, `formula ${f.slice(0, 40)}…: nesting`, functionNesting(f), OFFICE_LIMITS.nesting);
    }
    for (const m of xml.matchAll(/<(oddHeader|oddFooter|evenHeader|evenFooter|firstHeader|firstFooter)>([^<]*)</g)) over(part, m[1]!, len(decode(m[2]!)), OFFICE_LIMITS.headerFooter);
    for (const m of xml.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)) over(part, 'text in one cell', len(decode(m[1]!)), OFFICE_LIMITS.cellText);
  }
  return out;
}

describe('the exported workbook has nothing for Excel to repair', () => {
  let books: TestWorkbook[] = [];
  beforeAll(async () => { books = await testWorkbooks({ withPictures: true }); }, 300_000);

  it('every picture is on a one-cell anchor without editAs, which the schema gives only to two-cell anchors (the charts\' frames)', () => {
    const example = books.find((b) => b.name === 'example')!;
    const files = unzipSync(example.bytes);
    const drawings = Object.keys(files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toHaveLength(1);
    const xml = strFromU8(files[drawings[0]!]!);
    expect(xml.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
    expect(xml).not.toMatch(/<xdr:oneCellAnchor[^>]*editAs/);
    // the native charts' frames are two-cell anchors, which may say how they move with their cells
    expect(xml.match(/<xdr:twoCellAnchor editAs="oneCell"><xdr:from>[\s\S]*?<xdr:graphicFrame /g)).toHaveLength(5);
  });

  it('fixDrawingXml drops editAs from one-cell anchors only', () => {
    const xml = '<xdr:wsDr><xdr:oneCellAnchor editAs="oneCell"><xdr:from/></xdr:oneCellAnchor><xdr:twoCellAnchor editAs="oneCell"/></xdr:wsDr>';
    expect(fixDrawingXml(xml)).toBe('<xdr:wsDr><xdr:oneCellAnchor><xdr:from/></xdr:oneCellAnchor><xdr:twoCellAnchor editAs="oneCell"/></xdr:wsDr>');
  });

  it.skipIf(!xmllintOrSkip('ECMA-376 schema check') || !schemasOrSkip('ECMA-376 schema check'))('every part of every test workbook validates against the ECMA-376 transitional schemas', async () => {
    expect(books.map((b) => b.name)).toEqual(['example', 'ten-lanes', 'shrinking', 'one-year', 'large', 'ramped', 'large-ramped', 'base', 'actuals', 'long-names']);
    // the check reads real parts: a workbook's worksheets, drawing and chart pictures are all there
    const parts = Object.keys(unzipSync(books[0]!.bytes));
    expect(parts).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', 'xl/drawings/drawing1.xml', 'docProps/core.xml', '[Content_Types].xml']));
    expect(await schemaErrors(books)).toEqual([]);
  }, 300_000);

  it.skipIf(!xmllintOrSkip('ECMA-376 schema check') || !schemasOrSkip('ECMA-376 schema check'))('the schema check finds what Excel repairs: editAs on a one-cell anchor, an unknown attribute', async () => {
    const example = books.find((b) => b.name === 'example')!;
    const { editWorkbook } = await import('./xlsx-edit');
    const broken = editWorkbook(example.bytes, (files) => {
      files['xl/drawings/drawing1.xml'] = new TextEncoder().encode(strFromU8(files['xl/drawings/drawing1.xml']!).replace('<xdr:oneCellAnchor>', '<xdr:oneCellAnchor editAs="oneCell">'));
      files['xl/workbook.xml'] = new TextEncoder().encode(strFromU8(files['xl/workbook.xml']!).replace('<workbook ', '<workbook made="up" '));
    });
    const errors = await schemaErrors([{ name: 'broken', bytes: broken }]);
    expect(errors.some((e) => e.startsWith('broken/xl/drawings/drawing1.xml') && e.includes("attribute 'editAs'"))).toBe(true);
    expect(errors.some((e) => e.startsWith('broken/xl/workbook.xml') && e.includes("attribute 'made'"))).toBe(true);
  }, 120_000);

  it("every test workbook keeps Office's limits: titles ≤ 32, texts ≤ 255, names ≤ 255, sheet names ≤ 31, formulas ≤ 8,192 characters and 64 levels", () => {
    expect(books.flatMap((b) => officeLimitProblems(b.name, b.bytes))).toEqual([]);
  });

  it('the limits check counts what it should', () => {
    expect(functionNesting('SUM(1,IF(A1>0,ROUND(B1,2),"(x)"))')).toBe(3);
    expect(functionNesting("'Sheet (1)'!A1+(1+2)")).toBe(0);
    // the check sees a too-long title: the ten-lane model's labels are longer than 32 characters
    const ten = books.find((b) => b.name === 'ten-lanes')!;
    const titles = [...strFromU8(unzipSync(ten.bytes)['xl/worksheets/sheet2.xml']!).matchAll(/errorTitle="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(titles.length).toBeGreaterThan(50);
    expect(titles.some((t) => t.endsWith('…'))).toBe(true);
  });
});
