// Heat-map colour of a two-way cell: white at the base case, greener the further
// above it, redder the further below, relative to the table's own range (every
// figure a two-way table can show is better when higher).
export function heatColor(v: number, centre: number, lo: number, hi: number): string {
  const up = hi - centre, down = centre - lo;
  const t = v >= centre ? (up > 0 ? (v - centre) / up : 0) : down > 0 ? -(centre - v) / down : 0;
  const a = Math.min(1, Math.abs(t)) * 0.55;
  return t >= 0 ? `rgba(47, 125, 79, ${a.toFixed(3)})` : `rgba(184, 58, 46, ${a.toFixed(3)})`;
}
