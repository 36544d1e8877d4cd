// Every board chart legible at its printed size (issue 12 item 2): rendered to
// SVG with ECharts' server-side renderer, no two labels overlap, no label crosses
// a reference line or the chart's edge, nothing is under 9 px, and every shown
// axis names its unit. Tried on the example, long lane names, 10 lanes, negative
// flows, a one-year model and each of two scenarios.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, type ModelInputs } from '../../../shared/index';
import { applyScenario } from '../../../shared/model/scenarios';
import { boardCharts, type ChartSpec } from '../../../shared/report/index';
import { renderChartSvg } from '../../../shared/report/draw';
import { expansionOutrunsChurn, oneYear, shrinking, tenLanes, threeScenarios } from '../../support/board-models';
import { legibilityProblems, textBoxes } from '../../support/svg-text';
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
