// How wide a line of chart text is, estimated from Helvetica/Arial character
// widths (em fractions), so the charts can wrap long names before ECharts draws
// them, and the legibility test can check the drawn labels for overlaps. An
// estimate on the generous side: a label judged to fit does fit.
const NARROW = new Set([...'iljtfI.,:;|!\'()[] ']);
const WIDE = new Set([...'mwMW@%']);

export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (WIDE.has(ch)) em += 0.86;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else if (ch === '—' || ch === '–' || ch === '×') em += 0.62;
    else em += 0.56;
  }
  // DejaVu Sans, the fallback where Helvetica and Arial are missing, is about 10% wider.
  return em * fontSize * 1.1 * (bold ? 1.08 : 1);
}

/** Words wrapped into at most `maxLines` lines of at most `width` px; the last line ends in "…" when cut. */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = line ? `${line} ${w}` : w;
    if (textWidth(next, fontSize, bold) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = w;
    if (lines.length === maxLines) { line = ''; lines[maxLines - 1] = ellipsis(`${lines[maxLines - 1]!} ${words.slice(i).join(' ')}`, width, fontSize, bold); return lines; }
  }
  if (line) lines.push(line);
  // A single word longer than the width is cut too.
  return lines.map((l) => (textWidth(l, fontSize, bold) > width ? ellipsis(l, width, fontSize, bold) : l));
}

function ellipsis(text: string, width: number, fontSize: number, bold: boolean): string {
  let t = text;
  while (t.length > 1 && textWidth(`${t}…`, fontSize, bold) > width) t = t.slice(0, -1);
  return t === text ? t : `${t.trimEnd()}…`;
}
