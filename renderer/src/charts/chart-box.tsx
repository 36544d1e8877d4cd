// What the app's off-thread charts share: the width a chart is drawn for (a
// resize redraws once it settles) and the pointer's read-out, a small tooltip
// whose lines the chart works out from its own layout.
import { useLayoutEffect, useState, type PointerEvent, type RefObject } from 'react';
import './drawn-chart.css';

const REDRAW_AFTER_RESIZE_MS = 150;

export function useBoxWidth(box: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(Math.round(el.clientWidth));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ro = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setWidth(Math.round(el.clientWidth)), REDRAW_AFTER_RESIZE_MS);
    });
    ro.observe(el);
    return () => { ro.disconnect(); clearTimeout(timer); };
  }, [box]);
  return width;
}

export type HoverLines = (x: number, y: number, width: number, height: number) => string[] | null;

export interface Tip { x: number; y: number; lines: string[] }

/** Pointer handlers for a chart box, and the tip they set. */
export function useChartTip(box: RefObject<HTMLElement | null>, hover: HoverLines | undefined) {
  const [tip, setTip] = useState<Tip | null>(null);
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (!hover || !box.current) return;
    const r = box.current.getBoundingClientRect();
    const x = e.clientX - r.left, y = e.clientY - r.top;
    const lines = hover(x, y, r.width, r.height);
    setTip(lines ? { x, y, lines } : null);
  };
  return { tip, handlers: { onPointerMove, onPointerLeave: () => setTip(null) } };
}

export function ChartTip({ tip, width, height }: { tip: Tip | null; width: number; height: number }) {
  if (!tip) return null;
  return (
    <div className="chart-tip" aria-hidden="true" data-testid="chart-tip"
      style={{ left: Math.max(0, Math.min(tip.x + 14, width - 220)), top: Math.max(0, Math.min(tip.y + 14, height - 18 * tip.lines.length - 12)) }}>
      {tip.lines.map((l, i) => <div key={i} className={i === 0 ? 'chart-tip-head' : undefined}>{l}</div>)}
    </div>
  );
}
