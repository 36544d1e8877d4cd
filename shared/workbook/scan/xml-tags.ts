// A strict little XML tokenizer for the pre-scan: it sees every start tag with
// its attributes decoded the way an XML parser (saxes, under ExcelJS) delivers
// them — either quote style, whitespace normalised, character and predefined
// entities decoded — and the text of each element. Anything it cannot read as
// well-formed markup is refused rather than skipped, so nothing can hide from
// the checks behind syntax the real parser accepts and this one does not.

export class XmlRefusal extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode `&lt;`, `&#65;`, `&#x41;`; any other entity is refused (a workbook never defines its own). */
export function decodeEntities(s: string, where: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,12});?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new XmlRefusal(`${where} has a stray "&" (not well-formed XML)`);
    if (body in PREDEFINED) return PREDEFINED[body]!;
    const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (num) {
      const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
    }
    throw new XmlRefusal(`${where} uses the entity "&${body};", which a workbook never needs`);
  });
}

export interface Tag {
  /** the name without its namespace prefix (`xdr:row` → `row`) */
  local: string;
  attrs: Map<string, string>;
}

const START = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const CLOSE = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1);

/**
 * Walk `xml`: `onOpen` for each start tag, `onText` with the decoded text
 * directly inside an element when it closes (only for the names in `textOf`).
 */
export function walkXml(xml: string, where: string, onOpen: (t: Tag) => void, textOf: ReadonlySet<string> = new Set(), onText?: (local: string, text: string) => void): void {
  const stack: { name: string; text: string | null }[] = [];
  let i = 0;
  const bad = (what: string): never => { throw new XmlRefusal(`${where} is not well-formed XML (${what} at character ${i})`); };
  const addText = (t: string) => { const top = stack[stack.length - 1]; if (top && top.text !== null) top.text += t; };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? xml.length : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      if (raw.includes(']]>')) bad('"]]>" in text');
      addText(decodeEntities(raw, where));
    }
    if (lt < 0) break;
    i = lt;
    const next = xml[lt + 1];
    if (next === '?') {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) bad('an unclosed processing instruction');
      i = close + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt + 4);
      if (close < 0) bad('an unclosed comment');
      i = close + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      if (close < 0) bad('an unclosed CDATA section');
      addText(xml.slice(lt + 9, close));
      i = close + 3;
    } else if (next === '!') {
      // <!DOCTYPE …> and <!ENTITY …>: the door to entity expansion ("billion laughs"). No workbook part has one.
      throw new XmlRefusal(`${where} declares a document type or entities (<!${xml.slice(lt + 2, lt + 9)}…), which a workbook never does`);
    } else if (next === '/') {
      CLOSE.lastIndex = lt;
      const m = CLOSE.exec(xml) ?? bad('a broken closing tag');
      const top = stack.pop() ?? bad(`</${m[1]}> closes nothing`);
      if (top.name !== m[1]) bad(`</${m[1]}> closes <${top.name}>`);
      if (top.text !== null) onText?.(localName(top.name), top.text);
      i = CLOSE.lastIndex;
    } else {
      START.lastIndex = lt;
      const m = START.exec(xml) ?? bad('a tag that cannot be read');
      const attrs = new Map<string, string>();
      for (const a of m[2]!.matchAll(ATTR)) {
        if (attrs.has(a[1]!)) bad(`the attribute ${a[1]} given twice`);
        // An XML parser turns tabs and line breaks in an attribute into spaces, then decodes entities.
        attrs.set(a[1]!, decodeEntities((a[2] ?? a[3]!).replace(/[\t\n\r]/g, ' '), where));
      }
      const local = localName(m[1]!);
      onOpen({ local, attrs });
      if (!m[3]) stack.push({ name: m[1]!, text: textOf.has(local) ? '' : null });
      else if (textOf.has(local)) onText?.(local, '');
      i = START.lastIndex;
    }
  }
  if (stack.length) bad(`<${stack[stack.length - 1]!.name}> is never closed`);
}
