import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { writeFileSync } from 'node:fs';
import { convertWithLibreOffice, findSoffice } from '../tests/support/libreoffice';
import { compareFormulaCells } from '../tests/support/xlsx-cells';
const m = defaultInputs();
m.segments = [
  { id: 'smb', name: 'SMB', logoShare: 0.6, overrides: { 'acquisition.acv': 12000, 'journey.renewal.rate': [0.8, 0.82] } },
  { id: 'mm', name: 'Mid-market', logoShare: [0.3, 0.25], overrides: {} },
  { id: 'ent', name: 'Enterprise', logoShare: [0.1, 0.15], overrides: { 'acquisition.timing': 'even', 'lanes.modules.attachRate': 0.5, 'acquisition.contractMonths': 24 } },
];
const bytes = await writeWorkbook({ inputs: m, appVersion: 'test' });
writeFileSync('/tmp/segwb/seg.xlsx', bytes);
const [out] = await convertWithLibreOffice(findSoffice()!, [{ name: 'seg.xlsx', bytes }], 'xlsx');
const { compared, mismatches } = compareFormulaCells(bytes, out!);
const bySheet = new Map<string, number>();
for (const x of mismatches) bySheet.set(x.sheet, (bySheet.get(x.sheet) ?? 0) + 1);
console.log(compared, mismatches.length, [...bySheet]);
for (const s of bySheet.keys()) console.log(JSON.stringify(mismatches.find((x) => x.sheet === s)).slice(0, 600));
const cols = new Map<string, number>();
for (const x of mismatches.filter((x) => x.sheet === 'ARR Bridge')) { const c = x.address.replace(/\d+/g, ''); cols.set(c, (cols.get(c) ?? 0) + 1); }
console.log([...cols]);
