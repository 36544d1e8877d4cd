// Issue 13 in the workbook: a ramped input's name covers its row of yearly cells,
// a constant stays one cell; the installed base is a named input table; edits to
// either made outside Bowtie are read on reopen; workbooks saved before all this
// open unchanged.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultInputs, summarize, type ModelInputs } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { arbRampedModel, g4, largeModel, rampedModel } from '../../support/models';
import { readXlsxCells } from '../../support/xlsx-cells';
import { editWorkbook, replaceCell } from './xlsx-edit';
import { strFromU8, unzipSync } from 'fflate';

/** The model as a workbook gives it back: an adopter share left out reads as blank (null), the same share. */
function asRead(m: ModelInputs): ModelInputs {
  const out = structuredClone(m);
  out.base.cohorts = out.base.cohorts.map((k) => ({ ...k, adopterShare: k.adopterShare ?? null }));
  return out;
}

function definedName(bytes: Uint8Array, name: string): string {
  const wb = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
  const m = new RegExp(`<definedName name="${name}"[^>]*>([^<]+)</definedName>`).exec(wb);
  if (!m) throw new Error(`no name ${name}`);
  return m[1]!;
}

async function open(bytes: Uint8Array): Promise<ModelInputs> {
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read));
  return read.inputs;
}

describe('ramps and the base in the workbook', () => {
  it('random models with ramps and a base come back identical, with identical figures', async () => {
    await fc.assert(fc.asyncProperty(arbRampedModel, async (m) => {
      const back = await open(await writeWorkbook({ inputs: m, appVersion: 'test' }));
      expect(back).toEqual(asRead(m));
      expect(summarize(back)).toEqual(summarize(m));
    }), { numRuns: 5, seed: 20261130 });
  }, 300_000);

  it('a ramped input’s name covers its ten yearly cells; a constant keeps one cell under today’s name', async () => {
    const m = defaultInputs();
    m.journey.renewal.rate = [0.85, 0.9];
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
    expect(definedName(bytes, 'journey_renewal_rate')).toMatch(/^Assumptions!\$G\$\d+:\$P\$\d+$/);
    expect(definedName(bytes, 'journey_renewal_nonAdopterRate')).toMatch(/^Assumptions!\$B\$\d+$/);
    expect(definedName(bytes, 'base_cohorts')).toMatch(/^Assumptions!\$A\$\d+:\$E\$\d+$/);
  });

  it('a yearly value edited outside Bowtie, and a year added after the last, are read on reopen', async () => {
    const m = defaultInputs();
    m.journey.renewal.rate = [0.85, 0.9];
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const row = /\$G\$(\d+)/.exec(definedName(bytes, 'journey_renewal_rate'))![1];
    const edited = editWorkbook(bytes, (files) => {
      replaceCell(files, 'Assumptions', `H${row}`, `<c r="H${row}"><v>0.92</v></c>`);
      replaceCell(files, 'Assumptions', `I${row}`, `<c r="I${row}"><v>0.95</v></c>`);
    });
    const back = await open(edited);
    expect(back.journey.renewal.rate).toEqual([0.85, 0.92, 0.95]);
    expect(summarize(back)).toEqual(summarize({ ...m, journey: { ...m.journey, renewal: { ...m.journey.renewal, rate: [0.85, 0.92, 0.95] } } }));
  });

  it('a bad yearly value is refused at its cell with its indexed key', async () => {
    const m = defaultInputs();
    m.lanes[0]!.attachRate = [0.3, 0.35];
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const row = /\$G\$(\d+)/.exec(definedName(bytes, 'lanes_modules_attachRate'))![1];
    const read = await readWorkbook(editWorkbook(bytes, (files) => replaceCell(files, 'Assumptions', `H${row}`, `<c r="H${row}"><v>1.5</v></c>`)));
    expect(read.ok).toBe(false);
    if (read.ok || read.kind !== 'invalid') return;
    expect(read.problems).toEqual([{ where: `Assumptions!H${row}`, path: 'lanes.modules.attachRate[1]', message: 'must be between 0% and 100%, got 150%' }]);
  });

  it('a base cohort edited, one added in a blank row and a blank adopter share are read on reopen', async () => {
    const m = g4();
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const first = Number(/\$A\$(\d+)/.exec(definedName(bytes, 'base_cohorts'))![1]);
    const edited = editWorkbook(bytes, (files) => {
      replaceCell(files, 'Assumptions', `C${first}`, `<c r="C${first}"><v>7000000</v></c>`);
      replaceCell(files, 'Assumptions', `E${first}`, `<c r="E${first}"/>`);
      const r = first + 1;
      replaceCell(files, 'Assumptions', `A${r}`, `<c r="A${r}" t="inlineStr"><is><t>2025 logos</t></is></c>`);
      replaceCell(files, 'Assumptions', `B${r}`, `<c r="B${r}"><v>40</v></c>`);
      replaceCell(files, 'Assumptions', `C${r}`, `<c r="C${r}"><v>2000000</v></c>`);
      replaceCell(files, 'Assumptions', `D${r}`, `<c r="D${r}"><v>5</v></c>`);
    });
    const back = await open(edited);
    expect(back.base.cohorts).toEqual([
      { name: 'Book', customers: 100, arr: 7000000, ageMonths: 12, adopterShare: null },
      { name: '2025 logos', customers: 40, arr: 2000000, ageMonths: 5, adopterShare: null },
    ]);
    expect(summarize(back).openingArr).toBe(9000000);
  });

  it('a base cohort with a missing field is refused at its cell', async () => {
    const bytes = await writeWorkbook({ inputs: g4(), appVersion: 'test' });
    const first = Number(/\$A\$(\d+)/.exec(definedName(bytes, 'base_cohorts'))![1]);
    const read = await readWorkbook(editWorkbook(bytes, (files) => replaceCell(files, 'Assumptions', `D${first}`, `<c r="D${first}"/>`)));
    expect(read.ok).toBe(false);
    if (read.ok || read.kind !== 'invalid') return;
    expect(read.problems).toEqual([{ where: `Assumptions!D${first}`, path: 'base.cohorts[0].ageMonths', message: 'is empty' }]);
  });

  it('a model with ramps and a base keeps its calculation sheets live: formulas over a Calendar sheet, cached with the core’s figures', async () => {
    const m = rampedModel(defaultInputs());
    const cells = readXlsxCells(await writeWorkbook({ inputs: m, appVersion: 'test' }));
    expect([...cells.keys()]).toContain('Calendar');
    for (const sheet of ['ARR Bridge', 'Journey', 'Cohorts', 'Metrics', 'Calendar', 'Board Report']) {
      const all = [...cells.get(sheet)!.values()];
      expect(all.filter((c) => c.formula).length, sheet).toBeGreaterThan(sheet === 'Cohorts' ? 5 : 50);
      expect(String(cells.get(sheet)!.get('A2')?.value ?? ''), sheet).not.toMatch(/Saved as values/);
    }
    // Closing ARR at each year end: a formula over the Calendar, its cached value the core's.
    const closing = summarize(m).arrByYearEnd;
    const bridge = [...cells.get('ARR Bridge')!.values()].filter((c) => c.formula?.includes('Calendar!'));
    for (const v of closing) expect(bridge.some((c) => typeof c.value === 'number' && Math.abs(c.value - v) <= 1e-9 * v), String(v)).toBe(true);
    // Rates by year read each year's cell of a ramp (years past its list take its last value).
    const calendar = [...cells.get('Calendar')!.values()].map((c) => c.formula ?? '');
    expect(calendar).toContain('INDEX(journey_renewal_rate,1,MIN(2,COUNT(journey_renewal_rate)))');
  });

  it('a ten-year ramped model with a base stays inside what Excel 2010 computes: formulas under 8,192 characters, no array-only functions', async () => {
    const m = rampedModel(largeModel());
    m.lanes = m.lanes.slice(0, 2);
    const cells = readXlsxCells(await writeWorkbook({ inputs: m, appVersion: 'test' }));
    const formulas = [...cells.values()].flatMap((c) => [...c.values()]).map((c) => c.formula).filter((f): f is string => !!f);
    expect(formulas.length).toBeGreaterThan(20_000);
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThan(8192);
    expect(formulas.filter((f) => /\b(LET|LAMBDA|FILTER|SEQUENCE|XLOOKUP|SORT|UNIQUE)\(/.test(f))).toEqual([]);
  }, 120_000);

  it('a plain model has no Calendar sheet', async () => {
    const cells = readXlsxCells(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }));
    expect([...cells.keys()]).not.toContain('Calendar');
  });
});

describe('workbooks saved before issue 13', () => {
  it('open unchanged: their own margins, no lever, no base, the same figures', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/saved-before-issue-13.xlsx'));
    const expected = JSON.parse(readFileSync('tests/fixtures/saved-before-issue-13.inputs.json', 'utf8')) as ModelInputs;
    const back = await open(bytes);
    const { base, ...rest } = back;
    expect(rest).toEqual(expected);
    expect(base).toEqual({ cohorts: [] });
    expect(back.lanes.map((l) => [l.grossMargin, l.lever])).toEqual([[0.8, undefined], [0.7, undefined], [0.3, undefined]]);
  });
});
