// The Actuals sheet's values read from its XML (issue 19), as another tool may
// write them: shared strings with rich-text and phonetic runs, inline strings,
// formula results, booleans and errors, cells and rows without an address.
import { describe, expect, it } from 'vitest';
import { readSharedStrings, readSheetCells } from '@shared/workbook/scan/sheet-cells';

describe('a sheet read from its XML', () => {
  const strings = readSharedStrings('<sst><si><t>Month</t></si><si><r><t>20</t></r><r><rPr/><t>24-01</t></r><rPh><t>ignored</t></rPh></si><si><t xml:space="preserve"> a &amp; b </t></si></sst>');

  it('joins rich-text runs and leaves phonetic runs out', () => {
    expect(strings).toEqual(['Month', '2024-01', ' a & b ']);
  });

  it('gives each cell its value, wherever the address comes from', () => {
    const cells = readSheetCells([
      '<worksheet><sheetData>',
      '<row r="8"><c r="A8" t="s"><v>0</v></c><c t="inlineStr"><is><t>inline</t></is></c></row>',
      '<row><c r="A9" t="s"><v>1</v></c><c r="B9"><v>1234.5</v></c><c r="C9" t="str"><f>A1</f><v>text result</v></c><c><f>1+1</f><v>2</v></c>',
      '<c r="E9" t="b"><v>1</v></c><c r="F9" t="e"><v>#N/A</v></c><c r="G9" s="3"/></row>',
      '</sheetData></worksheet>',
    ].join(''), strings, 'sheet "Actuals"');
    expect([cells.value(8, 1), cells.value(8, 2)]).toEqual(['Month', 'inline']);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => cells.value(9, c))).toEqual(['2024-01', 1234.5, 'text result', 2, 'TRUE', '#N/A', null]);
    expect(cells.rowCount).toBe(9);
  });

  it('refuses XML that is not well-formed, naming the sheet', () => {
    expect(() => readSheetCells('<worksheet><sheetData><row>', [], 'sheet "Actuals"')).toThrow(/^sheet "Actuals" is not well-formed XML/);
  });
});
