// A chart given as an ECharts option (plain data), drawn to SVG in the chart
// worker (DrawnChart): the way a sheet shows a chart without ECharts in the page.
import { useCallback } from 'react';
import type { ChartSpec } from '@shared/report/index';
import { chartClient } from '../workers/worker-clients';
import { DrawnChart } from './DrawnChart';

export function OptionChart({ option, height, label, dataKey }: { option: ChartSpec['option']; height: number; label: string; dataKey?: string }) {
  const draw = useCallback((width: number, h: number) => chartClient().call('svg', { option, width, height: h }), [option]);
  return <DrawnChart draw={draw} height={height} label={label} dataKey={dataKey} inline />;
}
