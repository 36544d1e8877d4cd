// Issue 13 in the document store: yearly cells of a ramp, the installed base's
// cells and rows, and a lane's lever. Each change is one undo step and leaves a
// model the core accepts; what a user types is read the way they mean it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeModel, defaultInputs, impliedAdopterShare, LEVER_TABLE, validateInputs, valueInYear, type Rampable } from '@shared/index';
import { buildBoardReport, bookInYear1 } from '@shared/report/index';
import { closedMonth, leverSuggestion, normalizeRamp, parseRampText, parseYearlyKey, readInput, setYearValue } from '@shared/document/index';
import { formatInput } from '../../../renderer/src/format/format';
import { createDocumentStore } from '../../../renderer/src/store/document-store';
import { headlineKpis } from '../../../renderer/src/kpi/KpiStrip';

describe('values by year', () => {
  it('names a yearly cell by the path the core uses, only for rampable inputs', () => {
    expect(parseYearlyKey('journey.renewal.rate[1]')).toEqual({ key: 'journey.renewal.rate', index: 1 });
    expect(parseYearlyKey('lanes.modules.attachRate[0]')).toEqual({ key: 'lanes.modules.attachRate', index: 0 });
    expect(parseYearlyKey('acquisition.newCustomersByYear[1]')).toBeNull();
    expect(parseYearlyKey('journey.renewal.rate[10]')).toBeNull();
  });

  it('setting one year: later years follow it until typed themselves, typed years keep their values', () => {
    expect(setYearValue(0.9, 1, 0.95)).toEqual([0.9, 0.95]); // 90 → 95 → 95, never back to 90 (issue 23.4)
    expect(valueInYear(setYearValue(0.9, 1, 0.95), 3)).toBe(0.95);
    expect(setYearValue([0.9, 0.95, 0.9], 1, 0.97)).toEqual([0.9, 0.97, 0.9]); // year 3 was typed: it stays
    expect(setYearValue(0.9, 2, 0.95)).toEqual([0.9, 0.9, 0.95]); // year 2 keeps what it showed
    expect(setYearValue([0.9, 0.95], 1, 0.9)).toBe(0.9); // all years equal: the one number
    expect(normalizeRamp([0.8, 0.8])).toBe(0.8);
  });

  it('the typed year reads what was set; typed years keep theirs; later years follow (property)', () => {
    const rate = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
    const ramp: fc.Arbitrary<Rampable> = fc.oneof(rate, fc.array(rate, { minLength: 1, maxLength: 10 }));
    fc.assert(fc.property(ramp, fc.integer({ min: 0, max: 9 }), rate, (x, i, v) => {
      const y = setYearValue(x, i, v);
      const held = typeof x === 'number' ? 1 : x.length;
      expect(valueInYear(y, i + 1)).toBe(v);
      for (let k = 1; k <= 10; k++) {
        if (k === i + 1) continue;
        // years before the typed one and years the list held keep their values; years past both follow
        // the typed year when it is the list's last, else the list's last as before
        if (k <= i + 1 || k <= held) expect(valueInYear(y, k)).toBe(valueInYear(x, k));
        else expect(valueInYear(y, k)).toBe(i + 1 >= held ? v : valueInYear(x, k));
      }
    }));
  });

  it('reads "85% → 90%" and "85; 90" as yearly values, naming a bad year', () => {
    expect(parseRampText({ kind: 'rate' }, '85% → 90%')).toEqual({ ok: true, value: [0.85, 0.9] });
    expect(parseRampText({ kind: 'money' }, '65k; 70,000')).toEqual({ ok: true, value: [65000, 70000] });
    expect(parseRampText({ kind: 'rate' }, '85% → abc')).toMatchObject({ ok: false, message: expect.stringContaining('year 2') });
  });

  it('collapses a ramp into one cell: 85% → 90%', () => {
    expect(formatInput('rate', [0.85, 0.9])).toBe('85% → 90%');
    expect(formatInput('rate', [0.85, 0.9, 0.9])).toBe('85% → 90%');
    expect(formatInput('rate', [0.855, 0.9])).toBe('85.5% → 90.0%');
    expect(formatInput('money', [65000, 70000])).toBe('$65,000 → $70,000');
  });

  it('a typed year and a pasted row are one undo step each; a bad year is marked at its cell', () => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.renewal.rate[1]', '90');
    expect(doc.getState().inputs.journey.renewal.rate).toEqual([0.85, 0.9]); // year 3 follows year 2
    doc.getState().enterMany([{ key: 'journey.renewal.rate[0]', text: '85%' }, { key: 'journey.renewal.rate[1]', text: '90%' }, { key: 'journey.renewal.rate[2]', text: '95%' }]);
    expect(doc.getState().inputs.journey.renewal.rate).toEqual([0.85, 0.9, 0.95]);
    expect(readInput(doc.getState().inputs, 'journey.renewal.rate[2]')).toBe(0.95);
    doc.getState().enter('journey.renewal.rate[2]', '120%');
    expect(doc.getState().invalid['journey.renewal.rate[2]']?.message).toBe('must be between 0% and 100%, got 120%');
    expect(doc.getState().inputs.journey.renewal.rate).toEqual([0.85, 0.9, 0.95]);
    doc.getState().undo();
    doc.getState().undo();
    expect(doc.getState().inputs.journey.renewal.rate).toEqual([0.85, 0.9]);
    doc.getState().undo();
    expect(doc.getState().inputs).toEqual(defaultInputs());
  });

  it('a lane field by year, and a list typed in the row cell itself', () => {
    const doc = createDocumentStore();
    doc.getState().enter('lanes.modules.acv[2]', '50k');
    expect(doc.getState().inputs.lanes[0]!.acv).toEqual([42000, 42000, 50000]);
    doc.getState().enter('journey.onboarding.rate', '90% → 95%');
    expect(doc.getState().inputs.journey.onboarding.rate).toEqual([0.9, 0.95]);
    doc.getState().enter('journey.onboarding.rate', '90');
    expect(doc.getState().inputs.journey.onboarding.rate).toBe(0.9);
    expect(validateInputs(doc.getState().inputs)).toEqual([]);
  });
});

describe('existing customers', () => {
  it('adds a blank cohort that moves no figure, and removes it, each one undo step', () => {
    const doc = createDocumentStore();
    doc.getState().dispatch({ type: 'addCohort' });
    const k = doc.getState().inputs.base.cohorts[0]!;
    expect(k).toMatchObject({ name: 'Cohort 1', customers: 0, arr: 0 });
    expect(validateInputs(doc.getState().inputs)).toEqual([]);
    expect(computeModel(doc.getState().inputs).annual).toEqual(computeModel(defaultInputs()).annual);
    doc.getState().dispatch({ type: 'removeCohort', index: 0 });
    expect(doc.getState().inputs.base.cohorts).toEqual([]);
    doc.getState().undo();
    expect(doc.getState().inputs.base.cohorts).toHaveLength(1);
    doc.getState().undo();
    expect(doc.getState().inputs).toEqual(defaultInputs());
  });

  it('takes the month a cohort closed as its age, and refuses a month that is not before month 0', () => {
    const doc = createDocumentStore();
    doc.getState().dispatch({ type: 'addCohort' });
    doc.getState().enter('base.cohorts[0].ageMonths', '2024-07');
    expect(doc.getState().inputs.base.cohorts[0]!.ageMonths).toBe(18);
    expect(closedMonth('2026-01', 18)).toBe('2024-07');
    doc.getState().enter('base.cohorts[0].ageMonths', '01/2026');
    expect(doc.getState().invalid['base.cohorts[0].ageMonths']?.message).toContain('not before the first month of the model (2026-01)');
    expect(doc.getState().inputs.base.cohorts[0]!.ageMonths).toBe(18);
    doc.getState().enter('base.cohorts[0].ageMonths', '30');
    expect(doc.getState().inputs.base.cohorts[0]!.ageMonths).toBe(30);
    expect(doc.getState().invalid).toEqual({});
  });

  it('a blank adopter share is the implied one, which equals typing the implied share in', () => {
    const doc = createDocumentStore();
    doc.getState().dispatch({ type: 'addCohort' });
    doc.getState().enterMany([{ key: 'base.cohorts[0].customers', text: '100' }, { key: 'base.cohorts[0].arr', text: '6.5m' }, { key: 'base.cohorts[0].adopterShare', text: '60%' }]);
    expect(doc.getState().inputs.base.cohorts[0]!.adopterShare).toBe(0.6);
    doc.getState().enter('base.cohorts[0].adopterShare', '');
    const blank = doc.getState().inputs;
    expect(blank.base.cohorts[0]!.adopterShare).toBeNull();
    const typed = { ...blank, base: { cohorts: [{ ...blank.base.cohorts[0]!, adopterShare: impliedAdopterShare(blank, 12) }] } };
    expect(computeModel(typed).annual[0]!.nrr).toBeCloseTo(computeModel(blank).annual[0]!.nrr!, 12);
  });

  it('a block pasted past the last row adds cohorts; ARR typed before customers is taken once they are', () => {
    const doc = createDocumentStore();
    doc.getState().dispatch({ type: 'addCohort' });
    doc.getState().enter('base.cohorts[0].arr', '1m');
    expect(doc.getState().invalid['base.cohorts[0].arr']?.message).toContain('must be 0 when the cohort has no customers');
    doc.getState().enter('base.cohorts[0].customers', '10');
    expect(doc.getState().inputs.base.cohorts[0]).toMatchObject({ customers: 10, arr: 1_000_000 });
    expect(doc.getState().invalid).toEqual({});

    const row = (i: number, cells: string[]) => ['name', 'customers', 'arr', 'ageMonths', 'adopterShare'].map((f, c) => ({ key: `base.cohorts[${i}].${f}`, text: cells[c]! }));
    const steps = doc.getState().past.length;
    doc.getState().enterMany([...row(1, ['Mid-market', '40', '2.3m', '2024-07', '70%']), ...row(2, ['SMB', '150', '900k', '5', ''])]);
    expect(doc.getState().past.length).toBe(steps + 1);
    expect(doc.getState().inputs.base.cohorts.slice(1)).toEqual([
      { name: 'Mid-market', customers: 40, arr: 2_300_000, ageMonths: 18, adopterShare: 0.7 },
      { name: 'SMB', customers: 150, arr: 900_000, ageMonths: 5, adopterShare: null },
    ]);
    expect(computeModel(doc.getState().inputs).openingArr).toBe(4_200_000);
    // empty cells past the end add nothing
    doc.getState().enterMany(row(3, ['', '', '', '', '']));
    expect(doc.getState().inputs.base.cohorts).toHaveLength(3);
  });

  it('removing a cohort takes its marks and moves later ones up', () => {
    const doc = createDocumentStore();
    doc.getState().dispatch({ type: 'addCohort' });
    doc.getState().dispatch({ type: 'addCohort' });
    doc.getState().enter('base.cohorts[0].customers', 'x');
    doc.getState().enter('base.cohorts[1].customers', 'y');
    doc.getState().dispatch({ type: 'removeCohort', index: 0 });
    expect(Object.keys(doc.getState().invalid)).toEqual(['base.cohorts[0].customers']);
    expect(doc.getState().invalid['base.cohorts[0].customers']?.text).toBe('y');
  });
});

describe('lane levers', () => {
  it('suggest the typical margin and a window from the time to value', () => {
    expect(leverSuggestion('services')).toEqual({ grossMargin: 0.3, windowStart: 3, windowEnd: 12 });
    expect(leverSuggestion('upsell')).toEqual({ grossMargin: 0.6, windowStart: 1, windowEnd: 3 });
  });

  it('replace only what still holds the previous suggestion; one undo step', () => {
    const doc = createDocumentStore();
    doc.getState().dispatch({ type: 'setLever', laneIndex: 0, lever: 'crossSell' });
    expect(doc.getState().inputs.lanes[0]).toMatchObject({ lever: 'crossSell', grossMargin: LEVER_TABLE.crossSell.grossMargin, windowStart: 4, windowEnd: 6 });
    doc.getState().enter('lanes.modules.grossMargin', '50%');
    doc.getState().dispatch({ type: 'setLever', laneIndex: 0, lever: 'usage' });
    expect(doc.getState().inputs.lanes[0]).toMatchObject({ lever: 'usage', grossMargin: 0.5 });
    doc.getState().dispatch({ type: 'setLever', laneIndex: 0, lever: null });
    expect(doc.getState().inputs.lanes[0]!.lever).toBeUndefined();
    expect(validateInputs(doc.getState().inputs)).toEqual([]);
    doc.getState().undo(); doc.getState().undo(); doc.getState().undo(); doc.getState().undo();
    expect(doc.getState().inputs).toEqual(defaultInputs());
  });
});

describe("today's book in the strip and the board report", () => {
  const book = { ...defaultInputs(), base: { cohorts: [{ name: 'Book', customers: 100, arr: 6_500_000, ageMonths: 12, adopterShare: 1 }] } };

  it('shows year-1 NRR and GRR only when there is a base', () => {
    expect(headlineKpis(computeModel(defaultInputs())).map((k) => k.key)).not.toContain('kpi.nrr.y1');
    const r = computeModel(book);
    const kpis = headlineKpis(r);
    expect(kpis.find((k) => k.key === 'kpi.nrr.y1')).toMatchObject({ label: 'NRR, next 12 months (today’s book)', value: r.annual[0]!.nrr });
    expect(kpis.find((k) => k.key === 'kpi.grr.y1')?.value).toBe(r.annual[0]!.grr);
  });

  it('says what new logos must add to reach the plan', () => {
    const r = computeModel(book);
    const b = bookInYear1(r)!;
    expect(b.opening).toBe(6_500_000);
    expect(b.end + b.newLogoNeed).toBeCloseTo(r.annual[0]!.closing, 6);
    // the same model without new logos ends year 1 where the book alone does
    const alone = computeModel({ ...book, acquisition: { ...book.acquisition, newCustomersByYear: [0] } });
    expect(b.end).toBeCloseTo(alone.annual[0]!.closing, 6);
    const report = buildBoardReport(book, r);
    expect(report.tiles.find((t) => t.id === 'book')?.figures.map((f) => f.key)).toEqual(['board.nrr.y1', 'board.grr.y1', 'board.newLogoNeed.y1']);
    expect(report.takeaways[0]).toContain('Today’s book alone');
    expect(buildBoardReport(defaultInputs()).tiles.some((t) => t.id === 'book')).toBe(false);
  });
});
