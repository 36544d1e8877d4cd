// Independent engines agree (issues #3, 12 and 13): LibreOffice, forced to recalculate
// every formula on load, and Gnumeric (`ssconvert --recalc`) each reproduce every
// value Bowtie cached to 1e-9 relative, for the default model, the spec's golden
// cases G1, G4 and G5, a one-year model (a single-cell list of new logos), random
// valid models and random models with ramps and an installed base; and an input
// changed outside Bowtie (a renewal rate, a ramp's yearly value, a base cohort's ARR)
// flows through the formulas as the core says and back into Bowtie. One soffice run
// for all files: each start costs seconds.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultInputs, summarize, type ModelInputs } from '@shared/index';
import { readWorkbook, SHEETS, writeWorkbook } from '@shared/workbook/index';
import { arbModel, arbRampedModel, g1, g4, g5, rampedModel, segmentedModel } from '../../support/models';
import { convertWithLibreOffice, sofficeOrSkip } from '../../support/libreoffice';
import { recalcWithGnumeric, ssconvertOrSkip } from '../../support/gnumeric';
import { compareFormulaCells, readXlsxCells } from '../../support/xlsx-cells';
import { setBaseNumber, setNamedNumber, setNamedText, setRampYear } from './xlsx-edit';

const soffice = sofficeOrSkip('LibreOffice recalculation agreement');
const ssconvert = ssconvertOrSkip('Gnumeric recalculation agreement');

type Recalc = (files: { name: string; bytes: Uint8Array }[]) => Promise<Uint8Array[]>;
const engines: { name: string; available: boolean; recalc: Recalc }[] = [
  { name: 'LibreOffice', available: soffice !== null, recalc: (files) => convertWithLibreOffice(soffice!, files, 'xlsx') },
  { name: 'Gnumeric', available: ssconvert !== null, recalc: (files) => recalcWithGnumeric(ssconvert!, files) },
];

const EDITED_RENEWAL = 0.72;
/** Another word chosen from a choice cell's list, as a user picks it in Excel or LibreOffice. */
const CHOSEN = [['acquisition_timing', 'Year start'], ['lanes_services_anchor', 'First value']] as const;
function chosenModel(): ModelInputs {
  const m = defaultInputs();
  m.acquisition.timing = 'yearStart';
  m.lanes[2]!.anchor = 'firstValue';
  return m;
}

/** One complete year only, a 10-year LTV window past the horizon, 36-month terms, more acquisition years than the horizon, no lanes, no CAC. */
function shortModel(): ModelInputs {
  const m = defaultInputs();
  m.general.horizonMonths = 12;
  m.general.ltvYears = 10;
  m.acquisition.contractMonths = 36;
  m.acquisition.newCustomersByYear = [50, 60, 70, 80];
  m.acquisition.timing = 'yearStart';
  m.acquisition.cacPerCustomer = 0;
  m.lanes = [];
  return m;
}

/** Nothing ever churns or grows and ARR is zero: every ratio is undefined ("—"). */
function flatModel(): ModelInputs {
  const m = defaultInputs();
  m.journey = { ...m.journey, renewal: { rate: 1, nonAdopterRate: 1 }, contractionRate: 0, priceIncrease: 0, seatExpansion: 0 };
  m.acquisition.acv = 0;
  m.lanes = [];
  return m;
}
/** A ramp whose years are all equal is a constant: the formula sheets stay live, reading year 1 as INDEX(name,1). */
function equalRampModel(): ModelInputs {
  const m = defaultInputs();
  m.journey.renewal.rate = [0.85, 0.85, 0.85];
  m.lanes[0]!.attachRate = [0.35, 0.35];
  return m;
}
/** One year of new logos: the named list is a single cell. */
function oneYearModel(): ModelInputs {
  const m = defaultInputs();
  m.acquisition.newCustomersByYear = [100];
  return m;
}

const models: [string, ModelInputs][] = [
  ['default', defaultInputs()],
  ['equalRamp', equalRampModel()],
  ['ramped', rampedModel(defaultInputs())],
  ['g4', g4()],
  ['g5', g5()],
  ['g1', g1()],
  ['oneYear', oneYearModel()],
  ['short', shortModel()],
  ['flat', flatModel()],
  ...fc.sample(arbModel, { seed: 3, numRuns: 3 }).map((m, i): [string, ModelInputs] => [`random${i}`, m]),
  ...fc.sample(arbRampedModel, { seed: 13, numRuns: 3 }).map((m, i): [string, ModelInputs] => [`rampedRandom${i}`, m]),
  // three segments (spec §2.3): each segment's sheets, and the company's sums of them
  ['segments', segmentedModel(defaultInputs())],
  ['segmentsRamped', segmentedModel(rampedModel(defaultInputs()))],
];

/** An override typed outside Bowtie into a segment's blank cell: mid-market's renewal rate. */
const SEGMENT_EDIT = { name: 'segments_mm_journey_renewal_rate', value: 0.95 };
function segmentEdited(): ModelInputs {
  const m = segmentedModel(defaultInputs());
  m.segments![1]!.overrides['journey.renewal.rate'] = SEGMENT_EDIT.value;
  return m;
}

/** Edits made outside Bowtie to a ramped model with a base: year 2 of the renewal rate, the first base cohort's ARR. */
const RAMP_EDIT = { year: 2, value: 0.8 };
const BASE_ARR_EDIT = 5_000_000;
function rampEdited(): ModelInputs {
  const m = rampedModel(defaultInputs());
  (m.journey.renewal.rate as number[])[RAMP_EDIT.year - 1] = RAMP_EDIT.value;
  return m;
}
function baseEdited(): ModelInputs {
  const m = rampedModel(defaultInputs());
  m.base.cohorts[0]!.arr = BASE_ARR_EDIT;
  return m;
}

describe.each(engines)('$name recalculates the saved workbook to the same values', ({ available, recalc }) => {
  if (!available) { it.skip('engine not installed', () => {}); return; }
  const saved = new Map<string, Uint8Array>();
  const recalculated = new Map<string, Uint8Array>();
  let edited: Uint8Array;
  let chosen: Uint8Array;

  beforeAll(async () => {
    for (const [name, m] of models) saved.set(name, await writeWorkbook({ inputs: m, appVersion: 'test' }));
    // The third-party edit: journey_renewal_rate rewritten in the sheet XML, every cached value left stale.
    edited = setNamedNumber(saved.get('default')!, 'journey_renewal_rate', EDITED_RENEWAL);
    chosen = CHOSEN.reduce((bytes, [name, words]) => setNamedText(bytes, name, words), saved.get('default')!);
    const files = [...saved].map(([name, bytes]) => ({ name: `${name}.xlsx`, bytes }));
    files.push({ name: 'edited.xlsx', bytes: edited }, { name: 'chosen.xlsx', bytes: chosen });
    files.push({ name: 'rampEdited.xlsx', bytes: setRampYear(saved.get('ramped')!, 'journey_renewal_rate', RAMP_EDIT.year, RAMP_EDIT.value) });
    files.push({ name: 'baseEdited.xlsx', bytes: setBaseNumber(saved.get('ramped')!, 0, 3, BASE_ARR_EDIT) });
    files.push({ name: 'segmentEdited.xlsx', bytes: setNamedNumber(saved.get('segments')!, SEGMENT_EDIT.name, SEGMENT_EDIT.value) });
    const out = await recalc(files);
    files.forEach((f, i) => recalculated.set(f.name.replace('.xlsx', ''), out[i]!));
  }, 240_000);

  it.each(models.map(([name]) => name))('%s: every formula cell equals the cached core value', (name) => {
    const { compared, mismatches, uncached } = compareFormulaCells(saved.get(name)!, recalculated.get(name)!);
    expect(compared).toBeGreaterThan(1000);
    expect(mismatches.slice(0, 10)).toEqual([]);
    // the one formula saved without a value: no input differs from the saved copy
    expect(uncached.map((c) => [c.sheet, c.address, c.recalculated])).toEqual([[SHEETS.meta, 'B6', 0]]);
  });

  it('ramps and the base survive LibreOffice’s resave: the names still cover the yearly cells and the table', async () => {
    for (const name of ['ramped', 'g4', 'g5', 'equalRamp']) {
      const m = models.find(([n]) => n === name)![1];
      const read = await readWorkbook(recalculated.get(name)!);
      if (!read.ok) throw new Error(JSON.stringify(read));
      expect(read.inputs.journey, name).toEqual(m.journey);
      expect(read.inputs.lanes, name).toEqual(m.lanes);
      expect(read.inputs.base.cohorts.map((k) => ({ ...k, adopterShare: k.adopterShare ?? null })), name)
        .toEqual(m.base.cohorts.map((k) => ({ ...k, adopterShare: k.adopterShare ?? null })));
      expect(summarize(read.inputs), name).toEqual(summarize(m));
    }
  });

  it('segments survive the engine\'s resave, and an override typed into a blank cell recalculates to the core\'s figures for it', async () => {
    const read = await readWorkbook(recalculated.get('segmentsRamped')!);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs.segments).toEqual(models.find(([n]) => n === 'segmentsRamped')![1].segments);
    const m = segmentEdited();
    const expected = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const { compared, mismatches } = compareFormulaCells(expected, recalculated.get('segmentEdited')!);
    expect(compared).toBeGreaterThan(1000);
    // the value blocks' warnings are the only difference: the override was typed after the save
    expect(mismatches.filter((x) => !String(x.recalculated).startsWith('Inputs changed since Bowtie saved')).slice(0, 10)).toEqual([]);
    expect(mismatches.map((x) => `${x.sheet}!${x.address}`).sort()).toEqual(['Board Report!A3', 'Sensitivity!A3']);
    // the override changed the segment's and the company's figures
    expect(compareFormulaCells(saved.get('segments')!, recalculated.get('segmentEdited')!).mismatches.filter((x) => x.sheet === 'ARR Bridge').length).toBeGreaterThan(100);
    const back = await readWorkbook(recalculated.get('segmentEdited')!);
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect(back.inputs.segments).toEqual(m.segments);
  });

  it('G1 recalculated shows the spec §8 figures', () => {
    const cells = readXlsxCells(recalculated.get('g1')!);
    const values = [...cells.get('ARR Bridge')!.values()].map((c) => c.value);
    expect(values).toContain(6_500_000);
    expect(values.some((v) => typeof v === 'number' && Math.abs(v - 6_774_500) < 1e-6)).toBe(true);
    const metrics = [...cells.get('Metrics')!.values()].map((c) => c.value);
    expect(metrics.some((v) => typeof v === 'number' && Math.abs(v - 1.0422307692307692) < 1e-10)).toBe(true);
    expect(metrics.some((v) => typeof v === 'number' && Math.abs(v - 190_328.25) < 1e-6)).toBe(true);
    expect(metrics).toContain('Healthy');
  });

  it('a renewal rate edited outside Bowtie flows through the formulas and back into Bowtie', async () => {
    const m = defaultInputs();
    m.journey.renewal.rate = EDITED_RENEWAL;
    // Bowtie reads the edit (from the stale file and from LibreOffice's resave alike) …
    for (const bytes of [edited, recalculated.get('edited')!]) {
      const read = await readWorkbook(bytes);
      if (!read.ok) throw new Error(JSON.stringify(read));
      expect(read.inputs).toEqual(m);
      expect(summarize(read.inputs)).toEqual(summarize(m));
    }
    // … and LibreOffice's recalculation of the edited file equals what Bowtie caches for the edited model.
    const expected = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const { compared, mismatches } = compareFormulaCells(expected, recalculated.get('edited')!, { inputsEdited: true });
    expect(compared).toBeGreaterThan(1000);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it.each([
    ['a yearly value (renewal rate, year 2)', 'rampEdited', rampEdited],
    ['a base cohort\'s ARR', 'baseEdited', baseEdited],
  ] as const)('%s edited outside Bowtie: the recalculated workbook is the core\'s edited model, and Bowtie reads the edit', async (_what, file, model) => {
    const m = model();
    const expected = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const { compared, mismatches } = compareFormulaCells(expected, recalculated.get(file)!, { inputsEdited: true });
    expect(compared).toBeGreaterThan(1000);
    expect(mismatches.slice(0, 10)).toEqual([]);
    // the edit changed figures: the saved (unedited) workbook's cached values no longer match
    expect(compareFormulaCells(saved.get('ramped')!, recalculated.get(file)!).mismatches.length).toBeGreaterThan(100);
    const read = await readWorkbook(recalculated.get(file)!);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(summarize(read.inputs)).toEqual(summarize(m));
  });

  it('another word chosen in a choice cell (closing pattern, a lane anchor) recalculates and reopens as that choice', async () => {
    const m = chosenModel();
    for (const bytes of [chosen, recalculated.get('chosen')!]) {
      const read = await readWorkbook(bytes);
      if (!read.ok) throw new Error(JSON.stringify(read));
      expect(read.inputs).toEqual(m);
    }
    // The engine's figures for the edited words are Bowtie's for the edited model, and differ from the original's.
    const expected = await writeWorkbook({ inputs: m, appVersion: 'test' });
    const { compared, mismatches } = compareFormulaCells(expected, recalculated.get('chosen')!, { inputsEdited: true });
    expect(compared).toBeGreaterThan(1000);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compareFormulaCells(saved.get('default')!, recalculated.get('chosen')!).mismatches.length).toBeGreaterThan(100);
  });
});
