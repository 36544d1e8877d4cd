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
  // Each piece with what joins it to the next on one line: a space between words, nothing inside a broken word.
  const pieces = text.split(/\s+/).filter(Boolean).flatMap((w) => {
    const parts = maxLines > 1 ? breakWord(w, width, fontSize, bold) : [w];
    return parts.map((p, i) => ({ text: p, join: i < parts.length - 1 ? '' : ' ' }));
  });
  const lines: string[] = [];
  let line = '';
  let join = ' ';
  for (let i = 0; i < pieces.length; i++) {
    const w = pieces[i]!.text;
    const next = line ? `${line}${join}${w}` : w;
    if (textWidth(next, fontSize, bold) <= width || !line) {
      line = next;
      join = pieces[i]!.join;
      continue;
    }
    lines.push(line);
    line = w;
    join = pieces[i]!.join;
    if (lines.length === maxLines) {
      const rest = pieces.slice(i).map((p) => p.text + p.join).join('').trim();
      lines[maxLines - 1] = ellipsis(`${lines[maxLines - 1]!} ${rest}`, width, fontSize, bold);
      return lines;
    }
  }
  if (line) lines.push(line);
  // A single word longer than the width is cut too.
  return lines.map((l) => (textWidth(l, fontSize, bold) > width ? ellipsis(l, width, fontSize, bold) : l));
}

/**
 * A word wider than the line, in pieces that fit: after its own hyphens or
 * slashes ("Closed-" "won"), else hyphenated ("Opportu-" "nity"), at least three
 * letters either side; a word that cannot be broken so stays whole (and is cut).
 */
function breakWord(word: string, width: number, fontSize: number, bold: boolean): string[] {
  if (textWidth(word, fontSize, bold) <= width) return [word];
  const own = word.split(/(?<=[-/])/);
  if (own.length > 1) return own.flatMap((p) => breakWord(p, width, fontSize, bold));
  for (let n = word.length - 3; n >= 3; n--) {
    const head = `${word.slice(0, n)}-`;
    if (textWidth(head, fontSize, bold) <= width) return [head, ...breakWord(word.slice(n), width, fontSize, bold)];
  }
  return [word];
}

function ellipsis(text: string, width: number, fontSize: number, bold: boolean): string {
  let t = text;
  while (t.length > 1 && textWidth(`${t}…`, fontSize, bold) > width) t = t.slice(0, -1);
  return t === text ? t : `${t.trimEnd()}…`;
}
