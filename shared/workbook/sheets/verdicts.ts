// The verdicts on the workbook's Metrics sheet (issue 12 item 5): each figure
// beside what it means against its benchmark, as formulas, so an input changed
// in Excel changes the verdict too. The words are those of
// shared/report/verdicts.ts, which computes the cached values; the
// LibreOffice/Gnumeric agreement test checks the two say the same.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import type { Dec, ModelResult } from '../../index';
import { DASH, numberOf, putFormula, putValue } from '../cells';
import { headers, section } from '../styles';
import {
  BENCHMARK_WORDS, churnInDealsVerdict, EXPANSION_SHARE, expansionShareVerdict, retentionPairVerdict, SOLID_GRR, STRONG_NRR,
  TTFV_THRESHOLD, ttfvDays, ttfvVerdict,
} from '../../report/verdicts';
import { excelNumberFormat, percent } from '../../report/format';

export interface VerdictRefs {
  year: number;
  fvMonth: string;
  targetDays: string;
  acv: string;
  /** NRR and GRR of the year (null when the sheet has no row for it) */
  nrr: string | null;
  grr: string | null;
  expansionShare: string;
  churn: string;
}

/** Writes the section from `row`; returns the next free row. */
export function writeVerdicts(ws: ExcelJS.Worksheet, row: number, m: ModelInputs, r: ModelResult<Dec>, refs: VerdictRefs): number {
  const cur = m.general.currency;
  const yr = r.annual[refs.year - 1];
  section(ws, row++, 1, 'Verdicts against benchmarks');
  headers(ws, row, 1, ['Measure', 'Figure', 'Verdict', 'Benchmark']);
  ws.mergeCells(row, 4, row++, 7); // the Benchmark header over the four columns its text spans
  const line = (measure: string, figure: { formula: string; value: number | string | null; fmt?: string }, verdict: { formula: string; value: string }, benchmark: string) => {
    // each row read from its top line: measure, figure, verdict and benchmark side by side
    ws.getCell(row, 1).value = measure;
    ws.getCell(row, 1).alignment = { vertical: 'top' };
    const f = putFormula(ws, row, 2, figure.formula, figure.value, figure.fmt);
    f.alignment = { horizontal: 'right', vertical: 'top' };
    const v = putFormula(ws, row, 3, verdict.formula, verdict.value);
    v.font = { bold: true };
    v.alignment = { wrapText: true, vertical: 'top', horizontal: 'left', indent: 1 };
    benchmarkCell(benchmark, verdict.value);
    row++;
  };
  /** The benchmark spans four columns beside the verdict; the row is as tall as the longer of the two. */
  const benchmarkCell = (text: string, verdict: string) => {
    ws.mergeCells(row, 4, row, 7);
    const b = ws.getCell(row, 4);
    b.value = text;
    b.font = { size: 10, color: { argb: 'FF5B6675' } };
    b.alignment = { wrapText: true, vertical: 'top' };
    const lines = Math.max(Math.ceil(text.length / 58), Math.ceil(verdict.length / 20), 1);
    ws.getRow(row).height = Math.max(15, lines * 14 + 3);
  };

  // Time to first value: the stage month in days, against the target and the 60–75-day threshold.
  const days = `ROUND(${refs.fvMonth}*365/12,12)`;
  const d = ttfvDays(m);
  line('Time to first value',
    { formula: `ROUND(${refs.fvMonth}*365/12,0)`, value: Math.round(d), fmt: '#,##0" days"' },
    {
      formula: `IF(${days}<=${refs.targetDays},"Within the "&${refs.targetDays}&"-day target","Past the "&${refs.targetDays}&"-day target")` +
        `&IF(${days}>${TTFV_THRESHOLD.to},"; past the 60–75-day churn threshold",IF(${days}>=${TTFV_THRESHOLD.from},"; inside the 60–75-day churn threshold",""))`,
      value: ttfvVerdict(d, m.journey.firstValue.targetDays),
    },
    `${BENCHMARK_WORDS.ttfv} The target is set on the Assumptions sheet.`);

  // GRR and NRR read as a pair.
  const grr = yr ? numberOf(yr.grr) : null, nrr = yr ? numberOf(yr.nrr) : null;
  if (refs.nrr && refs.grr) {
    const g = `ROUND(${refs.grr},12)`, n = `ROUND(${refs.nrr},12)`;
    const both = `AND(ISNUMBER(${refs.grr}),ISNUMBER(${refs.nrr}))`;
    line(`GRR and NRR, year ${refs.year}`,
      { formula: `IF(${both},TEXT(${refs.grr},"#,##0.0%")&" / "&TEXT(${refs.nrr},"#,##0.0%"),"${DASH}")`, value: grr === null || nrr === null ? DASH : `${percent(grr)} / ${percent(nrr)}` },
      {
        formula: `IF(${both},IF(${g}>=${SOLID_GRR},IF(${n}>=${STRONG_NRR},"${retentionPairVerdict(1, 2)}",IF(${n}>=1,"${retentionPairVerdict(1, 1)}","${retentionPairVerdict(1, 0)}")),` +
          `IF(${n}>=1,"${retentionPairVerdict(0, 1)}","${retentionPairVerdict(0, 0)}")),"${DASH}")`,
        value: retentionPairVerdict(grr, nrr),
      },
      BENCHMARK_WORDS.retentionPair);
  } else {
    ws.getCell(row, 1).value = `GRR and NRR, year ${refs.year}`;
    putValue(ws, row, 2, DASH).alignment = { horizontal: 'right' };
    putValue(ws, row, 3, 'NRR needs a second complete model year').alignment = { wrapText: true, vertical: 'top' };
    benchmarkCell(BENCHMARK_WORDS.retentionPair, 'NRR needs a second complete model year');
    row++;
  }

  // Expansion share of new ARR against the median (30%) and top quartile (> 50%).
  const share = yr ? numberOf(yr.expansionShare) : null;
  const s = `ROUND(${refs.expansionShare},12)`;
  line(`Expansion share of new ARR, year ${refs.year}`,
    { formula: refs.expansionShare, value: share, fmt: excelNumberFormat('percent', share) },
    {
      formula: `IF(ISNUMBER(${refs.expansionShare}),IF(${s}>${EXPANSION_SHARE.topQuartile},"${expansionShareVerdict(1)}",IF(${s}>=${EXPANSION_SHARE.median},"${expansionShareVerdict(EXPANSION_SHARE.median)}","${expansionShareVerdict(0)}")),"${DASH}")`,
      value: expansionShareVerdict(share),
    },
    BENCHMARK_WORDS.expansionShare);

  // Churned ARR in new-logo equivalents: churn ÷ the ACV of a new deal.
  const churn = yr ? numberOf(yr.churn) : null;
  // the ACV of the verdict year (a yearly list's entry, its last value past the list)
  const acvs = [m.acquisition.acv].flat();
  const acv = acvs[Math.min(refs.year, acvs.length) - 1] ?? 0;
  const deals = `ROUND(${refs.churn}/${refs.acv},1)`;
  line(`Churned ARR, year ${refs.year}`,
    { formula: refs.churn, value: churn, fmt: excelNumberFormat('money', churn, cur) },
    {
      formula: `IF(AND(ISNUMBER(${refs.churn}),${refs.acv}>0),"= "&${deals}&" new deal"&IF(${deals}=1,"","s")&" just to stand still","${DASH}")`,
      value: churnInDealsVerdict(churn === null || acv <= 0 ? null : churn / acv),
    },
    `${BENCHMARK_WORDS.churnInDeals}, the new-logo ACV on the Assumptions sheet.`);
  return row;
}
