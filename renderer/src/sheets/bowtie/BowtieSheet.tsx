// Bowtie: the left funnel with the volumes needed for year-1 logos, the knot
// (closed-won), the right-side stages with the share of closed customers
// reaching each, the two retention views at the first renewal, and the lanes'
// purchase windows on one customer's timeline. Figures come from the core; the
// picture only places them.
import type { LaneAnchor, ModelInputs, ModelResult } from '@shared/index';
import { firstYear } from '@shared/index';
import { count, moneyExact, percent } from '@shared/index';
import { bowtieShape, type BowtieShape } from '@shared/index';
import { ANCHOR_WORDS, FIGURE_LABELS, FIGURE_NOTES } from '@shared/index';
import { useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';

const W = 1400;
const KNOT_X = 620;
const MID_Y = 190;
const LANE_COLORS = ['#2f7ed8', '#8e44ad', '#16a085', '#d35400', '#c0392b', '#2c3e50', '#7f8c8d', '#27ae60', '#b7950b', '#5d6d7e'];

function anchorAge(inputs: ModelInputs, anchor: LaneAnchor): number {
  const j = inputs.journey;
  switch (anchor) {
    case 'close': return 0;
    case 'onboarding': return j.onboarding.month;
    case 'firstValue': return j.firstValue.month;
    case 'adoption': return j.adoption.month;
    case 'renewal': return inputs.acquisition.contractMonths;
  }
}

/** A band of the bowtie between x0 and x1, with half-heights h0 and h1 around the middle line. */
const band = (x0: number, x1: number, h0: number, h1: number) =>
  `M${x0},${MID_Y - h0} L${x1},${MID_Y - h1} L${x1},${MID_Y + h1} L${x0},${MID_Y + h0} Z`;

/** One section of either side of the bowtie: its band, the stage name, its figure and a note. */
function Section(p: { a: number; b: number; h0: number; h1: number; fill: string; name: string; figure: string; figureKey: string; note: string }) {
  const x = (p.a + p.b) / 2;
  return (
    <g>
      <path d={band(p.a, p.b, p.h0, p.h1)} fill={p.fill} />
      {/* a long name takes two lines, so neighbouring sections' names never run together */}
      {nameLines(p.name, p.b - p.a).map((line, i, all) => (
        <text key={i} x={x} y={MID_Y - 14 - (all.length - 1 - i) * 15} className="bt-stage">{line}</text>
      ))}
      <text x={x} y={MID_Y + 8} className="bt-figure" data-key={p.figureKey}>{p.figure}</text>
      <text x={x} y={MID_Y + 26} className="bt-note">{p.note}</text>
    </g>
  );
}

/** A stage name in at most two lines that fit the section's width (about 7.5 px a character at the name's size). */
function nameLines(name: string, width: number): string[] {
  const max = Math.max(6, Math.floor(width / 7.5));
  if (name.length <= max) return [name];
  const words = name.split(' ');
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= max) first = `${first} ${words.shift()}`.trim();
  const rest = words.join(' ');
  return [first || rest.slice(0, max), rest.length > max ? `${rest.slice(0, max - 1)}…` : rest].filter(Boolean);
}

/** Half-height of a band for a width of 0–1 of the picture's full height. */
const HALF = 150;
const half = (w: number) => Math.max(1, w * HALF);

/** Left side, to scale: each stage's band is as tall as its volume, narrowing to closed-won. */
function Funnel({ shape }: { shape: BowtieShape & { rates: number[] } }) {
  const stages = shape.left.filter((b) => b.kind === 'funnel');
  const won = shape.left.find((b) => b.kind === 'won')!;
  const n = stages.length;
  const x0 = 30;
  const step = (KNOT_X - x0) / Math.max(n, 1);
  return (
    <g aria-label="Funnel: volumes needed for year-1 new logos, to scale">
      {stages.map((s, i) => {
        const a = x0 + i * step;
        const next = stages[i + 1] ?? won;
        return (
          <Section key={s.key} a={a} b={a + step - 3} h0={half(s.width)} h1={half(next.width)} fill={`hsl(212, 60%, ${88 - i * 6}%)`} name={s.name}
            figure={s.text} figureKey={`bowtie.funnel[${i}].volume`} note={`→ ${percent(shape.rates[i] ?? null, 0)} convert`} />
        );
      })}
      <text x={x0} y={24} className="bt-heading">Acquisition, to scale: volume needed for {count(shape.won)} new logos in year 1</text>
    </g>
  );
}

/** Right side, on its own scale (all closed = 100%): stage shares, then ARR per closed customer at each renewal ÷ ACV. */
function Journey({ shape }: { shape: BowtieShape }) {
  const x0 = KNOT_X + 90;
  const step = (W - 30 - x0) / Math.max(shape.right.length, 1);
  return (
    <g aria-label="After closed-won: share of closed customers at each stage, then ARR per closed customer at each renewal">
      {shape.right.map((s, i) => {
        const a = x0 + i * step;
        const prev = i === 0 ? shape.knot : shape.right[i - 1]!;
        const renewal = s.kind === 'renewal';
        return (
          <Section key={s.key} a={a} b={a + step - 3} h0={half(prev.width)} h1={half(s.width)}
            fill={renewal ? ((s.value ?? 0) >= 1 ? 'hsl(150, 45%, 62%)' : 'hsl(8, 60%, 78%)') : `hsl(150, 45%, ${86 - i * 5}%)`}
            name={s.name} figure={s.text} figureKey={`bowtie.stage.${s.key}`} note={renewal ? `of ACV, month ${s.month}` : `by month ${s.month}`} />
        );
      })}
      <text x={x0} y={24} className="bt-heading">After closed-won, to scale (all closed = 100%)</text>
    </g>
  );
}

function Retention({ result }: { result: ModelResult<number> }) {
  const full = result.journey.fullJourneyRetention;
  const decision = result.journey.renewalDecisionRetention;
  const x = KNOT_X + 90;
  const width = W - 30 - x;
  const bar = (y: number, v: number, label: string, color: string, key: string) => (
    <g>
      <text x={x} y={y - 4} className="bt-label">{label}</text>
      <rect x={x} y={y} width={width} height={16} fill="#eef1f5" rx={3} />
      <rect x={x} y={y} width={Math.max(0, Math.min(1, v)) * width} height={16} fill={color} rx={3} />
      <text x={x + Math.max(0, Math.min(1, v)) * width + 6} y={y + 12.5} className="bt-value" data-key={key}>{percent(v)}</text>
    </g>
  );
  return (
    <g aria-label="Logo retention at the first renewal">
      {bar(372, decision, `${FIGURE_LABELS.renewalRateOfAdopters} (${FIGURE_NOTES.renewalRateOfAdopters})`, '#6aa84f', 'bowtie.renewalDecisionRetention')}
      {bar(414, full, `${FIGURE_LABELS.renewedAllCustomers} (${FIGURE_NOTES.renewedAllCustomers})`, '#e69138', 'bowtie.fullJourneyRetention')}
    </g>
  );
}

function Timeline({ inputs }: { inputs: ModelInputs }) {
  const m = inputs.acquisition.contractMonths;
  const j = inputs.journey;
  const lanes = inputs.lanes.map((l) => ({ lane: l, from: anchorAge(inputs, l.anchor) + l.windowStart, to: anchorAge(inputs, l.anchor) + l.windowEnd }));
  const maxAge = Math.max(2 * m, ...lanes.map((l) => l.to + 1), j.adoption.month + 1);
  // lane labels sit in the first 220 px; the axis starts after them
  const x0 = 250;
  const x1 = W - 40;
  const top = 500;
  const xAt = (age: number) => x0 + (age / maxAge) * (x1 - x0);
  const rowH = 22;
  const marks = [
    { age: 0, label: 'Close' },
    { age: j.onboarding.month, label: 'Onboarded' },
    { age: j.firstValue.month, label: 'First value' },
    { age: j.adoption.month, label: 'Adopted' },
    ...Array.from({ length: Math.floor(maxAge / m) }, (_, k) => ({ age: (k + 1) * m, label: `Renewal ${k + 1}` })),
  ];
  const height = top + 30 + lanes.length * rowH;
  const ticks = Array.from({ length: Math.floor(maxAge / 3) + 1 }, (_, k) => k * 3);
  return (
    <g aria-label="Lane purchase windows on one customer's timeline">
      <text x={30} y={top - 46} className="bt-heading">Expansion lanes on the customer timeline (age in months)</text>
      <line x1={x0} x2={x1} y1={top} y2={top} stroke="#8a94a3" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={xAt(t)} x2={xAt(t)} y1={top - 3} y2={top + 3} stroke="#8a94a3" />
          <text x={xAt(t)} y={top + 14} className="bt-tick">{t}</text>
        </g>
      ))}
      {marks.map((mk, i) => (
        <g key={`${mk.label}-${i}`}>
          <line x1={xAt(mk.age)} x2={xAt(mk.age)} y1={top - 4} y2={height - 6} stroke={mk.label.startsWith('Renewal') ? '#c0392b' : '#b8c0cc'} strokeDasharray="3 3" />
          {/* neighbours alternate between two rows so close stages (months 2 and 3) stay legible */}
          <text x={xAt(mk.age)} y={top - 8 - (i % 2) * 14} className="bt-mark" textAnchor={mk.age >= maxAge ? 'end' : mk.age === 0 ? 'start' : 'middle'}>{mk.label}</text>
        </g>
      ))}
      {lanes.map(({ lane, from, to }, i) => {
        const y = top + 26 + i * rowH;
        const color = LANE_COLORS[i % LANE_COLORS.length]!;
        return (
          <g key={lane.id}>
            <text x={30} y={y + 12} className="bt-label">{lane.name.length > 34 ? `${lane.name.slice(0, 33)}…` : lane.name}</text>
            <rect x={xAt(from)} y={y} width={Math.max(3, xAt(to + 1) - xAt(from))} height={15} rx={3} fill={color} opacity={0.85} />
            {/* the note goes after the bar, or before it when the bar runs to the right edge */}
            <text x={xAt(to + 1) + 340 < W ? xAt(to + 1) + 6 : xAt(from) - 6} y={y + 12} className="bt-note-left" textAnchor={xAt(to + 1) + 340 < W ? 'start' : 'end'}>{percent(firstYear(lane.attachRate), 0)} attach · {moneyExact(firstYear(lane.acv), inputs.general.currency)} ACV · months {from}–{to} (after {ANCHOR_WORDS[lane.anchor]})</text>
          </g>
        );
      })}
    </g>
  );
}

export function BowtieSheet() {
  const result = useModel((s) => s.result);
  const inputs = useModel((s) => s.inputs) ?? null;
  const docInputs = useDocument((s) => s.inputs);
  if (!result) return <div className="sheet">Computing…</div>;
  // The picture follows the computed model (the active scenario, if any).
  const m = inputs ?? docInputs;
  const height = 500 + 30 + m.lanes.length * 22 + 10;
  const shape = { ...bowtieShape(m, result), rates: result.funnel.map((f) => f.rate) };
  return (
    <div className="sheet bowtie-sheet">
      <section className="section">
        <svg className="bowtie" viewBox={`0 0 ${W} ${height}`} role="img" aria-label="The revenue bowtie: funnel, closed-won, post-sale stages, retention and expansion lanes">
          <Funnel shape={shape} />
          {/* the knot joins the two scales: closed-won's volume on the left, 100% of closed customers on the right */}
          <g aria-label="Closed-won">
            <path d={`M${KNOT_X},${MID_Y - half(shape.left.at(-1)!.width)} L${KNOT_X + 87},${MID_Y - half(shape.knot.width)} L${KNOT_X + 87},${MID_Y + half(shape.knot.width)} L${KNOT_X},${MID_Y + half(shape.left.at(-1)!.width)} Z`} fill="#1a73e8" />
            <text x={KNOT_X + 43} y={MID_Y - 4} className="bt-knot">Closed-won</text>
            <text x={KNOT_X + 43} y={MID_Y + 14} className="bt-knot" data-key="bowtie.closedWon">{count(shape.won)}</text>
          </g>
          <Journey shape={shape} />
          <text x={KNOT_X + 90} y={352} className="bt-heading">At the first renewal (month {m.acquisition.contractMonths})</text>
          <Retention result={result} />
          <Timeline inputs={m} />
        </svg>
      </section>
    </div>
  );
}
