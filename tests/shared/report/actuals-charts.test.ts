// The Actuals sheet's charts: what ECharts draws for the bridge and retention
// (SSR SVG, as the chart worker does), the heat map's layout and colours, and
// what the pointer reads out at a place on each chart.
import { describe, expect, it } from 'vitest';
import { BRIDGE_GRID, COHORT_COLOURS, COHORT_GRID, RETENTION_GRID, bandAt, bridgeChart, bridgeHover, cohortColour, cohortHeatLayout, cohortHover, cohortMark, money, monthMark, retentionChart, retentionHover } from '@shared/report/index';
import { renderChartSvg } from '@shared/report/draw';
import type { ActualsSheet } from '@shared/workbook/index';

const months = Array.from({ length: 24 }, (_, t) => `${2024 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
const series = <T,>(f: (t: number) => T): T[] => months.map((_, t) => f(t));
const sheet: ActualsSheet = {
  source: { fileName: 'b.csv', rows: 100, sha256: '0'.repeat(64) },
  months,
  opening: series((t) => 1000 * t),
  new: series(() => 1000),
  reactivation: series((t) => (t === 5 ? 200 : 0)),
  expansion: series((t) => 10 * t),
  contraction: series(() => 5),
  churn: series((t) => (t % 3 === 0 ? 300 : 0)),
  closing: series((t) => 1000 * (t + 1)),
  customers: series((t) => t + 1),
  nrr12: series((t) => (t < 12 ? null : 0.9 + t / 1000)),
  grr12: series((t) => (t < 12 ? null : 0.85)),
  logoRetention12: series((t) => (t < 12 ? null : 0.8)),
  cohorts: [
    { start: '2024-01', customers: 10, arr: [1000, 1100, 1500, 900] },
    { start: '2024-02', customers: 4, arr: [400, 0, 200] },
    { start: '2024-03', customers: 1, arr: [0, 50] },
  ],
};

describe('bandAt', () => {
  it('splits the plot into equal bands and is null outside it', () => {
    expect(bandAt(100, 100, 200, 10)).toBe(0);
    expect(bandAt(109.9, 100, 200, 10)).toBe(0);
    expect(bandAt(110, 100, 200, 10)).toBe(1);
    expect(bandAt(199.9, 100, 200, 10)).toBe(9);
    expect(bandAt(200, 100, 200, 10)).toBeNull();
    expect(bandAt(99, 100, 200, 10)).toBeNull();
    expect(bandAt(150, 100, 200, 0)).toBeNull();
  });
});

describe('the bridge and retention charts', () => {
  it('draw a bar per flow and month and the closing line', () => {
    const svg = renderChartSvg(bridgeChart(sheet, 'USD'), 900, 260);
    // five stacked flows a month (zero bars included) and one line, plus axes and legend
    expect(svg.match(/<path/g)!.length).toBeGreaterThan(5 * months.length);
    expect(svg).toContain('2024-01');
    expect(svg).toContain('Closing ARR');
  });

  it('read out the month under the pointer, with the same figures', () => {
    const width = 70 + 24 * 30 + 70, height = 260;
    const x = BRIDGE_GRID.left + 5 * 30 + 15; // month 5
    expect(bridgeHover(sheet, 'USD', x, 100, width, height)).toEqual([
      '2024-06', `New ${money(1000)}`, `Reactivation ${money(200)}`, `Expansion ${money(50)}`, `Contraction ${money(-5)}`, `Churn ${money(-0)}`, `Closing ARR ${money(6000)}`,
    ]);
    // the month's band is outlined, the plot's full height
    expect(monthMark(sheet, 'bridge', x, 100, width, height)).toEqual({ x: BRIDGE_GRID.left + 5 * 30, y: BRIDGE_GRID.top, width: 30, height: height - BRIDGE_GRID.top - BRIDGE_GRID.bottom });
    // above the plot (the legend) or left of it (the axis): nothing
    expect(bridgeHover(sheet, 'USD', x, BRIDGE_GRID.top - 1, width, height)).toBeNull();
    expect(monthMark(sheet, 'bridge', x, BRIDGE_GRID.top - 1, width, height)).toBeNull();
    expect(bridgeHover(sheet, 'USD', BRIDGE_GRID.left - 1, 100, width, height)).toBeNull();
  });

  it('retention reads a dash before the 13th month', () => {
    const width = RETENTION_GRID.left + 24 * 10 + RETENTION_GRID.right;
    expect(retentionHover(sheet, RETENTION_GRID.left + 3, 100, width, 260)).toEqual(['2024-01', 'NRR —', 'GRR —', 'Logo retention —']);
    expect(retentionHover(sheet, RETENTION_GRID.left + 12 * 10 + 3, 100, width, 260)).toEqual(['2025-01', 'NRR 91.2%', 'GRR 85.0%', 'Logo retention 80.0%']);
    expect(retentionChart(sheet).series).toHaveLength(3);
  });
});

describe('the cohort heat map', () => {
  const width = COHORT_GRID.left + 4 * 50 + COHORT_GRID.right;
  const height = COHORT_GRID.top + 3 * 40 + COHORT_GRID.bottom;

  it('has a cell per cohort and month with a share; a cohort that started at 0 has none', () => {
    const l = cohortHeatLayout(sheet, width, height);
    expect(l.grid).toEqual({ cols: 4, rows: 3 });
    expect(l.cells.map((c) => [c.row, c.col, c.share])).toEqual([[0, 0, 1], [0, 1, 1.1], [0, 2, 1.5], [0, 3, 0.9], [1, 0, 1], [1, 1, 0], [1, 2, 0.5]]);
    expect(l.max).toBe(1.5);
    expect(l.legend.max).toBe('150%');
  });

  it('colours 0 with the first stop and the largest share with the last', () => {
    const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    expect(hex(cohortColour(0, 1.2))).toBe(COHORT_COLOURS[0]);
    expect(hex(cohortColour(1.2, 1.2))).toBe(COHORT_COLOURS.at(-1));
    expect(hex(cohortColour(5, 1.2))).toBe(COHORT_COLOURS.at(-1));
    // halfway between the first two stops of five intervals: 0.1 of the way up the scale
    const mid = cohortColour(0.12, 1.2);
    expect(mid).toEqual([0xf5, 0xea, 0xdf]);
  });

  it('reads out the cohort and age under the pointer', () => {
    expect(cohortHover(sheet, COHORT_GRID.left + 2 * 50 + 5, COHORT_GRID.top + 5, width, height)).toEqual(['Cohort 2024-01 (10 customers)', 'Month 2: 150.0% of its starting ARR']);
    expect(cohortMark(sheet, COHORT_GRID.left + 2 * 50 + 5, COHORT_GRID.top + 5, width, height)).toEqual({ x: COHORT_GRID.left + 100, y: COHORT_GRID.top, width: 50, height: 40 });
    expect(cohortMark(sheet, COHORT_GRID.left + 5, COHORT_GRID.top + 85, width, height)).toBeNull();
    expect(cohortHover(sheet, COHORT_GRID.left + 1 * 50 + 5, COHORT_GRID.top + 45, width, height)).toEqual(['Cohort 2024-02 (4 customers)', 'Month 1: 0.0% of its starting ARR']);
    // past a cohort's last month, and a cohort that started at 0: nothing to read
    expect(cohortHover(sheet, COHORT_GRID.left + 3 * 50 + 5, COHORT_GRID.top + 45, width, height)).toBeNull();
    expect(cohortHover(sheet, COHORT_GRID.left + 5, COHORT_GRID.top + 85, width, height)).toBeNull();
  });
});
