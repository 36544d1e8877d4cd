// Untrusted workbooks (issues #3, #9): each broken or hostile file is refused with
// its documented message before ExcelJS can be driven into a huge loop; invalid
// inputs name their cell; a formula in an input cell is taken as its value.
// Outcomes only: how long a refusal takes is measured by `npm run bench`.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultInputs, summarize } from '@shared/index';
import { checkWorkbookBytes, readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { hostileCases, type HostileCase } from './hostile-files';
import { editWorkbook, namedCell, replaceCell } from './xlsx-edit';
import { strFromU8, strToU8, unzipSync } from 'fflate';

let cases: HostileCase[] = [];
beforeAll(async () => { cases = await hostileCases(); }, 180_000);

describe('hostile and broken workbooks', () => {
  it('each is refused with its message', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      const read = await readWorkbook(c.bytes);
      expect(read.ok, c.name).toBe(false);
      if (read.ok) continue;
      expect(read.kind, c.name).toBe(c.kind);
      if (read.kind === 'unreadable') expect(read.error, c.name).toMatch(c.message);
      else {
        expect(read.problems, c.name).toHaveLength(1);
        expect(`${read.problems[0]!.path}: ${read.problems[0]!.message}`, c.name).toMatch(c.message);
        expect(read.problems[0]!.where, c.name).toMatch(c.where!);
      }
    }
  });

  it('the pre-scan alone refuses the structural attacks before any parsing', () => {
    for (const c of cases.filter((x) => x.kind === 'unreadable' && !/Assumptions|newer/.test(x.name))) expect(checkWorkbookBytes(c.bytes), c.name).toMatch(c.message);
    for (const c of cases.filter((x) => x.kind === 'invalid')) expect(checkWorkbookBytes(c.bytes), c.name).toBeNull();
  });

  it('harmless oddities a spreadsheet tool may write are read, not refused', async () => {
    const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const odd = editWorkbook(good, (f) => {
      for (const [path, data] of Object.entries(f)) {
        if (!path.endsWith('.xml') || path.endsWith('/')) continue;
        // Single quotes, spaces around "=", character references and a comment, everywhere.
        const text = strFromU8(data);
        const decl = /^<\?xml[^>]*\?>/.exec(text)?.[0] ?? '';
        const body = text.slice(decl.length).replace(/ ([\w:]+)="([^"']*)"/g, (_, k: string, v: string) => ` ${k} = '${v.replace(/1/g, '&#49;')}'`);
        const xml = `${decl}<!-- written by another tool -->${body}`;
        delete f[path];
        f[path === 'xl/workbook.xml' ? path : `/${path}`] = strToU8(xml);
      }
    });
    const [a, b] = await Promise.all([readWorkbook(good), readWorkbook(odd)]);
    expect(b.ok && 'ok', JSON.stringify(b).slice(0, 300)).toBe('ok');
    expect(b).toEqual(a);
  });

  it('a formula with no saved value is reported once, wherever it is', async () => {
    const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const files = unzipSync(good);
    const targets = ['journey_renewal_rate', 'lanes_modules_acv', 'acquisition_funnel_0_rate'].map((n) => namedCell(files, n).address);
    const firstYear = /!\$B\$(\d+)/.exec(strFromU8(files['xl/workbook.xml']!).match(/<definedName name="acquisition_newCustomersByYear">[^<]*/)![0])![1]!;
    targets.push(`B${firstYear}`);
    const bytes = editWorkbook(good, (f) => { for (const a of targets) replaceCell(f, 'Assumptions', a, `<c r="${a}"><f>B1*2</f></c>`); });
    const read = await readWorkbook(bytes);
    expect(read.ok).toBe(false);
    if (read.ok || read.kind !== 'invalid') return;
    expect(read.problems.map((p) => `${p.where} ${p.path}: ${p.message}`).sort()).toEqual(targets.map((a, i) => `Assumptions!${a} ${['journey.renewal.rate', 'lanes.modules.acv', 'acquisition.funnel[0].rate', 'acquisition.newCustomersByYear[0]'][i]}: holds a formula with no saved value: type the value itself`).sort());
  });

  it('a formula typed into an input cell is read as its value, with a note', async () => {
    const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    let address = '';
    const bytes = editWorkbook(good, (f) => {
      address = namedCell(f, 'journey_renewal_rate').address;
      replaceCell(f, 'Assumptions', address, `<c r="${address}"><f>0.8+0.01</f><v>0.81</v></c>`);
    });
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs.journey.renewal.rate).toBe(0.81);
    expect(read.notes).toEqual([`Assumptions!${address} (journey.renewal.rate): a formula was typed here; its value 0.81 was used`]);
    const m = defaultInputs();
    m.journey.renewal.rate = 0.81;
    expect(summarize(read.inputs)).toEqual(summarize(m));
  });

  it('numbers typed as text are read as numbers, with a note each', async () => {
    const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const cells: Record<string, string> = {};
    const bytes = editWorkbook(good, (f) => {
      for (const [name, text] of [['acquisition_acv', '70000'], ['journey_renewal_rate', '90%']] as const) {
        const { address } = namedCell(f, name);
        cells[name] = address;
        replaceCell(f, 'Assumptions', address, `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`);
      }
    });
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs.acquisition.acv).toBe(70000);
    expect(read.inputs.journey.renewal.rate).toBe(0.9);
    expect(read.notes).toEqual([
      `Assumptions!${cells.acquisition_acv} (acquisition.acv): the text "70000" was read as the number 70000`,
      `Assumptions!${cells.journey_renewal_rate} (journey.renewal.rate): the text "90%" was read as 90%`,
    ]);
  });

  it('every problem of a bad file is reported, each at its cell, and nothing opens', async () => {
    const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const bytes = editWorkbook(good, (f) => {
      for (const [name, xml] of [['journey_renewal_rate', '<v>1.5</v>'], ['acquisition_contractMonths', '<v>2.5</v>'], ['lanes_modules_acv', '<v>-1</v>']] as const) {
        const { address } = namedCell(f, name);
        replaceCell(f, 'Assumptions', address, `<c r="${address}">${xml}</c>`);
      }
    });
    const read = await readWorkbook(bytes);
    expect(read.ok).toBe(false);
    if (read.ok || read.kind !== 'invalid') return;
    expect(read.problems.map((p) => p.path).sort()).toEqual(['acquisition.contractMonths', 'journey.renewal.rate', 'lanes.modules.acv']);
    for (const p of read.problems) expect(p.where).toMatch(/^Assumptions!B\d+$/);
  });

  it('an input deleted from the sheet is reported missing rather than defaulted', async () => {
    const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const bytes = editWorkbook(good, (f) => {
      // Drop the key and the name of the discount rate: a sheet that no longer holds it.
      const { address } = namedCell(f, 'general_discountRateAnnual');
      const row = address.replace(/^[A-Z]+/, '');
      replaceCell(f, 'Assumptions', `E${row}`, `<c r="E${row}"/>`);
    });
    const read = await readWorkbook(bytes);
    expect(read.ok).toBe(false);
    if (read.ok || read.kind !== 'invalid') return;
    expect(read.problems).toEqual([{ where: 'Assumptions', path: 'general.discountRateAnnual', message: 'is missing from the Assumptions sheet' }]);
  });
});

describe('a date typed as the first month', () => {
  it('is read as its month, with a note', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' })) as never);
    // What Excel stores when someone types 2027-03 into the cell: a date serial with a date format.
    const cell = wb.definedNames.getRanges('general_startMonth').ranges[0]!.split('!')[1]!.replace(/\$/g, '');
    const c = wb.getWorksheet('Assumptions')!.getCell(cell);
    c.value = new Date(Date.UTC(2027, 2, 1));
    c.numFmt = 'yyyy-mm';
    const read = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs.general.startMonth).toBe('2027-03');
    expect(read.notes).toEqual([`Assumptions!${cell} (general.startMonth): a date was typed here; it was read as the month 2027-03`]);
  });
});
