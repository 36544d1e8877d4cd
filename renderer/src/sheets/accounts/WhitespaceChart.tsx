// Cumulative whitespace by ERS rank (issue 25.2): do the top 20% of accounts
// hold 80% of the opportunity (seed 004)? The diagonal is an even spread.
import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import { percent } from '@shared/report/index';
import { OptionChart } from '../../charts/OptionChart';

export function WhitespaceChart({ curve, top20 }: { curve: { accountShare: number; whitespaceShare: number }[]; top20: number | null }) {
  const option = useMemo<EChartsOption>(() => ({
    grid: { left: 44, right: 12, top: 28, bottom: 36 },
    title: { text: 'Whitespace by ERS rank', textStyle: { fontSize: 12 }, left: 0 },
    xAxis: { type: 'value', min: 0, max: 1, name: 'accounts, highest ERS first', nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      { type: 'line', name: 'whitespace held', showSymbol: false, data: [[0, 0], ...curve.map((p) => [p.accountShare, p.whitespaceShare])], lineStyle: { color: '#1a73e8' }, areaStyle: { color: 'rgba(26,115,232,0.08)' },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#b7791f', type: 'dashed' }, data: [{ xAxis: 0.2 }, { yAxis: 0.8 }], label: { formatter: (p) => ((p.value as number) === 0.2 ? 'top 20%' : '80%') } } },
      { type: 'line', name: 'even spread', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { color: '#c4cad3', type: 'dotted' } },
    ],
  }), [curve]);
  return (
    <section className="accounts-chart" aria-label="Cumulative whitespace by ERS rank">
      <OptionChart option={option} height={230} label={`Cumulative whitespace by ERS rank: the top 20% of accounts hold ${top20 === null ? 'no whitespace' : percent(top20)}`} />
      <p className="accounts-muted">{top20 === null ? 'No account has whitespace.' : `The top 20% by ERS hold ${percent(top20)} of the whitespace${top20 >= 0.8 ? ' — the 20/80 holds.' : '; seed 004 expects 80%.'}`}</p>
    </section>
  );
}
