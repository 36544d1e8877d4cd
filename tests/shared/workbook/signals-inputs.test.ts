// The readiness signals' weights and thresholds (spec §12, issue 25 item 6) are
// named inputs on the Assumptions sheet: weights edited in Bowtie survive a save
// and reopen, an edit in Excel is read, a bad one refuses the open at its cell,
// and a model that never had signals gets the workbook it had before.
import { describe, expect, it } from 'vitest';
import { defaultInputs, type ModelInputs } from '@shared/index';
import { defaultSignals, type SignalSettings } from '@shared/accounts/signals';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { strFromU8, unzipSync } from 'fflate';
import { segmentedModel } from '../../support/models';
import { clearNamed, editWorkbook, namedCell, setNamedNumber, setNamedText } from './xlsx-edit';

const edited: SignalSettings = {
  ...defaultSignals(),
  seatUtilisation: { weight: 35, zeroAt: 0.4, fullAt: 0.9 },
  breadth: { weight: 0, zeroAt: 5, fullAt: 1 }, // a weight of 0 and a falling score
  champion: { weight: 12.5 },
  readyAbove: 60,
  riskFlags: 3,
};
const withSignals = (m: ModelInputs = defaultInputs()): ModelInputs => ({ ...m, signals: edited });
const save = (m: ModelInputs) => writeWorkbook({ inputs: m, appVersion: 'test', savedAt: new Date('2026-12-08T03:00:00Z') });
const names = (bytes: Uint8Array) => [...strFromU8(unzipSync(bytes)['xl/workbook.xml']!).matchAll(/<definedName name="([^"]+)"/g)].map((x) => x[1]!);

async function refused(bytes: Uint8Array) {
  const r = await readWorkbook(bytes);
  if (r.ok || r.kind !== 'invalid') throw new Error(`expected a refused open, got ${JSON.stringify(r).slice(0, 200)}`);
  return r.problems;
}

describe('the signals as named inputs of the workbook', () => {
  it('edited weights, points and thresholds read back equal, the rest of the model too', async () => {
    const m = withSignals();
    const r = await readWorkbook(await save(m));
    expect(r.ok && r.inputs.signals).toEqual(edited);
    expect(r.ok && r.inputs).toEqual(m);
  });

  it('with segments they sit below the segments and read back', async () => {
    const m = withSignals(segmentedModel(defaultInputs()));
    const bytes = await save(m);
    const r = await readWorkbook(bytes);
    expect(r.ok && r.inputs.signals).toEqual(edited);
    const files = unzipSync(bytes);
    const row = (name: string) => Number(/\d+$/.exec(namedCell(files, name).address)![0]);
    expect(row('signals_seatUtilisation_weight')).toBeGreaterThan(row('segments_ent_name'));
  });

  it('each is a named cell on Assumptions: signals_<id>_weight, _zeroAt, _fullAt, signals_readyAbove, signals_riskFlags', async () => {
    const files = unzipSync(await save(withSignals()));
    for (const name of ['signals_seatUtilisation_weight', 'signals_capacity_fullAt', 'signals_champion_weight', 'signals_readyAbove', 'signals_riskFlags']) {
      expect(namedCell(files, name).sheet).toBe('Assumptions');
    }
    expect(() => namedCell(files, 'signals_champion_zeroAt')).toThrow();
  });

  it('a model without signals has no signal cells and reopens without them', async () => {
    const bytes = await save(defaultInputs());
    expect(names(bytes).filter((n) => n.startsWith('signals_'))).toEqual([]);
    const r = await readWorkbook(bytes);
    expect(r.ok && 'signals' in r.inputs).toBe(false);
  });

  it('an edit in the xlsx is read on reopen, a number typed as text with a note', async () => {
    let bytes = setNamedNumber(await save(withSignals()), 'signals_usageGrowth_weight', 40);
    bytes = setNamedText(bytes, 'signals_readyAbove', '80');
    bytes = setNamedText(bytes, 'signals_seatUtilisation_fullAt', '85%');
    const r = await readWorkbook(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.inputs.signals).toEqual({ ...edited, usageGrowth: { ...edited.usageGrowth, weight: 40 }, readyAbove: 80, seatUtilisation: { ...edited.seatUtilisation, fullAt: 0.85 } });
    const at = namedCell(unzipSync(bytes), 'signals_readyAbove').address;
    expect(r.notes).toContain(`Assumptions!${at} (signals.readyAbove): the text "80" was read as the number 80`);
  });

  it('a tool that drops the names: the key column still finds each cell', async () => {
    const before = await save(withSignals());
    const bytes = editWorkbook(setNamedNumber(before, 'signals_riskFlags', 4), (files) => {
      const xml = strFromU8(files['xl/workbook.xml']!).replace(/<definedName name="signals_[^"]+"[^>]*>[^<]*<\/definedName>/g, '');
      files['xl/workbook.xml'] = new TextEncoder().encode(xml);
    });
    expect(names(bytes).filter((n) => n.startsWith('signals_'))).toEqual([]);
    const r = await readWorkbook(bytes);
    expect(r.ok && r.inputs.signals).toEqual({ ...edited, riskFlags: 4 });
  });

  it('a bad value refuses the open, naming its cell and the problem', async () => {
    const saved = await save(withSignals());
    const cell = (name: string) => `Assumptions!${namedCell(unzipSync(saved), name).address}`;
    expect(await refused(setNamedNumber(saved, 'signals_riskFlags', 2.5)))
      .toEqual([{ where: cell('signals_riskFlags'), path: 'signals.riskFlags', message: 'must be a whole number between 1 and 5, got 2.5' }]);
    expect(await refused(setNamedText(saved, 'signals_success_weight', 'lots')))
      .toEqual([{ where: cell('signals_success_weight'), path: 'signals.success.weight', message: 'must be a number, got "lots"' }]);
    expect(await refused(setNamedNumber(saved, 'signals_capacity_fullAt', 0)))
      .toEqual([{ where: cell('signals_capacity_fullAt'), path: 'signals.capacity.fullAt', message: 'must differ from zeroAt (both are 0)' }]);
    expect(await refused(setNamedNumber(saved, 'signals_readyAbove', 101)))
      .toEqual([{ where: cell('signals_readyAbove'), path: 'signals.readyAbove', message: 'must be between 0 and 100, got 101' }]);
  });

  it('an emptied cell, or every weight 0, refuses the open at a cell', async () => {
    const saved = await save(withSignals());
    const cell = (name: string) => `Assumptions!${namedCell(unzipSync(saved), name).address}`;
    const emptied = clearNamed(saved, 'signals_dataRequests_zeroAt');
    expect(await refused(emptied)).toEqual([{ where: cell('signals_dataRequests_zeroAt'), path: 'signals.dataRequests.zeroAt', message: 'is empty' }]);
    let zero = saved;
    for (const id of ['seatUtilisation', 'usageGrowth', 'breadth', 'dataRequests', 'success', 'capacity', 'champion']) zero = setNamedNumber(zero, `signals_${id}_weight`, 0);
    expect(await refused(zero)).toEqual([{ where: cell('signals_seatUtilisation_weight'), path: 'signals', message: 'at least one signal must have a weight above 0' }]);
  });
});
