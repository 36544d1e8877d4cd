// Reading a billing export exactly as spec §9 says: delimiters, BOM, quotes,
// line endings, mrr or arr, the first sheet of an .xlsx, and every kind of row
// or file that cannot be read, each named by line and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualsJson, computeActuals, readActualsCsv, readActualsXlsx, type ActualsRead } from '@shared/actuals/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { randomBook, writeCsv, type BookRow } from '../../support/actuals-files';
import { problems, unreadable } from '../../support/actuals-read';

const ok = (r: ActualsRead) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { ...actualsJson(computeActuals(r.book)), quality: r.quality };
};

const rows: BookRow[] = [
  { customer: 'Acme', month: '2024-01', amount: '100' },
  { customer: 'Acme', month: '2024-02', amount: '150.5' },
  { customer: 'Beta; "the" Co, Ltd', month: '2024-02', amount: '20' },
];

describe('file shapes', () => {
  const expected = ok(readActualsCsv(writeCsv(rows)));

  it.each([
    ['semicolons', { delimiter: ';' as const }],
    ['CRLF line ends', { crlf: true }],
    ['a UTF-8 BOM', { bom: true }],
    ['every field quoted', { quoteAll: true }],
    ['upper-case headers and an extra column', { headerCase: 'upper' as const, extraColumn: true }],
    ['all of it at once', { delimiter: ';' as const, crlf: true, bom: true, quoteAll: true, headerCase: 'title' as const, extraColumn: true }],
  ])('reads %s to the same figures', (_name, shape) => {
    const f = ok(readActualsCsv(writeCsv(rows, shape)));
    expect(f.closing).toEqual(expected.closing);
    expect(f.new).toEqual(expected.new);
    expect(f.quality.customers).toBe(2);
  });

  it('reads mrr as a twelfth of arr', () => {
    expect(expected.closing).toEqual([1200, 2046]);
    const arr = ok(readActualsCsv(writeCsv(rows.map((r) => ({ ...r, amount: String(Number(r.amount) * 12) })), { column: 'arr' })));
    expect(arr.closing).toEqual(expected.closing);
    expect(arr.quality.amountColumn).toBe('arr');
  });

  it('matches customers after trimming spaces, and case-sensitively', () => {
    const f = ok(readActualsCsv('customer,month,arr\n Acme ,2024-01,10\nAcme,2024-01,5\nacme,2024-01,1\n'));
    expect(f.quality.customers).toBe(2);
    expect(f.closing).toEqual([16]);
  });

  it('gives the same figures however the text is cut into chunks', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), (seed, chunk, crlf) => {
      const text = writeCsv(randomBook(seed, { customers: 8, months: 6 }), { crlf, quoteAll: seed % 2 === 0 });
      expect(ok(readActualsCsv(text, chunk)).closing).toEqual(ok(readActualsCsv(text)).closing);
    }), { numRuns: 60 });
  });

  it('skips blank lines and counts them, also a trailing ,,, line from a spreadsheet', () => {
    const f = ok(readActualsCsv('customer,month,arr\n\nA,2024-01,1\r\n,,\n\n'));
    expect(f.quality.blankLines).toBe(3);
    expect(f.quality.rows).toBe(1);
  });

  it('takes a quoted field over several lines and counts the lines after it right', () => {
    const text = 'customer,month,arr\n"Line one\nline two",2024-01,5\nB,2024-13,1\n';
    expect(problems(readActualsCsv(text))).toEqual(['line 4, column month: "2024-13" is not a month written YYYY-MM (MM 01–12)']);
  });
});

describe('rows that cannot be read: every one named, nothing imported', () => {
  const text = [
    'Customer,Month,MRR',
    'A,2024-01,10',
    ',2024-01,10',
    'B,24-01,10',
    'B,2024-00,10',
    'C,2024-01,',
    'C,2024-02,"1,200.00"',
    'C,2024-03,$12',
    'C,2024-04,12,5',
    'C,2024-05,-4',
    'C,2024-06,1e3',
    'D,2024-01',
    'E,,3',
  ].join('\n') + '\n';
  const r = readActualsCsv(text);

  it('reports each by line and header name', () => {
    expect(problems(r)).toEqual([
      'line 3, column Customer: the customer is empty',
      'line 4, column Month: "24-01" is not a month written YYYY-MM (MM 01–12)',
      'line 5, column Month: "2024-00" is not a month written YYYY-MM (MM 01–12)',
      'line 6, column MRR: the mrr is empty; write 0 for a month without revenue',
      'line 7, column MRR: "1,200.00" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
      'line 8, column MRR: "$12" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
      'line 10, column MRR: "-4" is negative; mrr must be 0 or more',
      'line 11, column MRR: "1e3" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
      'line 12, column MRR: missing: the row ends before this column',
      'line 13, column Month: the month is empty',
    ]);
  });

  it('a decimal comma in a semicolon file is refused too', () => {
    expect(problems(readActualsCsv('customer;month;mrr\nA;2024-01;12,50\n'))).toEqual([
      'line 2, column mrr: "12,50" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)',
    ]);
  });

  it('an unclosed quote is named at its line', () => {
    expect(problems(readActualsCsv('customer,month,arr\nA,2024-01,1\n"B,2024-01,1\nC,2024-01,1\n'))).toEqual(['line 3, column customer: a quoted field is never closed (a " is missing)']);
  });

  it('text after a closing quote is refused', () => {
    expect(problems(readActualsCsv('customer,month,arr\n"B"x,2024-01,1\n'))[0]).toMatch(/^line 2, column customer: a quoted field has text after its closing quote/);
  });

  it('counts every problem but keeps the first thousand', () => {
    const many = 'customer,month,arr\n' + Array.from({ length: 1500 }, () => 'A,2024-01,x').join('\n');
    const bad = readActualsCsv(many);
    expect(bad.ok === false && bad.kind === 'invalid' && [bad.problemCount, bad.problems.length]).toEqual([1500, 1000]);
  });
});

describe('files that cannot be read at all', () => {
  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a BOM and nothing else', '\uFEFF\n\n', 'the file is empty'],
    ['a header only', 'customer,month,mrr\n', 'the file has a header but no data rows'],
    ['a header and blank lines', 'customer,month,mrr\n\n\n', 'the file has a header but no data rows'],
    ['no amount column', 'customer,month,revenue\nA,2024-01,1\n', 'the header has no mrr or arr column (found: customer, month, revenue)'],
    ['no customer column', 'client;month;mrr\nA;2024-01;1\n', 'the header has no customer column (found: client, month, mrr)'],
    ['both mrr and arr', 'customer,month,mrr,arr\nA,2024-01,1,12\n', 'the header has both an mrr and an arr column; keep one (arr = 12 × mrr)'],
    ['a column twice', 'customer,month,mrr,Month\nA,2024-01,1,x\n', 'the header has two columns named month; keep one'],
    ['a tab-separated file', 'customer\tmonth\tmrr\nA\t2024-01\t1\n', 'the header has no customer, no month, no mrr or arr column (found: customer\tmonth\tmrr)'],
    ['binary bytes', '\x00\x01\x02PK\x03\x04', 'not a CSV file (the first line holds binary data); export the billing data as CSV or .xlsx'],
    ['UTF-16 text', 'customer,month,mrr\nA,2024-01,1\n'.split('').map((c) => c + '\0').join(''), 'the file is UTF-16 text; save it as CSV UTF-8 (or .xlsx)'],
    ['a 100-year span', 'customer,month,arr\nA,1900-01,1\nA,2024-01,1\n', 'the months run from 1900-01 to 2024-01, 1489 months; Bowtie reads at most 1200 (check the month column for a mistyped year)'],
  ])('%s', (_name, text, error) => {
    expect(unreadable(readActualsCsv(text))).toBe(error);
  });
});

async function xlsx(fill: (ws: import('exceljs').Worksheet, wb: import('exceljs').Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Billing'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the first sheet of an .xlsx', () => {
  it('reads text and date months, number and text amounts, and ignores later sheets', async () => {
    const bytes = await xlsx((ws, wb) => {
      ws.addRow(['Customer', 'Month', 'MRR', 'Owner']);
      ws.addRow(['Acme', new Date(Date.UTC(2024, 0, 1)), 100, 'x']);
      ws.addRow(['Acme', '2024-02', '150.5']);
      ws.addRow([42, '2024-02', 20]);
      wb.addWorksheet('Notes').addRow(['customer', 'month', 'mrr']);
    });
    const f = ok(await readActualsXlsx(bytes));
    expect(f.months).toEqual(['2024-01', '2024-02']);
    expect(f.closing).toEqual([1200, 2046]);
    expect(f.quality.customers).toBe(2);
  });

  it('names bad cells by row number and header', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['customer', 'month', 'arr']);
      ws.addRow(['A', '2024-01', -5]);
      ws.addRow(['A', 'Jan 2024', 5]);
    });
    expect(problems(await readActualsXlsx(bytes))).toEqual([
      'line 2, column arr: "-5" is negative; arr must be 0 or more',
      'line 3, column month: "Jan 2024" is not a month written YYYY-MM (MM 01–12)',
    ]);
  });

  it('refuses a header without the needed columns, an empty sheet and bytes that are not a workbook', async () => {
    expect(unreadable(await readActualsXlsx(await xlsx((ws) => ws.addRow(['who', 'when', 'mrr']))))).toMatch(/^the header has no customer, no month column/);
    expect(unreadable(await readActualsXlsx(await xlsx(() => undefined)))).toBe('the file is empty: its first sheet has no rows');
    expect(unreadable(await readActualsXlsx(new TextEncoder().encode('customer,month,mrr\n')))).toBe('not an .xlsx workbook (the file is not a zip archive)');
  });
});
