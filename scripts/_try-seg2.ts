import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { convertWithLibreOffice, findSoffice } from '../tests/support/libreoffice';
import { recalcWithGnumeric, findSsconvert } from '../tests/support/gnumeric';
import { compareFormulaCells } from '../tests/support/xlsx-cells';
import { rampedModel } from '../tests/support/models';
const m = rampedModel(defaultInputs());
m.segments = [
  { id: 'smb', name: 'SMB', logoShare: [0.6, 0.55, 0.5], overrides: { 'acquisition.acv': 12000, 'journey.renewal.rate': [0.8, 0.82], 'acquisition.contractMonths': 12 } },
  { id: 'mm', name: 'Mid-market', logoShare: 0.3, overrides: { 'journey.contractionRate': 0.05 } },
  { id: 'ent', name: 'Enterprise', logoShare: [0.1, 0.15, 0.2], overrides: { 'acquisition.timing': 'even', 'lanes.modules.attachRate': [0.5, 0.6], 'acquisition.contractMonths': 36, 'journey.adoption.rate': 0.9 } },
];
m.base.cohorts = m.base.cohorts.map((c, i) => ({ ...c, segment: ['smb', 'ent', 'ent'][i]! }));
const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
for (const [name, run] of [['LO', () => convertWithLibreOffice(findSoffice()!, [{ name: 'seg.xlsx', bytes }], 'xlsx')], ['Gnumeric', () => recalcWithGnumeric(findSsconvert()!, [{ name: 'seg.xlsx', bytes }])]] as const) {
  const [out] = await run();
  const { compared, mismatches } = compareFormulaCells(bytes, out!);
  console.log(name, compared, mismatches.length, JSON.stringify(mismatches.slice(0, 3)).slice(0, 800));
}
