// The board report's content (spec §6, seeds 003/004; the reader sees benchmarks
// in words, never the sources, see docs/board-report.md): headline tiles, the lane
// table and the biggest drag, all read from the core's result. Nothing here does
// model arithmetic beyond picking and labelling figures (and the year-over-year
// growth shown beside ARR); the app, the workbook and the PDF all print this.
import { firstYear } from '../model/ramps';
import type { ModelInputs } from '../model/inputs';
import type { DragResult, ModelResult, Stage } from '../index';
import { biggestDrag, computeModel, nrrBand, toNumbers, INCREMENTAL_MARGIN_FLOOR } from '../index';
import { benchmarkForArr, benchmarkPosition, benchmarkSentence, POSITION_TEXT, type NrrBenchmark, type BenchmarkPosition } from './benchmarks';
import { formatDelta, formatFigure, type FigureFormat } from './format';
import { FIGURE_LABELS, nrrPointBasis } from './labels';
import { bandReason } from './band-reason';
import { verdicts as buildVerdicts, type Verdict } from './verdicts';
import { boardSegments, type SegmentBlock } from './board-segments';

export interface BoardFigure {
  /** `board.<figure>`: the data-key the sheet puts on it */
  key: string;
  label: string;
  value: number | string | null;
  format: FigureFormat;
  /** the value as printed */
  text: string;
}

export type Tone = 'good' | 'neutral' | 'warn' | 'bad';

export interface BoardTile {
  id: string;
  title: string;
  figures: BoardFigure[];
  /** one line of context under the figures */
  note: string;
  tone: Tone;
  /** what the figure means against its benchmark, shown beside it */
  verdict?: { text: string; tone: Tone };
}

export interface LaneRow {
  id: string;
  name: string;
  arr: BoardFigure;
  share: BoardFigure;
  margin: BoardFigure;
  belowFloor: boolean;
}

export interface BoardReport {
  title: string;
  /** two or three sentences a board member reads first, each built from the figures below */
  takeaways: string[];
  currency: string;
  /** the year NRR, GRR and the waterfall are about (2), null when the horizon has one year */
  year: number | null;
  tiles: BoardTile[];
  lanes: { year: number; rows: LaneRow[]; floor: number };
  drag: { stage: Stage; label: string; ltvChange: number; nrrChange: number | null };
  benchmark: (NrrBenchmark & { position: BenchmarkPosition | null; arrBasis: number }) | null;
  /** the verdicts of the seeds' benchmarks, also on the Metrics sheets */
  verdicts: Verdict[];
  /** NRR and GRR by segment, the mix and the segment that drags NRR most (board-segments.ts); null without segments */
  segments: SegmentBlock | null;
}

export const STAGE_LABELS: Record<Stage, string> = {
  onboarding: 'Onboarding',
  firstValue: 'First value',
  adoption: 'Adoption',
  renewal: 'Renewal',
};

/** Band → tone: below 90% is an emergency, 90–100% unsustainable (the NRR bands). */
function nrrTone(band: string | null): Tone {
  switch (band) {
    case 'Structural problem': return 'bad';
    case 'Retention without growth': return 'warn';
    case null: return 'neutral';
    default: return 'good';
  }
}

export function buildBoardReport(
  inputs: ModelInputs,
  result: ModelResult<number> = computeModel(inputs),
  drag: DragResult<number> = toNumbers(biggestDrag(inputs)),
): BoardReport {
  const cur = inputs.general.currency;
  const fig = (key: string, label: string, value: number | string | null, format: FigureFormat): BoardFigure =>
    ({ key: `board.${key}`, label, value, format, text: formatFigure(value, format, cur) });
  const years = result.annual;
  const y2 = years.length >= 2 ? years[1]! : null;
  const reportYear = y2 ? 2 : null;
  const tiles: BoardTile[] = [];
  const verdicts = buildVerdicts(inputs, result);
  const verdictOf = (id: Verdict['id']) => {
    const v = verdicts.find((x) => x.id === id)!;
    return { text: v.verdict, tone: v.tone };
  };

  // ARR by year end, with growth so the board sees the trajectory in one line.
  const growth = years.slice(1).map((y, i) => (years[i]!.closing > 0 ? y.closing / years[i]!.closing - 1 : null));
  tiles.push({
    id: 'arr', title: 'ARR at year end',
    figures: years.map((y) => fig(`arr.y${y.year}`, `Year ${y.year}`, y.closing, 'money')),
    note: growth.length ? `Growth ${growth.map((g, i) => `Y${i + 2} ${formatFigure(g, 'percent')}`).join(', ')}` : 'One complete year modelled',
    tone: 'neutral',
  });

  // Today's book (spec §2.2, §4): what the customers already on the books do in
  // year 1 without any new logo, and what new logos must add to reach the plan.
  const book = bookInYear1(result);
  if (book) {
    tiles.push({
      id: 'book', title: 'Today’s book, next 12 months',
      figures: [
        fig('nrr.y1', 'NRR', book.nrr, 'percent'),
        fig('grr.y1', 'GRR', book.grr, 'percent'),
        fig('newLogoNeed.y1', 'New logos must add', book.newLogoNeed, 'money'),
      ],
      note: `Without any new logo, the ${formatFigure(book.opening, 'money', cur)} on the books ends year 1 at ${formatFigure(book.end, 'money', cur)}; ` +
        `new logos must add ${formatFigure(book.newLogoNeed, 'money', cur)} to reach the plan’s ${formatFigure(book.plan, 'money', cur)}`,
      tone: nrrTone(nrrBand(book.nrr)),
    });
  }

  // NRR with its band and the benchmark for the company's stage,
  // the stage set by ARR at the end of the same year (the ARR the NRR is reported with).
  let benchmark: BoardReport['benchmark'] = null;
  if (y2) {
    const b = benchmarkForArr(y2.closing);
    benchmark = { ...b, position: y2.nrr === null ? null : benchmarkPosition(y2.nrr, b), arrBasis: y2.closing };
    tiles.push({
      id: 'nrr', title: 'Net revenue retention, year 2',
      figures: [fig('nrr.y2', 'NRR', y2.nrr, 'percent'), fig('nrrBand', 'Band', result.nrrBand, 'text')],
      note: benchmarkSentence(y2.nrr, b),
      tone: nrrTone(result.nrrBand),
    });
    const d = y2.decomposition;
    tiles.push({
      id: 'grr', title: 'GRR, year 2',
      figures: [fig('grr.y2', 'GRR', y2.grr, 'percent')],
      note: d ? `Churn ${formatFigure(d.churn, 'percent')} and contraction ${formatFigure(d.contraction, 'percent')} of opening ARR` : 'No customers at the start of year 2',
      tone: 'neutral',
      verdict: verdictOf('retentionPair'),
    });
    const acv2 = [inputs.acquisition.acv].flat();
    tiles.push({
      id: 'churn', title: 'Churn, year 2',
      figures: [fig('churn.y2', 'Churned ARR', y2.churn, 'money')],
      note: `At a new-deal ACV of ${formatFigure(acv2[Math.min(2, acv2.length) - 1] ?? 0, 'money', cur)}`,
      tone: 'neutral',
      verdict: verdictOf('churnInDeals'),
    });
    tiles.push({
      id: 'expansionShare', title: 'Expansion share',
      figures: [fig('expansionShare.y2', 'Expansion share', y2.expansionShare, 'percent')],
      note: `Of new ARR: ${formatFigure(y2.expansion, 'money', cur)} expansion vs ${formatFigure(y2.newLogo, 'money', cur)} new logos`,
      tone: 'neutral',
      verdict: verdictOf('expansionShare'),
    });
  }

  tiles.push({
    id: 'retention', title: 'Logo retention at the first renewal',
    figures: [
      fig('retention.renewalDecision', FIGURE_LABELS.renewalRateOfAdopters, result.journey.renewalDecisionRetention, 'percent'),
      fig('retention.fullJourney', FIGURE_LABELS.renewedAllCustomers, result.journey.fullJourneyRetention, 'percent'),
    ],
    note: 'The gap is lost before renewal: onboarding, first value and adoption',
    tone: 'neutral',
  });

  const ttfv = verdicts.find((v) => v.id === 'ttfv')!;
  tiles.push({
    id: 'ttfv', title: 'Time to first value',
    figures: [fig('ttfv', 'Time to first value', ttfv.figure, 'text')],
    note: `Target ${inputs.journey.firstValue.targetDays} days; reached by month ${inputs.journey.firstValue.month}`,
    tone: 'neutral',
    verdict: verdictOf('ttfv'),
  });

  tiles.push({
    id: 'ltv', title: `LTV per customer, ${inputs.general.ltvYears} year${inputs.general.ltvYears === 1 ? '' : 's'}`,
    figures: [
      fig('ltv.revenue', 'Revenue', result.ltv.revenue, 'money'),
      fig('ltv.grossMargin', 'Gross margin', result.ltv.grossMargin, 'money'),
      fig('ltv.discountedGrossMargin', `Discounted at ${formatFigure(inputs.general.discountRateAnnual, 'percent')}`, result.ltv.discountedGrossMargin, 'money'),
    ],
    note: 'Expected value of one new customer, every journey path',
    tone: 'neutral',
  });

  const cac = firstYear(inputs.acquisition.cacPerCustomer);
  tiles.push({
    id: 'ltvToCac', title: 'LTV:CAC',
    figures: [fig('ltvToCac', 'LTV:CAC', result.ltvToCac, 'ratio')],
    note: `Discounted GM LTV ÷ CAC (${formatFigure(cac, 'money', cur)})`,
    tone: result.ltvToCac === null ? 'neutral' : result.ltvToCac < 1 ? 'bad' : result.ltvToCac < 3 ? 'warn' : 'good',
  });
  tiles.push({
    id: 'cacPayback', title: 'CAC payback',
    figures: [fig('cacPaybackMonths', 'Payback', result.cacPaybackMonths, 'months')],
    note: `On new-logo ACV at ${formatFigure(inputs.general.subscriptionGrossMargin, 'percent')} gross margin`,
    tone: 'neutral',
  });
  // the same opening ARR the core took the figure from (spec §6)
  const pointBasis = nrrPointBasis(result.valueOfNrrPointYear);
  const pointSet = result.valueOfNrrPointYear === null ? null : years[result.valueOfNrrPointYear - 1]?.decomposition ?? null;
  if (y2) {
    tiles.push({
      id: 'doubling', title: 'Base doubles in',
      figures: [fig('doublingTimeYears', 'Doubling time', result.doublingTimeYears, 'years')],
      note: result.doublingTimeYears === null ? 'NRR not above 100%: the base does not grow by itself' : `At year-2 NRR of ${formatFigure(y2.nrr, 'percent')}, no new logos`,
      tone: result.doublingTimeYears === null ? 'warn' : 'neutral',
    });
    tiles.push({
      id: 'nrrPoint', title: 'One NRR point',
      figures: [fig('valueOfNrrPoint', 'One point', result.valueOfNrrPoint, 'money')],
      note: pointSet && pointBasis ? `1% of ${pointBasis}: ${formatFigure(pointSet.begin, 'money', cur)}` : 'No customers at the start of year 2',
      tone: 'neutral',
    });
  }

  const dragRow = drag.byStage.find((s) => s.stage === drag.stage)!;
  tiles.push({
    id: 'drag', title: 'Biggest drag',
    figures: [fig('biggestDrag', 'Stage', STAGE_LABELS[drag.stage], 'text')],
    note: `+5 pts here: ${formatDelta(dragRow.ltvChange, 'money', cur)} discounted GM LTV per customer` +
      (dragRow.nrrChange === null ? '' : `, ${formatFigure(dragRow.nrrChange, 'points')} year-2 NRR`),
    tone: 'warn',
  });

  const takeaways: string[] = [];
  if (book && book.nrr !== null) {
    takeaways.push(`Today’s book alone: NRR ${formatFigure(book.nrr, 'percent')} and GRR ${formatFigure(book.grr, 'percent')} over the next 12 months; ` +
      `new logos must add ${formatFigure(book.newLogoNeed, 'money', cur)} of ARR to reach the year-1 plan of ${formatFigure(book.plan, 'money', cur)}.`);
  }
  if (y2 && y2.nrr !== null && y2.decomposition) {
    const d = y2.decomposition;
    const grows = y2.nrr >= 1;
    takeaways.push(`Existing customers ${grows ? 'grow' : 'shrink'}: year-2 NRR is ${formatFigure(y2.nrr, 'percent')} (${result.nrrBand})` +
      (benchmark?.position ? `, ${POSITION_TEXT[benchmark.position]} for ${benchmark.companies}.` : '.'));
    // why the band is below Healthy (issue 23), beside the verdict
    const reason = bandReason(result);
    if (reason) takeaways.push(reason);
    const expansionPts = d.lanes.reduce((a, b) => a + b, 0) + d.seat + d.price;
    takeaways.push(`Churn and contraction take ${formatFigure(d.churn + d.contraction, 'percent')} of opening ARR; expansion adds back ${formatFigure(expansionPts, 'percent')}.`);
  }
  const segments = boardSegments(inputs, result);
  if (segments?.drag) takeaways.push(segments.drag.sentence);
  takeaways.push(`Fix ${STAGE_LABELS[drag.stage].toLowerCase()} first: +5 points there is worth ${formatFigure(dragRow.ltvChange, 'money', cur)} of LTV per customer.`);
  const under = result.lanes.filter((l) => l.belowMarginFloor);
  if (under.length) takeaways.push(`${under.map((l) => l.name).join(', ')} ${under.length === 1 ? 'earns' : 'earn'} less than the 15% margin floor for incremental revenue.`);
  tiles.push({ id: 'takeaways', title: 'What this page says', figures: [], note: '', tone: 'neutral' });

  const lastYear = years.length;
  const rows: LaneRow[] = result.lanes.map((l) => ({
    id: l.id, name: l.name,
    arr: fig(`lanes.${l.id}.arr`, 'ARR', l.arrEnd, 'money'),
    share: fig(`lanes.${l.id}.share`, 'Share of ARR', l.share, 'percent'),
    margin: fig(`lanes.${l.id}.margin`, 'Gross margin', l.grossMargin, 'percent'),
    belowFloor: l.belowMarginFloor,
  }));

  return {
    title: inputs.general.name,
    takeaways,
    currency: cur,
    year: reportYear,
    tiles,
    lanes: { year: lastYear, rows, floor: INCREMENTAL_MARGIN_FLOOR },
    drag: { stage: drag.stage, label: STAGE_LABELS[drag.stage], ltvChange: dragRow.ltvChange, nrrChange: dragRow.nrrChange },
    benchmark,
    verdicts,
    segments,
  };
}

/**
 * Year 1 on today's book, when there is one: the NRR set of year 1 is the
 * installed base (spec §4), so its end is what the book alone is worth at the end
 * of year 1, and the rest of the plan's ARR is what new logos must add.
 */
export function bookInYear1(result: ModelResult<number>): { opening: number; end: number; nrr: number | null; grr: number | null; plan: number; newLogoNeed: number } | null {
  const y1 = result.annual[0];
  const d = y1?.decomposition;
  if (!y1 || !d || !(result.openingArr > 0)) return null;
  return { opening: d.begin, end: d.end, nrr: y1.nrr, grr: y1.grr, plan: y1.closing, newLogoNeed: y1.closing - d.end };
}

/** Every figure of the report by data-key, for tests and the workbook. */
export function boardFigures(r: BoardReport): BoardFigure[] {
  return [...r.tiles.flatMap((t) => t.figures), ...r.lanes.rows.flatMap((l) => [l.arr, l.share, l.margin])];
}
