import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInputs } from '../../shared/index';
import { createScenario, emptyScenarios, scenariosToJson, switchScenario } from '../../shared/model/scenarios';
import { scenariosFromExtras } from '../../shared/report/workbook-extras';
import { readWorkbook } from '../../shared/workbook/index';
import { exportWorkbook } from '../../cli/export-workbook';

describe('bowtie export: the board report’s pieces', () => {
  it('embeds the five chart PNGs and keeps the scenarios of the workbook it re-exports', async () => {
    const made = createScenario(emptyScenarios(), 'Downside', { 'journey.renewal.rate': 0.8 });
    if (!made.ok) throw new Error(made.error);
    const set = switchScenario(made.set, made.id);
    const target = join(mkdtempSync(join(tmpdir(), 'bowtie-export-')), 'out.xlsx');
    expect(await exportWorkbook(defaultInputs(), target, { scenarios: scenariosToJson(set) })).toEqual({ ok: true });
    const bytes = new Uint8Array(readFileSync(target));
    const media = Object.keys(unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/media/') }));
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(5);
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(scenariosFromExtras(read.extras).set).toEqual(set);
  });
});
