// `npx tsx scripts/capture-core-fingerprint.ts`: records every figure of the core and
// the cells of a few workbooks (tests/support/fingerprint.ts) in
// tests/fixtures/core-fingerprint.json. Re-capture only when a change of figures is
// intended, and say in the commit which models and sheets moved and why.
import { writeFile } from 'node:fs/promises';
import { coreEntry, FINGERPRINT_PATH, namedModels, randomModels, workbookEntry, workbookModels, type Fingerprint } from '../tests/support/fingerprint';

const t0 = performance.now();
const fp: Fingerprint = {
  note: 'Written by scripts/capture-core-fingerprint.ts; checked by tests/shared/core/fingerprint.test.ts and tests/shared/workbook/fingerprint.test.ts.',
  core: {},
  workbooks: {},
};
for (const [name, m] of namedModels()) fp.core[name] = coreEntry(m, !name.startsWith('large'));
for (const [name, m] of randomModels()) fp.core[name] = coreEntry(m, false);

for (const [name, m] of workbookModels()) fp.workbooks[name] = await workbookEntry(m);
const json = JSON.stringify(fp, null, 1) + '\n';
await writeFile(FINGERPRINT_PATH, json);
console.log(`${FINGERPRINT_PATH}: ${Object.keys(fp.core).length} models, ${Object.keys(fp.workbooks).length} workbooks, ${(json.length / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
