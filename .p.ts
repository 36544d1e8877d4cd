import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { computeModel, defaultInputs, type ModelInputs } from './shared/index';
import { writeWorkbook } from './shared/workbook/index';
import { boardImages } from './shared/report/draw';
import { rasterizePng } from './cli/rasterize-png';
import { convertWithLibreOffice } from './tests/support/libreoffice';
import { largeModel, rampedModel } from './tests/support/models';
import { tenLanes } from './tests/support/board-models';
const which = process.argv[2] ?? 'all';
const models: [string, ModelInputs][] = [['default', defaultInputs()], ['large-ramped', rampedModel(largeModel())], ['ten-120', (() => { const m = tenLanes(); m.general.horizonMonths = 120; m.acquisition.newCustomersByYear = [100, 120, 140, 160, 180, 200, 220, 240, 260, 280]; return m; })()]];
const files = [];
for (const [n, m] of models) {
  if (which !== 'all' && which !== n) continue;
  files.push({ name: `${n}.xlsx`, bytes: await writeWorkbook({ inputs: m, appVersion: 'x', boardImages: await boardImages(m, rasterizePng, computeModel(m)) }) });
}
const pdfs = await convertWithLibreOffice('/usr/bin/soffice', files, 'pdf');
pdfs.forEach((p, i) => {
  const f = `/tmp/wbv/${files[i]!.name.replace('.xlsx', '.pdf')}`;
  writeFileSync(f, p);
  const text = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).split('\f');
  const per = new Map<string, number>();
  for (const t of text) { const m = /· ([A-Za-z ]+?)\s+Page \d+ of/.exec(t) ?? /(Bowtie board report)/.exec(t); const k = m?.[1] ?? (t.trim() ? 'unknown' : 'empty'); per.set(k, (per.get(k) ?? 0) + 1); }
  console.log(files[i]!.name, execFileSync('pdfinfo', [f], { encoding: 'utf8' }).match(/Pages:\s+\d+/)?.[0], [...per].map(([k, v]) => `${k}:${v}`).join(', '));
});
