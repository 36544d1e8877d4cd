// A chart drawn off the main thread: `draw` returns the SVG for the box's width
// (the chart worker runs ECharts' SSR), and the page shows it: no ECharts on the
// main thread. As an image by default (a chart of many marks, the Actuals
// sheet's: no DOM per mark); `inline`, as SVG markup in the page (a chart of few
// marks whose words must stay text, the tornado's). Drawn again when `draw` (a
// memoised callback: new content) or the width changes; a late answer for an
// older request is dropped. The pointer's read-out comes from `hover`
// (chart-box.tsx); the numbers are also in the tables beside the charts, for
// keyboard and screen-reader users.
import { useEffect, useRef, useState } from 'react';
import { ChartTip, useBoxWidth, useChartTip, type HoverLines } from './chart-box';

export interface DrawnChartProps {
  /** memoised: a new function means new content, and the chart is drawn again */
  draw: (width: number, height: number) => Promise<string>;
  height: number;
  label: string;
  dataKey?: string;
  hover?: HoverLines;
  /** the SVG as markup in the page (its text selectable, printed as text) instead of an image */
  inline?: boolean;
}

export function DrawnChart({ draw, height, label, dataKey, hover, inline = false }: DrawnChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box);
  const [svg, setSvg] = useState<string | null>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  const { tip, handlers } = useChartTip(box, hover);

  useEffect(() => {
    if (width <= 0) return;
    let current = true;
    setState('drawing');
    draw(width, height).then(
      (drawn) => {
        if (!current) return;
        if (inline) setSvg(drawn);
        else setSrc(URL.createObjectURL(new Blob([drawn], { type: 'image/svg+xml' })));
        setState('drawn');
      },
      () => { if (current) setState('failed'); },
    );
    return () => { current = false; };
  }, [draw, width, height, inline]);
  useEffect(() => (src ? () => URL.revokeObjectURL(src) : undefined), [src]);

  return (
    <div ref={box} className="drawn-chart" role="img" aria-label={label} aria-busy={state === 'drawing'} data-key={dataKey} data-state={state} style={{ height }} {...handlers}>
      {inline && svg ? <DrawnSvg svg={svg} />
        : src ? <img className="drawn-chart-plot" src={src} alt="" draggable={false} /> : <div className="drawn-chart-plot" />}
      {state === 'failed' ? <p className="drawn-chart-failed">The chart could not be drawn; the table below has its figures.</p> : null}
      <ChartTip tip={tip} width={width} height={height} />
    </div>
  );
}

/**
 * SVG markup a worker drew (ECharts' SSR, which escapes every text it is given),
 * shown inline: the board's charts, whose words the printed PDF must carry as text.
 */
export function DrawnSvg({ svg, label, dataKey, width, height }: { svg: string; label?: string; dataKey?: string; width?: number; height?: number }) {
  return (
    <div className="drawn-chart-plot" role={label ? 'img' : undefined} aria-label={label} data-key={dataKey}
      style={width === undefined ? undefined : { width, height }} dangerouslySetInnerHTML={{ __html: svg }} />
  );
}
