// The limits of the actuals reader (issue 19): amounts bounded in digits and
// decimals, bytes that are not UTF-8 refused at their line, spreadsheet cells
// that are no customer, month or number refused at their cell, and every
// message naming the place and the problem in under 200 characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_DECIMALS, AMOUNT_DIGITS, computeActuals, CsvActualsReader, figuresOf, MAX_CUSTOMER_CHARS, MAX_CUSTOMERS, MAX_ROWS, readActualsCsv, readActualsCsvBytes, readActualsXlsx } from '@shared/actuals/index';
import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { problems, unreadable } from '../../support/actuals-read';

const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (...rows: string[]) => ['customer,month,mrr', ...rows].join('\n') + '\n';

describe('an amount has at most 15 significant digits and 6 decimals', () => {
  it('reads any amount within the limits exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: AMOUNT_DIGITS }), fc.integer({ min: 0, max: AMOUNT_DECIMALS }), fc.nat(), (digits, decimals, seed) => {
      const places = Math.min(decimals, digits);
      const body = String(seed % 9 + 1) + String(seed).padStart(digits, '7').slice(0, digits - 1);
      const text = places ? `${body.slice(0, digits - places) || '0'}.${body.slice(digits - places)}` : body;
      const r = readActualsCsv(csv(`A,2024-01,${text}`));
      if (!r.ok) throw new Error(JSON.stringify(r));
      const closing = computeActuals(r.book).closing[0]!;
      expect(closing.div(12).toFixed(places)).toBe(text.startsWith('.') ? `0${text}` : text);
    }), { numRuns: 200 });
  });

  it('refuses more digits or decimals at the line and column, whatever the length', () => {
    fc.assert(fc.property(fc.integer({ min: AMOUNT_DIGITS + 1, max: 400 }), fc.integer({ min: 2, max: 50 }), (digits, line) => {
      const rows = Array.from({ length: line - 2 }, (_, i) => `C${i},2024-01,1`);
      const [p] = problems(readActualsCsv(csv(...rows, `A,2024-01,${'9'.repeat(digits)}`)));
      expect(p).toBe(`line ${line}, column mrr: "${'9'.repeat(Math.min(digits, 40))}${digits > 40 ? '…' : ''}" has more than 15 significant digits, more than Bowtie computes exactly`);
    }), { numRuns: 30 });
    expect(problems(readActualsCsv(csv('A,2024-01,0.0000001')))).toEqual(['line 2, column mrr: "0.0000001" has more than 6 decimals; round it (to cents)']);
    expect(problems(readActualsCsv(csv('A,2024-01,1234567890123456')))[0]).toMatch(/^line 2, column mrr: "1234567890123456" has more than 15 significant digits/);
    // leading zeros are not significant; trailing decimals are
    expect(readActualsCsv(csv('A,2024-01,000000000000000000012.5')).ok).toBe(true);
    expect(readActualsCsv(csv('A,2024-01,123456789.1234560')).ok).toBe(false);
  });

  it('a million decimals among 20,000 ordinary rows is one problem, found at once (it hung the import)', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `C${i},2024-${String((i % 12) + 1).padStart(2, '0')},10.5`);
    rows.splice(10_000, 0, `X,2024-01,1.${'3'.repeat(1_000_000)}`);
    expect(problems(readActualsCsv(csv(...rows)))).toEqual([`line 10002, column mrr: "1.${'3'.repeat(38)}…" has more than 6 decimals; round it (to cents)`]);
  });

  it('nothing an import accepts is beyond a workbook: the largest amounts save (a 309-digit MRR once blocked every save)', async () => {
    expect(problems(readActualsCsv(csv(`A,2024-01,${'9'.repeat(309)}`)))[0]).toMatch(/more than 15 significant digits/);
    const most = '999999999.999999';
    const big = '999999999999999';
    const r = figuresOf(readActualsCsv(csv(...Array.from({ length: 3000 }, (_, i) => `C${i},2024-0${(i % 3) + 1},${i % 2 ? most : big}`))));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.figures.closing.every(Number.isFinite)).toBe(true);
    const { cohorts, ...monthly } = r.figures;
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals: { source: { fileName: 'big.csv', rows: 3000, sha256: 'ab'.repeat(32) }, ...monthly, cohorts } });
    expect(bytes.length).toBeGreaterThan(0);
  });
});

describe('bytes that are not UTF-8 are refused at their first line', () => {
  // Excel's Windows "CSV" is cp1252: ü is 0xFC, ö is 0xF6.
  const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ ü: 0xfc, ö: 0xf6, é: 0xe9, '€': 0x80 } as Record<string, number>)[c] ?? c.charCodeAt(0)));

  it('names the line and says how to save as CSV UTF-8 (two customers once merged into "J�rgen")', () => {
    const text = csv('Anna,2024-01,10', 'Jürgen,2024-01,3000', 'Jörgen,2024-01,5');
    const error = unreadable(readActualsCsvBytes(cp1252(text)));
    expect(error).toBe('line 3 is not UTF-8 text (byte 0xFC, "ü" in Windows-1252); in Excel use Save As › "CSV UTF-8 (Comma delimited)" and import that file');
    expect(error.length).toBeLessThan(200);
    // the same names as UTF-8 are two customers
    const r = readActualsCsvBytes(utf8(text));
    expect(r.ok && r.quality.customers).toBe(3);
  });

  it('finds the first bad byte at its line however the bytes are chunked, and reads valid UTF-8 the same in any chunks', () => {
    const invalid = [[0xff], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xc3, 0x28]];
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[",\r\n]/g, '')), { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 7 }), fc.constantFrom(...invalid), (names, at, chunk, bad) => {
      const lines = names.map((n, i) => `${n || 'x'}${i},2024-01,1`);
      const good = utf8(csv(...lines));
      const expected = readActualsCsv(csv(...lines));
      expect(readActualsCsvBytes(good, chunk).ok).toBe(expected.ok);
      const k = at % lines.length;
      const before = utf8(csv(...lines.slice(0, k)));
      const bytes = new Uint8Array([...before, ...utf8('ab'), ...bad, ...utf8(`,2024-01,1\n`)]);
      expect(unreadable(readActualsCsvBytes(bytes, chunk))).toMatch(new RegExp(`^line ${k + 2}(:| is) `));
    }), { numRuns: 150 });
  });

  it('a character cut short at the end, and UTF-16 with a byte-order mark, are refused too', () => {
    expect(unreadable(readActualsCsvBytes(new Uint8Array([...utf8(csv('A,2024-01,1')), 0xc3])))).toMatch(/^line 3: the file ends inside a character/);
    expect(unreadable(readActualsCsvBytes(new Uint8Array([0xff, 0xfe, ...utf8('c\0u\0')])))).toBe('the file is UTF-16 text; save it as CSV UTF-8 (or .xlsx)');
    // the UTF-8 BOM is fine
    expect(readActualsCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv('A,2024-01,1'))])).ok).toBe(true);
  });
});

async function xlsx(rows: unknown[][], style?: (ws: import('exceljs').Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Billing');
  rows.forEach((r) => ws.addRow(r));
  style?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('.xlsx cells that are no customer, month or number', () => {
  it('an error value or TRUE is refused at its cell, not read as a customer name', async () => {
    const bytes = await xlsx([['customer', 'month', 'mrr'], [{ error: '#N/A' }, '2024-01', 5], [true, '2024-01', 5], ['A', '2024-01', { error: '#DIV/0!' }], ['B', false, 1]]);
    expect(problems(await readActualsXlsx(bytes))).toEqual([
      'line 2, column customer: the cell holds the error #N/A, not a customer name; fix the formula or export values',
      'line 3, column customer: the cell holds the logical value TRUE, not a customer name',
      'line 4, column mrr: the cell holds the error #DIV/0!, not a number; fix the formula or export values',
      'line 5, column month: the cell holds the logical value FALSE, not a month',
    ]);
  });

  it('a date serial outside 1900–9999 is refused at its cell (−700000 once gave the month "0-17-06")', async () => {
    const bytes = await xlsx([['customer', 'month', 'mrr'], ['A', -700000, 5], ['B', 45292, 5], ['C', 3e6, 1]], (ws) => { ws.getColumn(2).numFmt = 'yyyy-mm-dd'; });
    const p = problems(await readActualsXlsx(bytes));
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/^line 2, column month: the cell holds a date in the year -\d+; a month must fall in 1900–9999$/);
    expect(p[1]).toMatch(/^line 4, column month: the cell holds a date in the year \d{5}; a month must fall in 1900–9999$/);
  });

  it('a number cell is read as Excel shows it (15 digits), then by the same limits', async () => {
    const bytes = await xlsx([['customer', 'month', 'mrr'], ['A', '2024-01', 0.1 + 0.2], ['B', '2024-01', 1e-7]]);
    expect(problems(await readActualsXlsx(bytes))).toEqual(['line 3, column mrr: "0.0000001" has more than 6 decimals; round it (to cents)']);
  });
});

describe('messages name the place and the real problem, in under 200 characters', () => {
  const short = (s: string) => expect(s.length, s).toBeLessThan(200);

  it('a file whose lines end in a lone CR (old Mac CSV) is read as lines, with their numbers', () => {
    const text = csv('A,2024-01,10', 'B,2024-13,10').replace(/\n/g, '\r');
    expect(problems(readActualsCsv(text, 7))).toEqual(['line 3, column month: "2024-13" is not a month written YYYY-MM (MM 01–12)']);
    const r = readActualsCsv(csv('A,2024-01,10', 'B,2024-02,10').replace(/\n/g, '\r'), 5);
    expect(r.ok && r.quality.rows).toBe(2);
    // a header of 4 MB without the needed columns is not quoted whole
    const wide = `${'x,'.repeat(2_100_000)}y\n`;
    const e = unreadable(readActualsCsv(wide));
    short(e);
    expect(e).toMatch(/^the header has no customer, no month, no mrr or arr column \(found: x, x, /);
  });

  it('a long line without quotes is called a long line, an unclosed quote a missing quote', () => {
    const long = unreadable(readActualsCsv(csv('A,2024-01,1', `B,2024-01,${'1'.repeat(6_000_000)}`)));
    expect(long).toBe("line 3: the line is over 4 million characters long, far longer than a billing export's row, so the file cannot be read");
    const quote = unreadable(readActualsCsv(csv('A,2024-01,1', `"B,2024-01,1`) + 'C,2024-01,1\n'.repeat(400_000)));
    expect(quote).toBe('line 3: a quoted field runs on for over 4 million characters (a " is missing), so the file cannot be read');
  });

  it('a lone quote on the last line, and an unclosed quote after a bad-quote row, are each reported', () => {
    expect(problems(readActualsCsv('customer,month,mrr\nA,2024-01,1\n"'))).toEqual(['line 3, column customer: a quoted field is never closed (a " is missing)']);
    expect(problems(readActualsCsv(csv('"x"y,2024-01,1', 'q,2024-01,3', '"z,2024-01,2', 'q,2024-01,3')))).toEqual([
      'line 2, column customer: a quoted field has text after its closing quote (write "" for a quote inside quotes)',
      'line 4, column customer: a quoted field is never closed (a " is missing)',
    ]);
  });

  it('a non-breaking space in a number or month is shown and named', () => {
    expect(problems(readActualsCsv(csv('A,2024-01,12\u00a0', 'B,\u00a02024-01,1')))).toEqual([
      'line 2, column mrr: "12\\u00a0" holds an invisible or non-breaking space; write the number alone',
      'line 3, column month: "\\u00a02024-01" holds an invisible or non-breaking space; write the month alone, YYYY-MM',
    ]);
  });

  it('a customer name of a million characters is refused at its cell, not held', () => {
    const [p] = problems(readActualsCsv(csv(`${'n'.repeat(1_000_000)},2024-01,1`)));
    expect(p).toBe(`line 2, column customer: the customer is 1,000,000 characters long; Bowtie reads names of up to ${MAX_CUSTOMER_CHARS}`);
  });
});

describe('.xlsx files too big or damaged are called what they are', () => {
  it('a sheet of 1,048,575 rows is a sheet too big for Bowtie (export CSV), not "a zip bomb"', async () => {
    const files = unzipSync(await xlsx([['customer', 'month', 'mrr'], ['A', '2024-01', 1]]));
    const rows = Array.from({ length: 1_048_575 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>C${i}</t></is></c></row>`).join('');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
    const bytes = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) }, { level: 1 });
    const error = unreadable(await readActualsXlsx(bytes));
    expect(error).toMatch(/^sheet "Billing" is \d+ MB uncompressed; Bowtie reads sheets of up to 64 MB \(export larger billing data as CSV\)$/);
    expect(error.length).toBeLessThan(200);
  }, 60_000);

  it('two sheets of one name are refused in words, not with ExcelJS\'s "reading \'Target\'"', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Billing').addRow(['customer', 'month', 'mrr']);
    wb.addWorksheet('Other');
    const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const book = strFromU8(files['xl/workbook.xml']!).replace('name="Other"', 'name="billing"');
    expect(unreadable(await readActualsXlsx(zipSync({ ...files, 'xl/workbook.xml': strToU8(book) })))).toBe('the workbook lists two sheets named "billing"; sheet names must differ (open and repair it in Excel)');
  });
});

describe('the size an import may have', () => {
  it(`stops past ${MAX_ROWS.toLocaleString('en-US')} rows, and past ${MAX_CUSTOMERS.toLocaleString('en-US')} customers, with one sentence`, () => {
    const rows = new CsvActualsReader();
    rows.push('customer,month,mrr\n');
    const block = 'A,2024-01,1\n'.repeat(10_000);
    for (let i = 0; i < MAX_ROWS / 10_000; i++) rows.push(block);
    expect(rows.rows).toBe(MAX_ROWS);
    rows.push('A,2024-01,1\nA,2024-01,1\n');
    expect(unreadable(rows.end())).toBe(`the file has more than 5,000,000 data rows (line ${MAX_ROWS + 2}); Bowtie reads at most that many, so it stopped there`);

    const customers = new CsvActualsReader();
    customers.push('customer,month,mrr\n');
    for (let c = 0; c <= MAX_CUSTOMERS; c += 10_000) customers.push(Array.from({ length: 10_000 }, (_, i) => `C${c + i},2024-01,1\n`).join(''));
    expect(unreadable(customers.end())).toBe(`the file has more than 1,000,000 customers (line ${MAX_CUSTOMERS + 2}); Bowtie reads at most that many, so it stopped there`);
  }, 120_000);
});
