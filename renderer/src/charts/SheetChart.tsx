// A sheet's chart by name and data (shared/report/sheet-charts.ts), built and
// drawn to SVG in the chart worker (DrawnChart): no ECharts in the page.
import { useCallback } from 'react';
import type { SheetChartRequest } from '@shared/report/index';
import { chartClient } from '../workers/worker-clients';
import { DrawnChart } from './DrawnChart';

export function SheetChart({ request, height, label, dataKey }: { request: SheetChartRequest; height: number; label: string; dataKey?: string }) {
  const draw = useCallback((width: number, h: number) => chartClient().call('sheetChart', { request, width, height: h }), [request]);
  return <DrawnChart draw={draw} height={height} label={label} dataKey={dataKey} inline />;
}
