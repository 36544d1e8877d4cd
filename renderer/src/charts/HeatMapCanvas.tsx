// The Actuals sheet's cohort heat map, painted on a canvas from its layout
// (shared/report/actuals-charts.ts: cells, labels, colour scale). Some 2,000
// cells as one small image scaled up take a few milliseconds; as SVG or through
// a chart library they held the page for 100–200 ms. Sharp on high-DPI
// screens; redrawn when the figures or the width change.
import { useEffect, useRef } from 'react';
import { CHART_FONT, COHORT_COLOURS, PALETTE, cohortHeatLayout } from '@shared/report/index';
import type { ActualsSheet } from '@shared/workbook/index';
import { ChartTip, useBoxWidth, useChartTip, type HoverLines } from './chart-box';

function paint(canvas: HTMLCanvasElement, sheet: ActualsSheet, width: number, height: number) {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const l = cohortHeatLayout(sheet, width, height);
  // One pixel per cell in a small image, scaled up without smoothing: a fill per
  // cell (a colour string parsed each time) was most of the paint.
  const { cols, rows } = l.grid;
  if (cols > 0 && rows > 0) {
    const cells = new ImageData(cols, rows);
    for (const c of l.cells) cells.data.set([...c.rgb, 255], (c.row * cols + c.col) * 4);
    const small = document.createElement('canvas');
    small.width = cols;
    small.height = rows;
    small.getContext('2d')?.putImageData(cells, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, l.plot.x, l.plot.y, l.plot.width, l.plot.height);
    // a hairline of white between cells, as on ChartMogul's charts
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 0.5;
    ctx.beginPath();
    for (let x = 1; x < cols; x++) { const px = l.plot.x + (x * l.plot.width) / cols; ctx.moveTo(px, l.plot.y); ctx.lineTo(px, l.plot.y + l.plot.height); }
    for (let y = 1; y < rows; y++) { const py = l.plot.y + (y * l.plot.height) / rows; ctx.moveTo(l.plot.x, py); ctx.lineTo(l.plot.x + l.plot.width, py); }
    ctx.stroke();
  }
  ctx.font = `10px ${CHART_FONT}`;
  ctx.fillStyle = PALETTE.muted;
  ctx.textBaseline = 'middle';
  for (const t of l.labels) { ctx.textAlign = t.align; ctx.fillText(t.text, t.x, t.y); }
  // the colour scale: high at the top
  const g = ctx.createLinearGradient(0, l.legend.y + l.legend.height, 0, l.legend.y);
  COHORT_COLOURS.forEach((c, i) => g.addColorStop(i / (COHORT_COLOURS.length - 1), c));
  ctx.fillStyle = g;
  ctx.fillRect(l.legend.x, l.legend.y, l.legend.width, l.legend.height);
  ctx.fillStyle = PALETTE.muted;
  ctx.textAlign = 'center';
  ctx.fillText(l.legend.max, l.legend.x + l.legend.width / 2, l.legend.y - 9);
  ctx.fillText(l.legend.min, l.legend.x + l.legend.width / 2, l.legend.y + l.legend.height + 9);
}

export function HeatMapCanvas({ sheet, height, label, dataKey, hover }: { sheet: ActualsSheet; height: number; label: string; dataKey?: string; hover?: HoverLines }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useBoxWidth(box);
  const { tip, handlers } = useChartTip(box, hover);
  useEffect(() => { if (canvas.current && width > 0) paint(canvas.current, sheet, width, height); }, [sheet, width, height]);
  return (
    <div ref={box} className="drawn-chart" role="img" aria-label={label} data-key={dataKey} data-state={width > 0 ? 'drawn' : 'drawing'} style={{ height }} {...handlers}>
      <canvas ref={canvas} className="drawn-chart-plot" />
      <ChartTip tip={tip} width={width} height={height} cell />
    </div>
  );
}
