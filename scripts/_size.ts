import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { largeModel, rampedModel, segmentedModel } from '../tests/support/models';
import { readXlsxCells } from '../tests/support/xlsx-cells';
for (const [label, m] of [['default 3 seg', segmentedModel(defaultInputs())], ['default ramped 3 seg', segmentedModel(rampedModel(defaultInputs()))], ['large 3 seg', segmentedModel(largeModel())], ['large ramped 3 seg', segmentedModel(rampedModel(largeModel()))], ['large ramped', rampedModel(largeModel())]] as const) {
  const t0 = performance.now();
  const bytes = await writeWorkbook({ inputs: m, appVersion: 'x' });
  const ms = performance.now() - t0;
  const cells = readXlsxCells(bytes);
  const per: string[] = []; let total = 0;
  for (const [sheet, c] of cells) { const n = [...c.values()].filter((x) => x.formula !== null).length; total += n; if (n > 500) per.push(`${sheet} ${n}`); }
  console.log(`${label}: ${total} formula cells, ${(bytes.length / 1e6).toFixed(2)} MB, ${ms.toFixed(0)} ms; ${per.join(', ')}`);
}
