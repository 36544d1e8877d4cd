// Bytes of a CSV export to text, refusing anything that is not UTF-8 (issue 19):
// a decoder that replaces bad bytes with U+FFFD turns Excel's Windows "CSV"
// (cp1252) "Jürgen" and "Jörgen" into one customer "J�rgen". The check is a
// streaming validator (RFC 3629: no overlongs, surrogates or code points past
// U+10FFFF) that also counts lines, so the refusal names the first bad line.

export interface NotUtf8 { line: number; byte: number }

export class Utf8Text {
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  /** LF bytes before the byte being checked */
  private lines = 0;
  private readonly decoder = new TextDecoder('utf-8');

  /** The chunk's text, or where the bytes stop being UTF-8 (at the end: a character cut short). */
  decode(bytes: Uint8Array): string | NotUtf8 {
    let { need, lo, hi, lines } = this;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (need === 0) {
        if (b < 0x80) { if (b === 10) lines++; continue; }
        lo = 0x80; hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; else if (b === 0xed) hi = 0x9f; }
        else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; else if (b === 0xf4) hi = 0x8f; }
        else return { line: lines + 1, byte: b };
      } else {
        if (b < lo || b > hi) return { line: lines + 1, byte: b };
        lo = 0x80; hi = 0xbf; need--;
      }
    }
    Object.assign(this, { need, lo, hi, lines });
    return this.decoder.decode(bytes, { stream: true });
  }

  /** What is left at the end of the file. */
  end(): string | NotUtf8 {
    if (this.need > 0) return { line: this.lines + 1, byte: -1 };
    return this.decoder.decode();
  }
}

/** The byte as a Windows-1252 character, when it is one (what Excel's Windows "CSV" writes). */
function cp1252(byte: number): string | null {
  try {
    const c = new TextDecoder('windows-1252').decode(new Uint8Array([byte]));
    return /\p{L}|\p{Sc}|\p{P}/u.test(c) ? c : null;
  } catch {
    return null;
  }
}

/** The refusal, in one sentence with the way out. */
export function notUtf8Message(bad: NotUtf8): string {
  const how = 'in Excel use Save As › "CSV UTF-8 (Comma delimited)" and import that file';
  if (bad.byte < 0) return `line ${bad.line}: the file ends inside a character, so it is not UTF-8 text; ${how}`;
  const c = cp1252(bad.byte);
  const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0');
  return `line ${bad.line} is not UTF-8 text (byte 0x${hex}${c ? `, "${c}" in Windows-1252` : ''}); ${how}`;
}

/** A whole file's bytes as text, or the refusal naming the first line that is not UTF-8 (accounts, pipelines, billing exports). */
export function utf8TextOf(bytes: Uint8Array): { text: string } | { error: string } {
  const u = new Utf8Text();
  const body = u.decode(bytes);
  if (typeof body !== 'string') return { error: notUtf8Message(body) };
  const tail = u.end();
  return typeof tail === 'string' ? { text: body + tail } : { error: notUtf8Message(tail) };
}
