// The text boxes of an SVG that ECharts rendered server-side, to check a chart
// for labels drawn over each other, over a reference line or off the canvas.
// ECharts writes one <text> per line, positioned by transform="translate(x y)"
// (or a matrix whose last two numbers are the position), with text-anchor and
// dominant-baseline; the width is estimated from the characters (textWidth).
import { textWidth } from '../../shared/report/text-width';

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

/** Dashed straight lines: the charts' reference lines (100%, CAC, margin floor). */
export function dashedLines(svg: string): Line[] {
  const out: Line[] = [];
  for (const m of svg.matchAll(/<path([^>]*)>/g)) {
    const tag = m[1]!;
    if (!/stroke-dasharray/.test(tag)) continue;
    const d = /^M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)$/.exec(attr(tag, 'd') ?? '');
    if (d) out.push({ x0: Number(d[1]), y0: Number(d[2]), x1: Number(d[3]), y1: Number(d[4]) });
  }
  return out;
}

const overlap = (a: { x0: number; y0: number; x1: number; y1: number }, b: { x0: number; y0: number; x1: number; y1: number }, slack: number) =>
  a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;

/** Every pair of text boxes that overlap by more than `slack` px, and every text crossing a dashed line or the canvas edge. */
export function legibilityProblems(svg: string, slack = 0.5): string[] {
  const boxes = textBoxes(svg);
  const lines = dashedLines(svg);
  const { width, height } = svgSize(svg);
  const problems: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    if (a.size < 9) problems.push(`"${a.text}" is ${a.size}px, below 9`);
    if (a.x0 < -slack || a.y0 < -slack || a.x1 > width + slack || a.y1 > height + slack) problems.push(`"${a.text}" runs off the chart`);
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlap(a, boxes[j]!, slack)) problems.push(`"${a.text}" overlaps "${boxes[j]!.text}"`);
    }
    for (const l of lines) {
      const lb = { x0: Math.min(l.x0, l.x1) - 0.5, x1: Math.max(l.x0, l.x1) + 0.5, y0: Math.min(l.y0, l.y1) - 0.5, y1: Math.max(l.y0, l.y1) + 0.5 };
      if (overlap(a, lb, slack)) problems.push(`"${a.text}" crosses a reference line`);
    }
  }
  return problems;
}
