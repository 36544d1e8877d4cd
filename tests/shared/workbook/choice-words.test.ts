// Choice inputs in the workbook are plain words (issue 12): the closing pattern,
// lane anchors and levers read "Year start", "First value", "Professional
// services" in their cells, each cell offers those words as its list, the
// formulas compare against them, and Bowtie reads them back, as it still reads the
// identifiers (`yearStart`) of workbooks saved before.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInputs, summarize, type ModelInputs } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { readXlsxCells } from '../../support/xlsx-cells';
import { namedCell, setNamedText, sheetPath } from './xlsx-edit';

/** Every kind of choice, with options whose words differ from their identifiers. */
function model(): ModelInputs {
  const m = defaultInputs();
  m.acquisition.timing = 'yearStart';
  m.lanes[0]!.anchor = 'firstValue';
  m.lanes[0]!.lever = 'crossSell';
  m.lanes[1]!.anchor = 'close';
  m.lanes[2]!.lever = 'services';
  return m;
}

/** name → [the identifier, the words a reader sees] */
const CHOICES: [string, string, string][] = [
  ['acquisition_timing', 'yearStart', 'Year start'],
  ['lanes_modules_anchor', 'firstValue', 'First value'],
  ['lanes_modules_lever', 'crossSell', 'Cross-sell'],
  ['lanes_integration_anchor', 'close', 'Close'],
  ['lanes_services_anchor', 'adoption', 'Adoption'],
  ['lanes_services_lever', 'services', 'Professional services'],
];

const cellText = (bytes: Uint8Array, name: string): unknown => {
  const files = unzipSync(bytes);
  const { sheet, address } = namedCell(files, name);
  return readXlsxCells(bytes).get(sheet)!.get(address)?.value;
};

describe('choice inputs in the workbook', () => {
  it('each choice cell holds the words, offers the words as its list, and the Valid range column says them', async () => {
    const bytes = await writeWorkbook({ inputs: model(), appVersion: 'test' });
    for (const [name, , words] of CHOICES) expect(cellText(bytes, name), name).toBe(words);

    const files = unzipSync(bytes);
    const xml = strFromU8(files[sheetPath(files, 'Assumptions')]!);
    const lists = [...xml.matchAll(/<dataValidation\b[^>]*type="list"[^>]*sqref="([A-Z]+\d+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => [m[1], m[2]!.replace(/&quot;/g, '"')]);
    const listAt = new Map(lists as [string, string][]);
    expect(listAt.get(namedCell(files, 'acquisition_timing').address)).toBe('"Year start,Even"');
    expect(listAt.get(namedCell(files, 'lanes_modules_anchor').address)).toBe('"Close,Onboarding,First value,Adoption,Renewal"');
    expect(listAt.get(namedCell(files, 'lanes_modules_lever').address)).toBe('"Upsell,Cross-sell,Professional services,Usage-based,Embedded integration"');

    const assumptions = [...readXlsxCells(bytes).get('Assumptions')!.values()].map((c) => c.value);
    expect(assumptions).toContain('Year start or Even');
    expect(assumptions).toContain('Close, Onboarding, First value, Adoption or Renewal');
  });

  it('the formulas compare the choice cells with the words, never with identifiers', async () => {
    const cells = readXlsxCells(await writeWorkbook({ inputs: model(), appVersion: 'test' }));
    const formulas = [...cells.values()].flatMap((s) => [...s.values()]).map((c) => c.formula ?? '');
    expect(formulas.some((f) => f.includes('acquisition_timing="Year start"'))).toBe(true);
    expect(formulas.some((f) => f.includes('lanes_modules_anchor="First value"'))).toBe(true);
    expect(formulas.some((f) => f.includes('lanes_modules_anchor="Adoption"'))).toBe(true);
    expect(formulas.filter((f) => /="(yearStart|even|close|onboarding|firstValue|adoption|renewal)"/.test(f))).toEqual([]);
  });

  it('opens the words it wrote: the same model and figures, no notes', async () => {
    const m = model();
    const read = await readWorkbook(await writeWorkbook({ inputs: m, appVersion: 'test' }));
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs).toEqual(m);
    expect(read.notes).toEqual([]);
  });

  it('a workbook saved before (identifiers in the choice cells) opens unchanged', async () => {
    const m = model();
    let old = await writeWorkbook({ inputs: m, appVersion: 'test' });
    for (const [name, id] of CHOICES) old = setNamedText(old, name, id);
    for (const [name, id] of CHOICES) expect(cellText(old, name), name).toBe(id);
    const read = await readWorkbook(old);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs).toEqual(m);
    expect(summarize(read.inputs)).toEqual(summarize(m));
  });

  it('words typed in another case or with extra spaces are read; anything else is a problem at its cell, in words', async () => {
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const typed = setNamedText(setNamedText(bytes, 'acquisition_timing', '  year START '), 'lanes_integration_anchor', 'renewal');
    const read = await readWorkbook(typed);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.inputs.acquisition.timing).toBe('yearStart');
    expect(read.inputs.lanes[1]!.anchor).toBe('renewal');

    const bad = await readWorkbook(setNamedText(bytes, 'lanes_modules_anchor', 'Kick-off'));
    expect(bad.ok).toBe(false);
    if (bad.ok || bad.kind !== 'invalid') throw new Error('expected an invalid workbook');
    const at = namedCell(unzipSync(bytes), 'lanes_modules_anchor').address;
    expect(bad.problems).toEqual([{ where: `Assumptions!${at}`, path: 'lanes.modules.anchor', message: 'must be one of Close, Onboarding, First value, Adoption or Renewal, got "Kick-off"' }]);
  });
});
