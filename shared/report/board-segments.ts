// The board report's segment block (issue 24 item 6, spec §2.3): NRR and GRR by
// segment, the mix (each segment's share of ARR at each year end) and the segment
// that drags NRR most: the largest begin-weighted shortfall against the company's
// NRR, begin_s × (NRR_company − NRR_s), which is the ARR the segment would have kept
// more at the company's rate. Read from the core's result; nothing is recomputed.
import type { ModelInputs } from '../model/inputs';
import type { ModelResult } from '../core/result';
import { valueInYear } from '../model/ramps';
import { formatFigure, type FigureFormat } from './format';

export interface SegmentFigure {
  /** `board.segments.<id>.<figure>`, or `board.segments.company.<figure>` */
  key: string;
  value: number | null;
  format: FigureFormat;
  text: string;
}

export interface SegmentRow {
  id: string;
  name: string;
  /** year 1's share of new logos (the mix weight of the per-customer figures) */
  logoShare: SegmentFigure;
  nrr: SegmentFigure;
  grr: SegmentFigure;
  /** share of company ARR at each year end */
  mix: SegmentFigure[];
}

export interface SegmentBlock {
  /** the model year NRR and GRR are about: the board's year (2), or 1 on a one-year horizon with a base */
  year: number;
  rows: SegmentRow[];
  company: { nrr: SegmentFigure; grr: SegmentFigure };
  /** the segment with the largest begin-weighted shortfall, null when none falls short */
  drag: { id: string; name: string; shortfall: SegmentFigure; points: SegmentFigure; sentence: string } | null;
}

/** The block, or null without segments or without a year whose NRR is defined. */
export function boardSegments(inputs: ModelInputs, result: ModelResult<number>): SegmentBlock | null {
  const segments = inputs.segments ?? [];
  if (!segments.length || !result.segments) return null;
  const cur = inputs.general.currency;
  const year = result.annual.length >= 2 ? 2 : result.annual[0]?.nrr !== null && result.annual.length ? 1 : null;
  if (year === null) return null;
  const fig = (key: string, value: number | null, format: FigureFormat): SegmentFigure =>
    ({ key: `board.segments.${key}`, value, format, text: formatFigure(value, format, cur) });
  const company = result.annual[year - 1]!;
  const rows: SegmentRow[] = segments.map((s) => {
    const r = result.segments![s.id]!;
    const y = r.annual[year - 1]!;
    return {
      id: s.id, name: s.name,
      logoShare: fig(`${s.id}.logoShare.y1`, valueInYear(s.logoShare, 1), 'percent'),
      nrr: fig(`${s.id}.nrr.y${year}`, y.nrr, 'percent'),
      grr: fig(`${s.id}.grr.y${year}`, y.grr, 'percent'),
      mix: r.arrShareByYearEnd.map((v, i) => fig(`${s.id}.mix.y${i + 1}`, v, 'percent')),
    };
  });

  let drag: SegmentBlock['drag'] = null;
  const begin = company.decomposition?.begin ?? 0;
  if (company.nrr !== null && begin > 0) {
    let best: { id: string; name: string; gap: number } | null = null;
    for (const s of segments) {
      const y = result.segments[s.id]!.annual[year - 1]!;
      const b = y.decomposition?.begin ?? 0;
      if (y.nrr === null || b <= 0) continue;
      const gap = b * (company.nrr - y.nrr);
      if (gap > 0 && (best === null || gap > best.gap)) best = { id: s.id, name: s.name, gap };
    }
    if (best) {
      const points = best.gap / begin;
      drag = {
        id: best.id, name: best.name,
        shortfall: fig(`drag.shortfall`, best.gap, 'money'),
        points: fig(`drag.points`, points, 'points'),
        sentence: `${best.name} holds NRR back most: at the company's year-${year} NRR of ${formatFigure(company.nrr, 'percent')} it would keep ` +
          `${formatFigure(best.gap, 'money', cur)} more ARR, ${formatFigure(points, 'points').replace(/^\+/, '')} of company NRR.`,
      };
    }
  }
  return {
    year, rows, drag,
    company: { nrr: fig(`company.nrr.y${year}`, company.nrr, 'percent'), grr: fig(`company.grr.y${year}`, company.grr, 'percent') },
  };
}
