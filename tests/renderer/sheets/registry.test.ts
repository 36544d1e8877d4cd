import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../../renderer/src/sheets/registry';

describe('sheet registry', () => {
  it('lists every sheet once, in the tab order of the workbook', () => {
    expect(SHEETS.map((s) => [s.id, s.title])).toEqual([
      ['assumptions', 'Assumptions'], ['bowtie', 'Bowtie'], ['bridge', 'ARR Bridge'], ['cohorts', 'Cohorts'], ['metrics', 'Metrics'], ['by-segment', 'By segment'],
      ['sensitivity', 'Sensitivity'], ['scenarios', 'Scenarios'], ['ranges', 'Ranges'], ['actuals', 'Actuals'], ['accounts', 'Accounts'], ['pipeline', 'Pipeline'], ['board-report', 'Board Report'],
    ]);
    expect(SHEETS.every((s) => s.component)).toBe(true);
  });
});
