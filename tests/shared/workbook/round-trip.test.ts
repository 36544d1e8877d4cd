// Save → open gives back the same model and the same figures, for random valid
// models (issue #3), and the workbook carries what a reader relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, inputSpecs, summarize, validateInputs } from '@shared/index';
import { nameOfKey, readWorkbook, writeWorkbook, type WorkbookExtras } from '@shared/workbook/index';
import { arbModel, g1 } from '../../support/models';
import { readXlsxCells } from '../../support/xlsx-cells';
import { strFromU8, unzipSync } from 'fflate';
import { setNamedNumber } from './xlsx-edit';

describe('workbook round trip', () => {
  it('random valid models come back identical, with identical figures', async () => {
    await fc.assert(
      fc.asyncProperty(arbModel, async (m) => {
        expect(validateInputs(m)).toEqual([]);
        const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
        const read = await readWorkbook(bytes);
        if (!read.ok) throw new Error(JSON.stringify(read));
        expect(read.inputs).toEqual(m);
        expect(read.notes).toEqual([]);
        expect(summarize(read.inputs)).toEqual(summarize(m));
      }),
      { numRuns: 12, seed: 20260101 },
    );
  });

  it('extras (scenarios, settings) round-trip through the hidden metadata sheet, even past one cell', async () => {
    const extras = { scenarios: [{ name: 'Upside', overrides: { 'journey.renewal.rate': 0.9 } }], note: 'x'.repeat(70_000) };
    // Not WorkbookExtras: keys the writer does not know (an older or newer Bowtie's) are kept as given.
    const read = await readWorkbook(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', extras: extras as unknown as WorkbookExtras }));
    expect(read.ok && read.extras).toEqual(extras);
  });

  it('text inputs that look like formulas are stored as text, never as formulas', async () => {
    const m = defaultInputs();
    m.general.name = '=HYPERLINK("http://evil","x")';
    m.lanes[0]!.name = '+1+1';
    m.acquisition.funnel[0]!.name = '@SUM(A1)';
    m.lanes[1]!.name = '-2';
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const cells = readXlsxCells(bytes).get('Assumptions')!;
    const nameCell = [...cells.values()].find((c) => c.value === m.general.name);
    expect(nameCell).toBeDefined();
    for (const text of [m.general.name, '+1+1', '@SUM(A1)', '-2']) {
      const found = [...cells.entries()].filter(([, c]) => c.value === text);
      expect(found.length, text).toBeGreaterThan(0);
      for (const [, c] of found) expect(c.formula).toBeNull();
    }
    const read = await readWorkbook(bytes);
    expect(read.ok && read.inputs).toEqual(m);
  });

  it('every input of the catalogue has a workbook-level name on the Assumptions sheet', async () => {
    const m = defaultInputs();
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const workbookXml = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
    const names = new Map([...workbookXml.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]+)<\/definedName>/g)].map((x) => [x[1]!, x[2]!]));
    for (const spec of inputSpecs(m)) {
      if (spec.key.startsWith('acquisition.newCustomersByYear')) continue;
      expect(names.get(nameOfKey(spec.key)), spec.key).toMatch(/^Assumptions!\$B\$\d+$/);
    }
    expect(names.get('journey_renewal_rate')).toBeDefined();
    expect(names.get('lanes_modules_attachRate')).toBeDefined();
    expect(names.get('acquisition_newCustomersByYear')).toMatch(/^Assumptions!\$B\$\d+:\$B\$\d+$/);
  });

  it('cached values are the core figures (G1 of spec §8, the year-2 math)', async () => {
    const m = g1();
    const cells = readXlsxCells(await writeWorkbook({ inputs: m, appVersion: 'test' }));
    const board = [...cells.get('Board Report')!.values()];
    const r = computeModel(m);
    // Spec §8 G1: 6,500,000 then 6,774,500; NRR year 2 1.0422307692…; GRR 0.85.
    expect(board.some((c) => c.formula && c.value === 6_500_000)).toBe(true);
    expect(board.some((c) => c.formula && c.value === 6_774_500)).toBe(true);
    expect(board.some((c) => c.formula && typeof c.value === 'number' && Math.abs(c.value - 1.0422307692307692) < 1e-12)).toBe(true);
    expect(r.annual[1]!.grr).toBeCloseTo(0.85, 12);
    const metrics = [...cells.get('Metrics')!.values()];
    expect(metrics.some((c) => c.formula && typeof c.value === 'number' && Math.abs(c.value - 190_328.25) < 1e-6)).toBe(true);
    expect(metrics.some((c) => c.formula && typeof c.value === 'number' && Math.abs(c.value - 152_262.6) < 1e-6)).toBe(true);
  });

  it('a structural input edited outside Bowtie (months modelled) is read on reopen and reshapes the figures', async () => {
    const bytes = setNamedNumber(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }), 'general_horizonMonths', 48);
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    const m = defaultInputs();
    m.general.horizonMonths = 48;
    expect(read.inputs).toEqual(m);
    expect(summarize(read.inputs).arrByYearEnd).toHaveLength(4);
  });

  it('refuses to save an invalid model instead of writing wrong sheets', async () => {
    const m = defaultInputs();
    m.journey.renewal.rate = 1.5;
    await expect(writeWorkbook({ inputs: m, appVersion: 'test' })).rejects.toThrow(/journey\.renewal\.rate/);
  });
});
