// Segments in the workbook (spec §2.3, issue 24 item 7): every segment field, override
// and logo share is a named input on Assumptions, a base cohort names its segment,
// and what is typed, emptied or broken in Excel is what Bowtie reads on reopen.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, summarize, validateInputs } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { strFromU8, unzipSync } from 'fflate';
import { rampedModel, segmentedModel } from '../../support/models';
import { readXlsxCells } from '../../support/xlsx-cells';
import { clearNamed, namedCell, setNamedNumber, setNamedText, setRampYear } from './xlsx-edit';

const plain = segmentedModel(defaultInputs());
const ramped = segmentedModel(rampedModel(defaultInputs()));

async function reopen(bytes: Uint8Array) {
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read));
  return read;
}

describe('segments in the workbook', () => {
  it.each([['plain', plain], ['ramped with a base', ramped]] as const)('a %s 3-segment model comes back identical, with identical figures', async (_name, m) => {
    expect(validateInputs(m)).toEqual([]);
    const read = await reopen(await writeWorkbook({ inputs: m, appVersion: 'test' }));
    expect(read.inputs).toEqual(m);
    expect(read.notes).toEqual([]);
    expect(summarize(read.inputs)).toEqual(summarize(m));
  });

  it('segments, their overrides, their logo shares and the base cohorts\' segments are workbook-level names', async () => {
    const bytes = await writeWorkbook({ inputs: ramped, appVersion: 'test' });
    const names = new Map([...strFromU8(unzipSync(bytes)['xl/workbook.xml']!).matchAll(/<definedName name="([^"]+)"[^>]*>([^<]+)<\/definedName>/g)].map((x) => [x[1]!, x[2]!]));
    expect(names.get('segments_smb_name')).toMatch(/^Assumptions!\$B\$\d+$/);
    expect(names.get('segments_mm_logoShare')).toMatch(/^Assumptions!\$B\$\d+$/);
    // a ramped share or override covers the ten yearly cells, as a ramped input does
    expect(names.get('segments_smb_logoShare')).toMatch(/^Assumptions!\$G\$(\d+):\$P\$\1$/);
    expect(names.get('segments_ent_lanes_modules_attachRate')).toMatch(/^Assumptions!\$G\$(\d+):\$P\$\1$/);
    // every input a segment may override has a cell, blank where it inherits
    expect(names.get('segments_mm_acquisition_acv')).toMatch(/^Assumptions!\$B\$\d+$/);
    expect(names.get('segments_mm_journey_renewal_rate')).toMatch(/^Assumptions!\$B\$\d+$/);
    expect(names.has('segments_mm_general_horizonMonths')).toBe(false);
    expect(names.has('segments_mm_acquisition_newCustomersByYear')).toBe(false);
    expect(names.get('base_cohorts_segment')).toMatch(/^Assumptions!\$F\$\d+:\$F\$\d+$/);
    // each segment's own sheets after the company's
    const cells = readXlsxCells(bytes);
    expect([...cells.keys()]).toEqual(expect.arrayContaining(['smb Bridge', 'smb Journey', 'smb Calendar', 'ent Calendar', 'mm Bridge']));
    expect(cells.has('Journey')).toBe(false);
    // an inherited override shows the model's value beside it, grey, as a formula
    const { address } = namedCell(unzipSync(bytes), 'segments_mm_acquisition_acv');
    const row = Number(address.replace(/^[A-Z]+/, ''));
    expect(cells.get('Assumptions')!.get(`F${row}`)).toMatchObject({ formula: 'INDEX(acquisition_acv,1)' });
  });

  it('an override typed into a blank cell in Excel is the segment\'s on reopen, and figures follow', async () => {
    const bytes = setNamedNumber(await writeWorkbook({ inputs: plain, appVersion: 'test' }), 'segments_mm_journey_renewal_rate', 0.95);
    const read = await reopen(bytes);
    expect(read.inputs.segments![1]!.overrides).toEqual({ 'journey.contractionRate': 0.05, 'journey.renewal.rate': 0.95 });
    expect(computeModel(read.inputs).annual[2]!.closing).not.toEqual(computeModel(plain).annual[2]!.closing);
  });

  it('an emptied override returns to the model\'s value; a ramped one\'s year edited is read', async () => {
    let bytes = await writeWorkbook({ inputs: plain, appVersion: 'test' });
    bytes = clearNamed(bytes, 'segments_smb_acquisition_acv');
    bytes = setRampYear(bytes, 'segments_ent_lanes_modules_attachRate', 3, 0.7);
    bytes = setNamedText(bytes, 'segments_mm_name', 'Mid-market (US)');
    const read = await reopen(bytes);
    const [smb, mm, ent] = read.inputs.segments!;
    expect(smb!.overrides).toEqual({ 'journey.renewal.rate': [0.8, 0.82], 'acquisition.contractMonths': 12 });
    expect(ent!.overrides['lanes.modules.attachRate']).toEqual([0.5, 0.6, 0.7]);
    expect(mm!.name).toBe('Mid-market (US)');
  });

  it('an invalid override, shares that do not add up and an unknown segment are refused at their cells', async () => {
    const saved = await writeWorkbook({ inputs: ramped, appVersion: 'test' });
    const files = unzipSync(saved);
    const at = (name: string) => `Assumptions!${namedCell(files, name).address.split(':')[0]}`;
    let bytes = setNamedNumber(saved, 'segments_mm_journey_renewal_rate', 1.2);
    bytes = setNamedNumber(bytes, 'segments_mm_logoShare', 0.5);
    bytes = editBaseSegment(bytes, 'nope');
    const read = await readWorkbook(bytes);
    expect(read.ok).toBe(false);
    if (read.ok || read.kind !== 'invalid') throw new Error('expected invalid');
    const byPath = new Map(read.problems.map((p) => [p.path, p]));
    expect(byPath.get('segments.mm.journey.renewal.rate')).toMatchObject({ where: at('segments_mm_journey_renewal_rate') });
    expect(byPath.get('segments.mm.journey.renewal.rate')!.message).toMatch(/120%/);
    expect(byPath.get('segments.logoShare')?.where).toMatch(/^Assumptions!G\d+$/);
    expect(byPath.get('segments.logoShare')!.message).toMatch(/year 1/);
    expect(byPath.get('base.cohorts[0].segment')?.where).toMatch(/^Assumptions!F\d+$/);
  });

  it('eight segments with ids of 24 characters keep Office\'s limits: sheet names ≤ 31 and unique, formulas ≤ 8,192 characters', async () => {
    const m = defaultInputs();
    m.segments = Array.from({ length: 8 }, (_, k) => ({
      id: `Segment_with_a_long_id_${k}`, name: `Segment ${k + 1}`, logoShare: 0.125,
      overrides: { 'acquisition.acv': 20000 + 5000 * k, 'journey.renewal.rate': [0.8, 0.85], 'lanes.modules.attachRate': 0.1 * (k % 4) },
    }));
    expect(validateInputs(m)).toEqual([]);
    const cells = readXlsxCells(await writeWorkbook({ inputs: m, appVersion: 'test' }));
    const sheets = [...cells.keys()];
    expect(sheets.every((s) => s.length <= 31)).toBe(true);
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(sheets.length);
    expect(sheets).toContain('Segment 8 Calendar');
    let longest = 0;
    for (const c of cells.values()) for (const cell of c.values()) longest = Math.max(longest, cell.formula?.length ?? 0);
    expect(longest).toBeLessThanOrEqual(8192);
  });

  it('without segments the Assumptions sheet has no segment rows or names', async () => {
    const bytes = await writeWorkbook({ inputs: rampedModel(defaultInputs()), appVersion: 'test' });
    const xml = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
    expect(xml).not.toMatch(/segments_|base_cohorts_segment/);
  });
});

/** The first base cohort's segment cell set to `text`. */
function editBaseSegment(bytes: Uint8Array, text: string): Uint8Array {
  const files = unzipSync(bytes);
  const { address } = namedCell(files, 'base_cohorts_segment');
  const first = address.split(':')[0]!;
  return setCellText(bytes, first, text);
}

function setCellText(bytes: Uint8Array, address: string, text: string): Uint8Array {
  return editWorkbookCell(bytes, address, `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`);
}

import { editWorkbook, replaceCell } from './xlsx-edit';
function editWorkbookCell(bytes: Uint8Array, address: string, xml: string): Uint8Array {
  return editWorkbook(bytes, (files) => replaceCell(files, 'Assumptions', address, xml));
}
