// The bowtie picture's figures and widths, to scale (issue 12 item 1), for the
// Bowtie sheet and the board's bowtie chart alike:
// - left: the volume needed at each funnel stage for year 1's new logos, each
//   width proportional to its volume (the widest stage is full width);
// - right, on its own scale where 100% of closed customers is the closed-won
//   bar: the share of closed customers reaching each stage, then the expected
//   ARR per closed customer at each renewal as a share of closed-won ACV. That
//   part widens when expansion outruns churn and narrows when it does not.
import type { ModelInputs } from '../model/inputs';
import type { ModelResult } from '../core/result';
import { count, percent } from './format';
import { FIGURE_LABELS } from './labels';

export interface BowtieBar {
  key: string;
  name: string;
  /** volume (left), share of closed customers or ARR ÷ ACV (right); null when undefined */
  value: number | null;
  /** as printed */
  text: string;
  /** 0–1 of the picture's full width */
  width: number;
  kind: 'funnel' | 'won' | 'stage' | 'renewal';
  /** the customer's age in months when the stage is known (right side) */
  month?: number;
}

export interface BowtieShape {
  won: number;
  left: BowtieBar[];
  /** closed-won on the right side's scale: 100% */
  knot: BowtieBar;
  right: BowtieBar[];
  /** width of 100% on the right side */
  rightUnit: number;
}

/** First value of an input that may be one number or one per year. */
const first = (x: number | readonly number[]): number => [x].flat()[0] ?? 0;

/** At most this many renewals are drawn (the rest would not fit beside the stages). */
export const MAX_RENEWALS = 3;

export function bowtieShape(inputs: ModelInputs, r: ModelResult<number>): BowtieShape {
  const won = first(inputs.acquisition.newCustomersByYear);
  const maxVol = Math.max(won, ...r.funnel.map((s) => s.volume ?? 0));
  const leftWidth = (v: number | null) => (v === null || maxVol <= 0 ? 0 : v / maxVol);
  const left: BowtieBar[] = [
    ...r.funnel.map((s, i): BowtieBar => ({
      key: `funnel[${i}]`, name: s.name, value: s.volume, kind: 'funnel',
      text: s.volume === null ? '—' : count(Math.round(s.volume)), width: leftWidth(s.volume),
    })),
    { key: 'closedWon', name: FIGURE_LABELS.closedWon, value: won, text: count(won), width: leftWidth(won), kind: 'won' },
  ];

  const p = r.journey.pathProbability;
  const j = inputs.journey;
  const m = inputs.acquisition.contractMonths;
  const renewalRate = first(j.renewal.rate);
  const stages = [
    { key: 'onboarded', name: FIGURE_LABELS.onboarded, value: 1 - p.failedOnboarding, month: j.onboarding.month },
    { key: 'firstValue', name: FIGURE_LABELS.firstValue, value: p.failedAdoption + p.adopter, month: j.firstValue.month },
    { key: 'adopted', name: FIGURE_LABELS.adopted, value: p.adopter, month: j.adoption.month },
    { key: 'adoptedAndRenewed', name: FIGURE_LABELS.adoptedAndRenewed, value: p.adopter * renewalRate, month: m },
  ];
  // Expected ARR per closed customer just after each renewal (age k·m), ÷ ACV.
  const acv = first(inputs.acquisition.acv);
  const renewals: { key: string; name: string; value: number | null; month: number }[] = [];
  for (let k = 1; k <= MAX_RENEWALS && k * m < r.journey.ages.length; k++) {
    const arr = r.journey.ages[k * m]!.arr;
    renewals.push({ key: `renewal${k}`, name: `ARR at renewal ${k}`, value: acv > 0 ? arr / acv : null, month: k * m });
  }
  const top = Math.max(1, ...renewals.map((x) => x.value ?? 0));
  const rightUnit = Math.min(0.6, 1 / top);
  const right: BowtieBar[] = [
    ...stages.map((s): BowtieBar => ({ ...s, text: percent(s.value), width: s.value * rightUnit, kind: 'stage' })),
    ...renewals.map((s): BowtieBar => ({ ...s, text: percent(s.value), width: (s.value ?? 0) * rightUnit, kind: 'renewal' })),
  ];
  return {
    won, left, right, rightUnit,
    knot: { key: 'closedWon', name: FIGURE_LABELS.closedWon, value: 1, text: '100%', width: rightUnit, kind: 'won', month: 0 },
  };
}
