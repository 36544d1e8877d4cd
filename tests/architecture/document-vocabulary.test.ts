// Issue 18: the model's vocabulary lives once, in shared/document/. This test
// reads every renderer module and fails when one declares its own model limit
// or parses a canonical key itself; a fixture of each offence proves it fires.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '@shared/document/index';

const ROOT = join(__dirname, '../..');
/** Callers of the document: the renderer, and the CLI, which reads models by key too. */
const CALLERS = [join(ROOT, 'renderer/src'), join(ROOT, 'cli')];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const LIMIT_VALUES = new Set<number>(Object.values(DOCUMENT_LIMITS));
/** Words of the model's lists: a limit named after one of them is a model limit. */
const MODEL_LIST = /LANES|YEARS|STAGES|FUNNEL|COHORTS|RAMP|SCENARIOS|OVERRIDES|SEGMENTS/;
/** Text of a pattern or a prefix that reads a canonical key. */
const KEY_WORDS = /lanes|journey|acquisition|general\\*\.|cohorts|segments|newCustomersByYear|funnel|\\+\[\(?\\+d\+?\)?\\+\]/;
const KEY_PREFIX = /^(lanes|journey\.|acquisition\.|general\.|base\.|segments\.)/;

/** Every place in `code` that restates the document's vocabulary, as "line: what". */
export function offences(code: string, fileName = 'x.tsx'): string[] {
  const src = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (n: ts.Node, what: string) => out.push(`${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${what}`);
  const num = (n: ts.Node | undefined) => (n && ts.isNumericLiteral(n) ? Number(n.text) : null);
  const visit = (n: ts.Node): void => {
    // const MAX_LANES = 10, or a MAX_ const holding one of the model's limits
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && /^MAX_/.test(n.name.text)) {
      const v = num(n.initializer);
      if (MODEL_LIST.test(n.name.text) || (v !== null && LIMIT_VALUES.has(v))) at(n, `declares its own model limit ${n.name.text}`);
    }
    // grow={{ noun: …, max: 50 }}: a table's row limit written as a number
    if (ts.isObjectLiteralExpression(n)) {
      const props = new Map(n.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(src), p.initializer]));
      if (props.has('noun') && num(props.get('max')) !== null) at(n, 'a table limit written as a number, not DOCUMENT_LIMITS');
    }
    // lanes.length >= 10, funnel.length < 20
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken].includes(n.operatorToken.kind)) {
      const [lit, other] = num(n.right) !== null ? [num(n.right)!, n.left] : [num(n.left), n.right];
      if (lit !== null && LIMIT_VALUES.has(lit) && /lanes|funnel|newCustomersByYear|cohorts|years|stages|scenarios|overrides|segments/i.test(other.getText(src))) at(n, `compares with a model limit written as ${lit}`);
    }
    // a regex over keys
    if (ts.isRegularExpressionLiteral(n) && KEY_WORDS.test(n.text)) at(n, `parses a canonical key with ${n.text}`);
    if (ts.isNewExpression(n) && n.expression.getText(src) === 'RegExp' && n.arguments?.some((a) => KEY_WORDS.test(a.getText(src)))) at(n, 'parses a canonical key with new RegExp');
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const arg = n.arguments[0];
      const text = arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : arg && ts.isTemplateExpression(arg) ? arg.head.text : null;
      // key.split('.')
      if (method === 'split' && text === '.') at(n, "splits a key on '.'");
      // key.startsWith('lanes.'), key.slice(…) after a key prefix
      if (['startsWith', 'endsWith', 'indexOf', 'lastIndexOf'].includes(method) && text !== null && KEY_PREFIX.test(text)) at(n, `reads a key's prefix "${text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('the renderer uses the document\'s limits and key grammar (shared/document)', () => {
  it('no renderer or CLI module declares a model limit or parses a canonical key', () => {
    const found = CALLERS.flatMap(files).flatMap((f) => offences(readFileSync(f, 'utf8'), f).map((o) => `${relative(ROOT, f)}:${o}`));
    expect(found).toEqual([]);
  });

  it.each([
    ['export const MAX_LANES = 10;', 'declares its own model limit MAX_LANES'],
    ['const MAX_ROWS = 20;', 'declares its own model limit MAX_ROWS'],
    ["const g = <SheetGrid grow={{ noun: ['stage', 'stages'], rows: n, max: 50 }} />;", 'a table limit written as a number'],
    ['if (inputs.lanes.length >= 10) return;', 'compares with a model limit written as 10'],
    ['const m = /^lanes\\.([^.]+)\\.(\\w+)$/.exec(key);', 'parses a canonical key'],
    ['const y = /^(.+)\\[(\\d+)\\]$/.exec(key);', 'parses a canonical key'],
    ["const r = new RegExp(`^${prefix}\\\\[(\\\\d+)\\\\]`);", 'parses a canonical key with new RegExp'],
    ["const parts = key.split('.');", "splits a key on '.'"],
    ["const mine = key.startsWith(`lanes.${id}.`);", 'reads a key\'s prefix "lanes."'],
  ])('fires on %s', (code, want) => {
    expect(offences(code).join('\n')).toContain(want);
  });

  it('lets through what is not the model\'s vocabulary', () => {
    const fine = [
      'const MAX_DROP_BYTES = 200 * 1024 * 1024;',
      "const g = <SheetGrid grow={{ noun: ['lane', 'lanes'], rows: n, max: DOCUMENT_LIMITS.lanes }} />;",
      'if (values.length > 3) return;',
      "const x = /^\\d{4}-\\d{2}$/.test(month);",
      "const [a, b] = ref.split(':');",
    ].join('\n');
    expect(offences(fine)).toEqual([]);
  });
});
