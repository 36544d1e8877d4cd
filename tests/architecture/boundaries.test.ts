// The seams eslint.config.js keeps must actually hold: each rule fires on the
// import it exists to stop, and lets the right one through.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The probes are virtual files, in no TypeScript project: the import rules need no types.
const eslint = new ESLint({ overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts', '**/*.tsx'] } });
const lint = async (code: string, filePath: string) => {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.map((m) => `${m.ruleId}: ${m.message}`);
};

describe("a sheet's folder does not import another sheet's", () => {
  it.each([
    ["import { ComparisonTable } from '../scenarios/ComparisonTable';", 'renderer/src/sheets/board-report/BoardPage.tsx'],
    ["import { useReport } from '../board-report/report-store';", 'renderer/src/sheets/scenarios/ScenariosSheet.tsx'],
    ["import '../board-report/analysis.css';", 'renderer/src/sheets/sensitivity/SensitivitySheet.tsx'],
    ["import { x } from '../../sheets/metrics/MetricsSheet';", 'renderer/src/sheets/bridge/BridgeSheet.tsx'],
  ])('refuses %s in %s', async (code, file) => {
    expect((await lint(code, file)).join('\n')).toMatch(/no-restricted-imports: .*A sheet's folder must not import another sheet's/);
  });

  it('allows its own folder and the shared places', async () => {
    const code = [
      "import { BoardPage } from './BoardPage';",
      "import { DrawnSvg } from '../../charts/DrawnChart';",
      "import { useReport } from '../../store/report-store';",
      "import type { SheetEntry } from '../registry';",
    ].join('\n');
    expect(await lint(code, 'renderer/src/sheets/board-report/BoardReportView.tsx')).toEqual([]);
  });
});

describe("outside shared/, only shared/'s entry points", () => {
  it.each([
    ["import { effectiveInputs } from '../../../shared/model/scenarios';", 'renderer/src/store/scenario-state.ts'],
    ["import { buildWorkbookExtras } from '../shared/report/workbook-extras';", 'cli/export-workbook.ts'],
    ["import { computeJourney } from '../../../../shared/core/journey';", 'renderer/src/sheets/bowtie/BowtieSheet.tsx'],
    ["import { ExcelJS } from '../shared/workbook/write-workbook';", 'electron/probe.ts'],
    ["import { computeJourney } from '@shared/core/journey';", 'cli/probe.ts'],
    ["import { effectiveInputs } from '@shared/model/scenarios';", 'renderer/src/store/probe.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect((await lint(code, file)).join('\n')).toMatch(/no-restricted-imports: .*Outside shared\/, import it through its entry points/);
  });

  it('allows the entry points', async () => {
    const code = [
      "import { computeModel } from '../../../shared/index';",
      "import { boardCharts } from '../../../shared/report/index';",
      "import { writeWorkbook } from '../../../shared/workbook/index';",
      "import type { DesktopApi } from '../../../shared/desktop-api';",
      "import { readActualsXlsx } from '@shared/actuals/index';",
      "import { renderChartSvg } from '@shared/report/draw';",
    ].join('\n');
    expect(await lint(code, 'renderer/src/files/probe.ts')).toEqual([]);
  });
});

describe('the workbook writer uses the core through its narrow API', () => {
  it('refuses a core module', async () => {
    expect((await lint("import { rollUp } from '../core/schedule';", 'shared/workbook/figures.ts')).join('\n'))
      .toMatch(/no-restricted-imports: .*The workbook writer uses the core through/);
  });

  it('allows shared/index.ts and core/workbook-api.ts, and still keeps Node out', async () => {
    expect(await lint("import { D } from '../../index';\nimport { rollUp } from '../../core/workbook-api';\nexport { D, rollUp };", 'shared/workbook/sheets/probe.ts')).toEqual([]);
    expect((await lint("import fs from 'node:fs';", 'shared/workbook/probe.ts')).join('\n')).toMatch(/shared\/ must not import Node modules/);
  });
});

describe('node/ holds the Node code the CLI shares with the app, without Electron', () => {
  it.each([
    ["import { writeFileAtomic } from '../electron/atomic-write';", 'cli/export-workbook.ts'],
    ["import { app } from 'electron';", 'node/atomic-write.ts'],
    ["import { describeFileError } from '../electron/file-errors';", 'node/probe.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect((await lint(code, file)).join('\n')).toMatch(/no-restricted-imports: .*node\/ and cli\/ run without Electron/);
  });

  it('lets the CLI and electron/ use node/, and still only shared/ entry points', async () => {
    // (exported again, so the unused-import rule of cli/ and electron/ has nothing to say)
    const uses = "import { writeFileAtomic } from '../node/atomic-write';\nexport { writeFileAtomic };";
    expect(await lint(uses, 'cli/export-workbook.ts')).toEqual([]);
    expect(await lint(uses, 'electron/file-service.ts')).toEqual([]);
    expect((await lint("import { ExcelJS } from '../shared/workbook/write-workbook';", 'node/probe.ts')).join('\n')).toMatch(/Outside shared\//);
  });
});
