// What the app's off-thread charts share: the width a chart is drawn for (a
// resize redraws once it settles) and the pointer's read-out, a small tooltip
// and an outline of the month or cell it is about, which the chart works out
// from its own layout.
import { useLayoutEffect, useState, type PointerEvent, type RefObject } from 'react';
import type { HoverMark } from '@shared/report/index';
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

/** What the pointer at (x, y) in a `width` × `height` chart reads: its lines, and the mark or band it is over. */
export type HoverLines = (x: number, y: number, width: number, height: number) => { lines: string[]; mark: HoverMark | null } | null;

export interface Tip { x: number; y: number; lines: string[]; mark: HoverMark | null }

/** Pointer handlers for a chart box, and the tip they set. */
export function useChartTip(box: RefObject<HTMLElement | null>, hover: HoverLines | undefined) {
  const [tip, setTip] = useState<Tip | null>(null);
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (!hover || !box.current) return;
    const r = box.current.getBoundingClientRect();
    const x = e.clientX - r.left, y = e.clientY - r.top;
    const found = hover(x, y, r.width, r.height);
    setTip(found ? { x, y, ...found } : null);
  };
  return { tip, handlers: { onPointerMove, onPointerLeave: () => setTip(null) } };
}

/** `cell`: the mark outlines one small cell (a heat map's), drawn stronger than a month's band. */
export function ChartTip({ tip, width, height, cell = false }: { tip: Tip | null; width: number; height: number; cell?: boolean }) {
  if (!tip) return null;
  const m = tip.mark;
  return (
    <>
      {m ? <div className={cell ? 'chart-mark chart-mark-cell' : 'chart-mark'} aria-hidden="true" style={{ left: m.x, top: m.y, width: m.width, height: m.height }} /> : null}
      <div className="chart-tip" aria-hidden="true" data-testid="chart-tip"
        style={{ left: Math.max(0, Math.min(tip.x + 14, width - 220)), top: Math.max(0, Math.min(tip.y + 14, height - 18 * tip.lines.length - 12)) }}>
        {tip.lines.map((l, i) => <div key={i} className={i === 0 ? 'chart-tip-head' : undefined}>{l}</div>)}
      </div>
    </>
  );
}
