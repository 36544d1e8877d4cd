import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInputs, twoWaySpecToJson, type TwoWaySpec } from '@shared/index';
import { createScenario, emptyScenarios, scenariosToJson, switchScenario } from '@shared/model/scenarios';
import { scenariosFromExtras } from '@shared/report/workbook-extras';
import { readWorkbook, SHEETS } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { exportWorkbook } from '../../cli/export-workbook';

describe('bowtie export: the board report’s pieces', () => {
  it('embeds the two pictures no native chart can draw (bowtie, LTV curve) beside the native charts, and keeps the scenarios of the workbook it re-exports', async () => {
    const made = createScenario(emptyScenarios(), 'Downside', { 'journey.renewal.rate': 0.8 });
    if (!made.ok) throw new Error(made.error);
    const set = switchScenario(made.set, made.id);
    const target = join(mkdtempSync(join(tmpdir(), 'bowtie-export-')), 'out.xlsx');
    expect(await exportWorkbook(defaultInputs(), target, { scenarios: scenariosToJson(set) })).toEqual({ ok: true });
    const bytes = new Uint8Array(readFileSync(target));
    const media = Object.keys(unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/media/') }));
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(2);
    const charts = Object.keys(unzipSync(bytes, { filter: (f) => /^xl\/charts\/chart\d+\.xml$/.test(f.name) }));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(scenariosFromExtras(read.extras).set).toEqual(set);
  });

  it('keeps the two-way table of the workbook it re-exports, and its Sensitivity sheet shows it', async () => {
    const spec: TwoWaySpec = { figure: 'ltvToCac', rowKey: 'journey.onboarding.rate', rowValues: [0.8, 0.9], colKey: 'acquisition.cacPerCustomer', colValues: [64000, 80000] };
    const target = join(mkdtempSync(join(tmpdir(), 'bowtie-export-')), 'out.xlsx');
    expect(await exportWorkbook(defaultInputs(), target, { scenarios: scenariosToJson(emptyScenarios()), sensitivity: twoWaySpecToJson(spec) })).toEqual({ ok: true });
    const bytes = new Uint8Array(readFileSync(target));
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.extras.sensitivity).toEqual(twoWaySpecToJson(spec));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.getWorksheet(SHEETS.sensitivity)!.getCell(1, 1).value).toBe('Sensitivity: LTV:CAC by Onboarding completion × CAC per new logo');
  });
});
