// Every shown figure is live or says it is not (issue 22): the value blocks (the
// scenario comparison, the Sensitivity sheet) carry a live warning that reads
// "Inputs changed since Bowtie saved: …" once any input differs from the saved
// copy on the metadata sheet. Opened by LibreOffice with its DEFAULT settings
// (no recalculation mode set in the profile), which keep every cached value on
// load but compute a formula saved without one: the count is such a formula.
import { describe, expect, it, beforeAll } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { defaultInputs } from '@shared/index';
import { comparisonForWorkbook } from '@shared/report/index';
import { SHEETS, writeWorkbook } from '@shared/workbook/index';
import { INPUTS_CHANGED_TEXT } from '@shared/workbook/sheets/saved-inputs';
import { convertWithLibreOffice, sofficeOrSkip } from '../../support/libreoffice';
import { threeScenarios } from '../../support/board-models';
import { setNamedNumber, setNamedText, sheetPath } from './xlsx-edit';

const CSV = 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
const SHOWN = [SHEETS.board, SHEETS.sensitivity, SHEETS.meta] as const;
const savedAt = new Date('2026-03-04T05:06:00Z');

/** A CSV's rows as cells (quoted fields with commas kept whole). */
const rows = (csv: Uint8Array) => strFromU8(csv).split('\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));

describe('the value blocks say when their inputs changed', () => {
  const m = defaultInputs();
  let saved: Uint8Array;
  beforeAll(async () => { saved = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt, scenarioComparison: comparisonForWorkbook(m, threeScenarios()) }); });

  it('says when the values were computed, beside the live check', () => {
    const files = unzipSync(saved);
    const board = strFromU8(files[sheetPath(files, SHEETS.board)]!);
    expect(board).toContain('bowtie_inputs_changed&gt;0');
    const shared = strFromU8(files['xl/sharedStrings.xml']!);
    expect(shared).toContain('Scenario figures are values computed by Bowtie at save time:</t></si><si><t>2026-03-04 05:06 UTC');
    expect(shared).toContain('Computed by Bowtie at save time (2026-03-04 05:06 UTC)');
    // the count is saved without a value, so an engine that keeps cached values still computes it
    const meta = strFromU8(files[sheetPath(files, SHEETS.meta)]!);
    expect(meta).toMatch(/<c r="B6"[^>]*><f>SUMPRODUCT\(\(Assumptions!\$B\$1:\$P\$\d+&lt;&gt;&apos;Bowtie Metadata&apos;!\$B\$10:\$P\$\d+\)\*1\)<\/f><\/c>/);
  });

  const soffice = sofficeOrSkip('the inputs-changed warning in LibreOffice with its default settings');
  it.skipIf(!soffice)('LibreOffice with its default settings: blank as saved; the warning, on the Board Report and the Sensitivity sheet, once an input is edited', async () => {
    const renewal = setNamedNumber(saved, 'journey_renewal_rate', 0.6);
    const renamed = setNamedText(saved, 'general_name', 'Another name');
    const out = await convertWithLibreOffice(soffice!, [
      { name: 'saved.xlsx', bytes: saved }, { name: 'renewal.xlsx', bytes: renewal }, { name: 'renamed.xlsx', bytes: renamed },
    ], 'csv', { filter: CSV, sheets: [...SHOWN], recalc: 'default' });
    const [asSaved, edited, name] = [0, 1, 2].map((i) => Object.fromEntries(SHOWN.map((s, k) => [s, rows(out[i * SHOWN.length + k]!)])));
    const count = (x: typeof asSaved) => Number(x![SHEETS.meta]![5]![1]);
    expect(count(asSaved)).toBe(0);
    expect(asSaved![SHEETS.board]![2]![0]).toBe('');
    expect(asSaved![SHEETS.sensitivity]![2]![0]).toBe('');
    expect(count(edited)).toBe(1);
    expect(edited![SHEETS.board]![2]![0]).toMatch(/^Inputs changed since Bowtie saved: the scenario comparison, the biggest drag and the pictures are as saved; reopen in Bowtie to refresh$/);
    expect(edited![SHEETS.sensitivity]![2]![0]).toBe(INPUTS_CHANGED_TEXT);
    expect(edited![SHEETS.board]!.some((r) => r[0] === INPUTS_CHANGED_TEXT), 'under the scenario comparison').toBe(true);
    // a text input counts too
    expect(count(name)).toBe(1);
    // what LibreOffice's defaults honour: not fullCalcOnLoad; the saved figures stay as cached ($7.18M of ARR in year 1, $14.9M in year 2 whatever the renewal rate)
    const arrRow = (x: typeof asSaved) => x![SHEETS.board]!.find((r) => r[0] === 'ARR at year end')!;
    expect(arrRow(edited)).toEqual(arrRow(asSaved));
  }, 300_000);
});
