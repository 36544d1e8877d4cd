// The text boxes of an SVG that ECharts rendered server-side, to check a chart
// for labels drawn over each other, over a reference line or off the canvas.
// ECharts writes one <text> per line, positioned by transform="translate(x y)"
// (or a matrix whose last two numbers are the position), with text-anchor and
// dominant-baseline; the width is estimated from the characters (textWidth).
import { textWidth } from '@shared/report/text-width';

export interface TextBox { text: string; x0: number; y0: number; x1: number; y1: number; size: number }
export interface Line { x0: number; y0: number; x1: number; y1: number }

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg[^>]*>/.exec(svg)![0];
  return { width: Number(attr(tag, 'width')), height: Number(attr(tag, 'height')) };
}

export function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([\s\S]*?)<\/text>/g)) {
    const tag = m[1]!;
    const text = unescape(m[2]!.replace(/<[^>]+>/g, ''));
    if (!text.trim()) continue;
    const style = attr(tag, 'style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const tf = attr(tag, 'transform') ?? '';
    let x = Number(attr(tag, 'x') ?? 0), y = Number(attr(tag, 'y') ?? 0);
    const t = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(tf);
    const mx = /matrix\(([^)]*)\)/.exec(tf);
    if (t) { x += Number(t[1]); y += Number(t[2]); }
    else if (mx) { const v = mx[1]!.split(/[ ,]+/).map(Number); x += v[4]!; y += v[5]!; }
    const w = textWidth(text, size, bold);
    const anchor = attr(tag, 'text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const baseline = attr(tag, 'dominant-baseline') ?? 'alphabetic';
    const y0 = baseline === 'central' || baseline === 'middle' ? y - size / 2 : baseline === 'hanging' || baseline === 'text-before-edge' ? y : y - size * 0.8;
    out.push({ text, x0, y0, x1: x0 + w, y1: y0 + size, size });
  }
  return out;
}

/**
 * The stroked, unfilled polylines an SVG draws, split into segments: `reference`
 * lines are dashed (100%, CAC, margin floor), `data` lines are a series drawn at
 * 2 px or more (the LTV curve), `grid` the rest (grid and axis lines, ticks).
 */
export type LineKind = 'reference' | 'data' | 'grid';
export interface Segment extends Line { kind: LineKind; width: number }
export function strokedSegments(svg: string): Segment[] {
  const out: Segment[] = [];
  for (const m of svg.matchAll(/<path([^>]*)>/g)) {
    const tag = m[1]!;
    if (attr(tag, 'fill') !== 'none' || !attr(tag, 'stroke') || attr(tag, 'transform')) continue;
    const d = attr(tag, 'd') ?? '';
    if (!/^M[-\d.]+ [-\d.]+(L[-\d.]+ [-\d.]+)+$/.test(d)) continue;
    const pts = [...d.matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])] as const);
    const width = Number(attr(tag, 'stroke-width') ?? 1);
    const kind: LineKind = /stroke-dasharray/.test(tag) ? 'reference' : width >= 2 ? 'data' : 'grid';
    for (let i = 1; i < pts.length; i++) out.push({ x0: pts[i - 1]![0], y0: pts[i - 1]![1], x1: pts[i]![0], y1: pts[i]![1], kind, width });
  }
  return out;
}

/** Dashed straight lines: the charts' reference lines (100%, CAC, margin floor). */
export function dashedLines(svg: string): Line[] {
  return strokedSegments(svg).filter((l) => l.kind === 'reference');
}

/** Whether a segment passes within `clear` px of a box (the segment sampled every half pixel). */
function segmentNear(b: TextBox, l: Segment, clear: number): boolean {
  const len = Math.hypot(l.x1 - l.x0, l.y1 - l.y0);
  const n = Math.max(1, Math.ceil(len * 2));
  for (let i = 0; i <= n; i++) {
    const x = l.x0 + ((l.x1 - l.x0) * i) / n, y = l.y0 + ((l.y1 - l.y0) * i) / n;
    if (x > b.x0 - clear && x < b.x1 + clear && y > b.y0 - clear && y < b.y1 + clear) return true;
  }
  return false;
}

const overlap = (a: { x0: number; y0: number; x1: number; y1: number }, b: { x0: number; y0: number; x1: number; y1: number }, slack: number) =>
  a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;

/** Every pair of text boxes that overlap by more than `slack` px, and every text crossing a dashed line or the canvas edge. */
export function legibilityProblems(svg: string, slack = 0.5): string[] {
  const boxes = textBoxes(svg);
  const lines = strokedSegments(svg);
  const { width, height } = svgSize(svg);
  const problems: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    if (a.size < 9) problems.push(`"${a.text}" is ${a.size}px, below 9`);
    if (a.x0 < -slack || a.y0 < -slack || a.x1 > width + slack || a.y1 > height + slack) problems.push(`"${a.text}" runs off the chart`);
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlap(a, boxes[j]!, slack)) problems.push(`"${a.text}" overlaps "${boxes[j]!.text}"`);
    }
    // A label keeps 1.5 px clear of a reference line (touching reads as struck through) and off a data line.
    if (lines.some((l) => l.kind === 'reference' && segmentNear(a, l, l.width / 2 + 1.5))) problems.push(`"${a.text}" touches a reference line`);
    if (lines.some((l) => l.kind === 'data' && segmentNear(a, l, l.width / 2))) problems.push(`"${a.text}" is crossed by a data line`);
  }
  return problems;
}
