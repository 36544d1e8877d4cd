// Where the LTV chart's labels go (issue 12): the CAC label beside its dashed line
// and the year marks' figures above (or below) their points, placed where they
// touch neither the curve, the CAC line, a gridline nor each other. ECharts puts a
// label at a named position but does not avoid lines, so the chart computes the
// plot's geometry (it sets the grid itself) and tries each position in turn.
// Offsets are ECharts 5's: a markLine label sits 5 px from its line, a markPoint
// label 5 px beyond its symbol.
import { textWidth } from './text-width';

export interface Box { x0: number; y0: number; x1: number; y1: number }
export type MarkLinePosition = 'insideEndTop' | 'insideStartTop' | 'insideEndBottom' | 'insideStartBottom' | 'insideMiddleTop' | 'insideMiddleBottom';

export interface LtvGeometry {
  /** the plot area in px */
  plot: Box;
  /** curve points in px, one per month */
  curve: readonly (readonly [number, number])[];
  /** y of each gridline in px (the axis line at the bottom included) */
  grid: readonly number[];
  /** the year marks: point in px and label text */
  marks: readonly { x: number; y: number; text: string }[];
  /** y of the CAC line in px, or null when there is none */
  cacY: number | null;
  cacText: string;
  fontSize: number;
  /** the marks' symbol size (diameter, px) */
  symbolSize: number;
}

const LINE_GAP = 5;
const CLEAR = 1.5;

const hits = (a: Box, b: Box, clear = 0) => a.x0 - clear < b.x1 && b.x0 - clear < a.x1 && a.y0 - clear < b.y1 && b.y0 - clear < a.y1;

/** Whether a polyline passes within `clear` px of a box (each segment sampled every half pixel). */
function crosses(box: Box, pts: readonly (readonly [number, number])[], clear: number): boolean {
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!, [bx, by] = pts[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) * 2));
    for (let k = 0; k <= n; k++) {
      const x = ax + ((bx - ax) * k) / n, y = ay + ((by - ay) * k) / n;
      if (x > box.x0 - clear && x < box.x1 + clear && y > box.y0 - clear && y < box.y1 + clear) return true;
    }
  }
  return false;
}

export interface MarkPlacement { position: 'top' | 'bottom'; distance: number }

function markBox(m: { x: number; y: number; text: string }, p: MarkPlacement, g: LtvGeometry): Box {
  const w = textWidth(m.text, g.fontSize, true);
  const off = g.symbolSize / 2 + p.distance;
  const y0 = p.position === 'bottom' ? m.y + off : m.y - off - g.fontSize;
  return { x0: m.x - w / 2, x1: m.x + w / 2, y0, y1: y0 + g.fontSize };
}

function cacBox(pos: MarkLinePosition, g: LtvGeometry): Box {
  const w = textWidth(g.cacText, g.fontSize);
  const y = g.cacY!;
  const top = pos.endsWith('Top');
  const y0 = top ? y - LINE_GAP - g.fontSize : y + LINE_GAP;
  const x0 = pos.startsWith('insideStart') ? g.plot.x0 + LINE_GAP : pos.startsWith('insideEnd') ? g.plot.x1 - LINE_GAP - w : (g.plot.x0 + g.plot.x1 - w) / 2;
  return { x0, x1: x0 + w, y0, y1: y0 + g.fontSize };
}

const CAC_POSITIONS: MarkLinePosition[] = ['insideEndTop', 'insideStartTop', 'insideEndBottom', 'insideStartBottom', 'insideMiddleTop', 'insideMiddleBottom'];

/**
 * Each year mark's figure above its point, or, when the CAC line runs through it
 * there, below it, or above or below the line (a little further from the point);
 * and the first CAC label position that meets nothing. When none is clear, the
 * one that meets least (the curve and the figures weigh more than a gridline),
 * drawn on a white ground so a gridline behind it cannot read as underlining.
 */
export function placeLtvLabels(g: LtvGeometry): { marks: MarkPlacement[]; cac: MarkLinePosition; cacOnWhite: boolean } {
  const cacLine = g.cacY === null ? null : { x0: g.plot.x0, x1: g.plot.x1, y0: g.cacY - 0.75, y1: g.cacY + 0.75 };
  const inPlot = (b: Box) => b.y0 >= g.plot.y0 - 2 && b.y1 <= g.plot.y1 - 1;
  const placed: Box[] = [];
  const marks = g.marks.map((m): MarkPlacement => {
    const plain: MarkPlacement = { position: 'top', distance: LINE_GAP };
    if (!cacLine || !hits(markBox(m, plain, g), cacLine, CLEAR)) { placed.push(markBox(m, plain, g)); return plain; }
    const r = g.symbolSize / 2;
    const candidates: MarkPlacement[] = [
      { position: 'bottom', distance: LINE_GAP },
      { position: 'top', distance: m.y - r - (cacLine.y0 - CLEAR - 1) },
      { position: 'bottom', distance: cacLine.y1 + CLEAR + 1 - (m.y + r) },
    ];
    const ok = candidates.find((p) => {
      if (p.distance < LINE_GAP) return false;
      const b = markBox(m, p, g);
      return !hits(b, cacLine, CLEAR) && inPlot(b) && !crosses(b, g.curve, 2) && !placed.some((x) => hits(b, x, 1));
    }) ?? plain;
    placed.push(markBox(m, ok, g));
    return ok;
  });
  const points = g.marks.map((m) => ({ x0: m.x - g.symbolSize / 2, x1: m.x + g.symbolSize / 2, y0: m.y - g.symbolSize / 2, y1: m.y + g.symbolSize / 2 }));
  if (g.cacY === null) return { marks, cac: 'insideEndTop', cacOnWhite: false };
  const gridUnder = (b: Box) => g.grid.filter((y) => y > b.y0 - 1 && y < b.y1 + 1).length;
  const cost = (pos: MarkLinePosition) => {
    const b = cacBox(pos, g);
    let c = 0;
    if (!inPlot(b)) c += 4;
    if (crosses(b, g.curve, 2.25)) c += 10;
    c += 10 * [...placed, ...points].filter((x) => hits(b, x, CLEAR)).length;
    return c + gridUnder(b);
  };
  let best = CAC_POSITIONS[0]!, bestCost = Infinity;
  for (const pos of CAC_POSITIONS) {
    const c = cost(pos);
    if (c < bestCost) { best = pos; bestCost = c; }
    if (c === 0) break;
  }
  return { marks, cac: best, cacOnWhite: gridUnder(cacBox(best, g)) > 0 };
}
