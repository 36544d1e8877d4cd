// Every board chart legible at its printed size (issue 12 item 2): rendered to
// SVG with ECharts' server-side renderer, no two labels overlap, no label crosses
// a reference line or the chart's edge, nothing is under 9 px, and every shown
// axis names its unit. Tried on the example, long lane names, 10 lanes, negative
// flows, a one-year model and each of two scenarios.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, type ModelInputs } from '@shared/index';
import { applyScenario } from '@shared/model/scenarios';
import { boardCharts, type ChartSpec } from '@shared/report/index';
import { renderChartSvg } from '@shared/report/draw';
import { expansionOutrunsChurn, oneYear, shrinking, tenLanes, threeScenarios } from '../../support/board-models';
import { legibilityProblems, strokedSegments, textBoxes } from '../../support/svg-text';
import { g1 } from '../../support/models';

function longNames(): ModelInputs {
  const m = defaultInputs();
  m.lanes = m.lanes.map((l, i) => ({ ...l, name: `${['Additional', 'Deeper', 'Managed'][i]} ${'very long lane name that keeps going '.repeat(2)}`.slice(0, 60).trim() }));
  m.acquisition.funnel = [{ name: 'Marketing-qualified leads from paid search', rate: 0.3 }, ...m.acquisition.funnel.slice(1)];
  return m;
}

const scenarioModels = (): [string, ModelInputs][] => {
  const base = tenLanes();
  const set = threeScenarios();
  return set.scenarios.slice(0, 2).map((s) => [`10 lanes, scenario “${s.name}”`, applyScenario(base, s).inputs]);
};

const cases: [string, ModelInputs][] = [
  ['the example', defaultInputs()],
  ['G1', g1()],
  ['expansion outruns churn', expansionOutrunsChurn()],
  ['long lane and stage names', longNames()],
  ['10 lanes', tenLanes()],
  ['negative flows (a shrinking base)', shrinking()],
  ['one year', oneYear()],
  ...scenarioModels(),
];

const render = (c: ChartSpec) => renderChartSvg(c.option, c.width, c.height);

describe('board charts are legible at their printed size', () => {
  it.each(cases)('%s: no overlapping, clipped or tiny labels', (_, m) => {
    const problems = boardCharts(m, computeModel(m)).flatMap((c) => legibilityProblems(render(c)).map((p) => `${c.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  // The CAC line anywhere on the LTV axis, low, mid-range or above the curve's end: its label
  // never touches the line, the curve, a gridline or the year marks.
  const cacs = [5_000, 20_000, 45_000, 60_000, 80_000, 100_000, 130_000, 160_000, 185_000, 220_000, 300_000];
  it.each(cacs)('the CAC label at a CAC of %d stays clear of every line and label', (cac) => {
    const m = defaultInputs();
    m.acquisition.cacPerCustomer = cac;
    const svg = render(boardCharts(m, computeModel(m)).find((c) => c.id === 'ltvCurve')!);
    const label = textBoxes(svg).find((b) => b.text.startsWith('CAC'))!;
    expect(label).toBeDefined();
    expect(legibilityProblems(svg)).toEqual([]);
    // and off the gridlines (1 px clear), which a reader would take for underlining or strike-through,
    // unless no position is clear of them: then it is drawn on a white ground that hides the gridline
    const grid = strokedSegments(svg).filter((l) => l.kind === 'grid' && l.y0 === l.y1 && l.x1 - l.x0 > 50);
    const under = grid.filter((l) => l.y0 > label.y0 - 1 && l.y0 < label.y1 + 1 && l.x0 < label.x1 && l.x1 > label.x0).map((l) => l.y0);
    const ground = /<path d="M(-?[\d.]+) (-?[\d.]+)l([\d.]+) 0l0 ([\d.]+)l[^"]*Z" transform="translate\(([-\d.]+) ([-\d.]+)\)" fill="#ffffff"[^>]*><\/path>\s*<text[^>]*>CAC /.exec(svg);
    if (under.length) {
      expect(ground, `gridline at y ${under.join(', ')} under "${label.text}" with no white ground`).not.toBeNull();
      const [x0, y0, w, h, tx, ty] = ground!.slice(1).map(Number) as [number, number, number, number, number, number];
      for (const y of under) expect(y > ty + y0 && y < ty + y0 + h).toBe(true);
      expect(tx + x0).toBeLessThanOrEqual(label.x0 + 2);
      expect(tx + x0 + w).toBeGreaterThanOrEqual(label.x1 - 2);
    }
  });

  // Names a model of ordinary length uses are printed whole: wrapped, broken at a hyphen, never "…".
  it.each(cases.slice(0, 3))('%s: every name is printed whole', (_, m) => {
    const cut = boardCharts(m, computeModel(m)).flatMap((c) => textBoxes(render(c)).filter((b) => b.text.includes('…')).map((b) => `${c.id}: ${b.text}`));
    expect(cut).toEqual([]);
  });

  it('the checker itself finds labels drawn over each other', () => {
    const svg = renderChartSvg({
      xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value', show: false },
      series: [{ type: 'bar', data: [1, 1], label: { show: true, formatter: 'a long label that will not fit', fontSize: 12 } }],
    }, 120, 100);
    expect(legibilityProblems(svg).some((p) => p.includes('overlaps'))).toBe(true);
  });

  it('every axis that is drawn carries its unit', () => {
    const m = defaultInputs();
    const charts = boardCharts(m, computeModel(m));
    const texts = (id: string) => textBoxes(render(charts.find((c) => c.id === id)!)).map((b) => b.text);
    expect(texts('waterfall')).toContain('ARR, $M');
    expect(texts('ltvCurve')).toEqual(expect.arrayContaining(['revenue, $K', 'months since close']));
    expect(texts('nrrDecomposition')).toContain('% of opening ARR');
    expect(texts('laneMix')).toEqual(expect.arrayContaining(['Margin', 'ARR, end of year 3']));
  });

  it('more than four lanes are shown as the three largest and the rest summed, so every name fits', () => {
    const m = tenLanes();
    const r = computeModel(m);
    const texts = textBoxes(render(boardCharts(m, r).find((c) => c.id === 'nrrDecomposition')!)).map((b) => b.text);
    expect(texts).toContain('Other lanes (7)');
  });

  it('a flow of zero is printed $0, never −$0 or ($0)', () => {
    const m = defaultInputs();
    m.journey.contractionRate = 0;
    const texts = textBoxes(render(boardCharts(m, computeModel(m)).find((c) => c.id === 'waterfall')!)).map((b) => b.text);
    expect(texts).toContain('$0');
    expect(texts.join(' ')).not.toMatch(/[−-]\$0\b|\(\$0\)/);
  });
});
