// A save reuses the Sensitivity figures already on screen (WorkbookDocument.known,
// issue 18.4): the file is the same as when the writer computes them, they are
// really used (not computed again), and figures for another table are ignored.
import { describe, expect, it } from 'vitest';
import { biggestDrag, computeSensitivity, defaultInputs, defaultTwoWay, toNumbers, tornado, twoWaySpecToJson, type ModelInputs, type TwoWaySpec } from '@shared/index';
import { SHEETS, writeWorkbook, type KnownSensitivity } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';

const m = defaultInputs();
const savedAt = new Date('2026-01-02T03:04:05Z');

/** What the Sensitivity sheet holds on screen: the analysis worker's numbers. */
function onScreen(inputs: ModelInputs, spec: TwoWaySpec): KnownSensitivity {
  const s = computeSensitivity(inputs, spec);
  const t = tornado(inputs, spec.figure);
  return {
    spec,
    cells: s.twoWay.cells.map((row) => row.map((c) => (c === null ? null : c.toNumber()))),
    problems: s.twoWay.problems,
    tornado: { figure: t.figure, base: t.base === null ? null : t.base.toNumber(), bars: toNumbers(t.bars) },
    drag: toNumbers(biggestDrag(inputs)),
  };
}

async function sensitivityValues(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.getWorksheet(SHEETS.sensitivity)!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => { rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

describe('a save with the figures on screen', () => {
  const spec = defaultTwoWay(m);

  it('writes the same Sensitivity sheet as computing them', async () => {
    const computed = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt });
    const reused = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt, known: { sensitivity: onScreen(m, spec) } });
    expect(await sensitivityValues(reused)).toEqual(await sensitivityValues(computed));
  });

  it('uses them rather than computing the table again', async () => {
    const known = onScreen(m, spec);
    const marked = { ...known, cells: known.cells.map((row) => row.map(() => 0.4242)) };
    const values = (await sensitivityValues(await writeWorkbook({ inputs: m, appVersion: 'test', savedAt, known: { sensitivity: marked } }))).flat();
    expect(values.filter((v) => v === 0.4242)).toHaveLength(spec.rowValues.length * spec.colValues.length);
  });

  it('ignores figures of another table (the saved choice is the one written)', async () => {
    const chosen: TwoWaySpec = { ...spec, colValues: [0.15, 0.25, 0.35] };
    const known = onScreen(m, spec);
    const marked = { ...known, cells: known.cells.map((row) => row.map(() => 0.4242)) };
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt, extras: { sensitivity: twoWaySpecToJson(chosen) }, known: { sensitivity: marked } });
    const expected = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt, extras: { sensitivity: twoWaySpecToJson(chosen) } });
    expect(await sensitivityValues(bytes)).toEqual(await sensitivityValues(expected));
  });
});
